package nl.jeugdkubus.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdkubus.common.InputDigests;
import nl.jeugdkubus.staging.IjwMessageParser;
import nl.jeugdkubus.staging.IjwSchemas;

/**
 * A benchmark, not a test: the CPU cost per message of the iJw read, split into its parts, on messages held in memory
 * (no file system). {@code java -cp <test classpath> nl.jeugdkubus.bench.ParseCost <ijw folder> [messages] [rounds]}.
 * Prints microseconds per message for the whole parse, the XSD validation alone and the SHA-256 of the bytes, per round.
 * With {@code -Dparsecost.dump=FILE} it first writes every message's result (records and dead letters, one line each)
 * to FILE: run it against two versions of the parser and diff the files to show that a change keeps the results.
 */
public final class ParseCost {
  private ParseCost() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> names = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files.sorted().limit(limit)::iterator) {
        names.add(p.getFileName().toString());
        messages.add(Files.readAllBytes(p));
      }
    }
    IjwMessageParser parser = new IjwMessageParser();
    List<String> types = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      types.add(parser.parse(names.get(i), new ByteArrayInputStream(messages.get(i)), new IjwMessageParser.Result()));
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
      double n = messages.size() * 1000.0; // nanoseconds to microseconds per message
      System.out.printf("round %d: parse %.1f us/message (%d records), validate alone %.1f us (%d violations), sha256 %.1f us (%d)%n",
          r, (t1 - t0) / n, records, (t2 - t1) / n, violations, (t3 - t2) / n, h & 1);
    }
  }
}
