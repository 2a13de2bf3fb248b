package nl.jeugdkubus.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdkubus.common.InputDigests;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.staging.IjwMessageParser;
import nl.jeugdkubus.staging.IjwSchemas;

/**
 * A benchmark, not a test: the CPU cost per message of the iJw read, split into its parts, in one thread.
 * {@code java -cp <test classpath> nl.jeugdkubus.bench.ParseCost <ijw folder> [messages] [rounds] [every]}: the
 * messages are the first {@code messages} files of the sorted folder, or with {@code every} > 1 every such file of the
 * whole folder (a sample of all types and gemeenten). Prints microseconds per message, per round: the whole parse
 * (records out), the XSD validation alone, a parse of the same reader without validation (well-formedness only), the
 * records' encoding for the shuffle ({@link SourceRecordCoder}), the SHA-256 of the bytes (on messages held in
 * memory), and opening and reading the files themselves (the file system, warm cache after the first round).
 * With {@code -Dparsecost.dump=FILE} it first writes every message's result (records and dead letters, one line each)
 * to FILE: run it against two versions of the parser and diff the files to show that a change keeps the results.
 */
public final class ParseCost {
  private ParseCost() {}

  /** The records of one message as the reader hands them to the shuffle; returns the bytes written. */
  private static long encode(IjwMessageParser.Result res) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    SourceRecordCoder coder = SourceRecordCoder.of();
    for (var t : res.toewijzingen) coder.encode(SourceRecord.of(t), out);
    for (var t : res.startStops) coder.encode(SourceRecord.of(t), out);
    for (var t : res.declaraties) coder.encode(SourceRecord.of(t), out);
    for (var t : res.deadLetters) coder.encode(SourceRecord.of(t), out);
    return out.size();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int every = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<Path> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      Stream<Path> sorted = files.sorted();
      if (every > 1) sorted = sorted.filter(p -> Math.floorMod(p.getFileName().toString().hashCode(), every) == 0);
      for (Path p : (Iterable<Path>) sorted.limit(limit)::iterator) {
        paths.add(p);
        names.add(p.getFileName().toString());
        messages.add(Files.readAllBytes(p));
      }
    }
    IjwMessageParser parser = new IjwMessageParser();
    List<String> types = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      types.add(parser.parse(names.get(i), new ByteArrayInputStream(messages.get(i)), new IjwMessageParser.Result()));
    }
    List<IjwMessageParser.Result> results = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      IjwMessageParser.Result res = new IjwMessageParser.Result();
      parser.parse(names.get(i), new ByteArrayInputStream(messages.get(i)), res);
      results.add(res);
    }
    String dump = System.getProperty("parsecost.dump");
    if (dump != null) {
      try (java.io.PrintWriter w = new java.io.PrintWriter(Files.newBufferedWriter(Path.of(dump)))) {
        for (int i = 0; i < messages.size(); i++) {
          IjwMessageParser.Result res = new IjwMessageParser.Result();
          String type = parser.parse(names.get(i), new ByteArrayInputStream(messages.get(i)), res);
          w.println(names.get(i) + " " + type + " " + res.notes);
          res.toewijzingen.forEach(w::println);
          res.startStops.forEach(w::println);
          res.declaraties.forEach(w::println);
          res.deadLetters.forEach(w::println);
        }
      }
    }
    System.out.printf("%d messages, %d bytes on average%n", messages.size(),
        messages.stream().mapToLong(b -> b.length).sum() / Math.max(1, messages.size()));
    for (int r = 1; r <= rounds; r++) {
      long records = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < messages.size(); i++) {
        IjwMessageParser.Result res = new IjwMessageParser.Result();
        parser.parse(names.get(i), new ByteArrayInputStream(messages.get(i)), res);
        records += res.recordCount();
      }
      long t1 = System.nanoTime();
      long violations = 0;
      for (int i = 0; i < messages.size(); i++) {
        if (types.get(i) != null && IjwMessageParser.SUPPORTED.contains(types.get(i))) {
          violations += IjwSchemas.validate(types.get(i), messages.get(i)).count();
        }
      }
      long t2 = System.nanoTime();
      long h = 0;
      for (byte[] m : messages) h += InputDigests.sha256(m).hashCode();
      long t3 = System.nanoTime();
      for (byte[] m : messages) IjwSchemas.read(m, (ns, root) -> null, new org.xml.sax.helpers.DefaultHandler());
      long t4 = System.nanoTime();
      long encoded = 0;
      for (IjwMessageParser.Result res : results) encoded += encode(res);
      long t5 = System.nanoTime();
      for (Path f : paths) h += Files.readAllBytes(f).length;
      long t6 = System.nanoTime();
      double n = messages.size() * 1000.0; // nanoseconds to microseconds per message
      System.out.printf("round %d: parse %.1f us/message (%d records), validate alone %.1f us (%d violations), "
          + "not validated %.1f us, encode %.1f us (%d bytes), sha256 %.1f us, read file %.1f us (%d)%n",
          r, (t1 - t0) / n, records, (t2 - t1) / n, violations, (t4 - t3) / n, (t5 - t4) / n, encoded, (t3 - t2) / n,
          (t6 - t5) / n, h & 1);
    }
  }
}
