package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;

/**
 * One case of the bad-input corpus (src/test/resources/corpus/&lt;case-id&gt;/, format in its README.md):
 * runs the staging parser of each source folder over the case's files, the way the job's readers do,
 * and collects what came out.
 */
final class CorpusCase {
  /** What the staging parsers made of a case. */
  static final class Outcome {
    final Map<String, Long> records = new TreeMap<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    /** Per CSV file name: its physical-line reconciliation. */
    final Map<String, CsvLineCount> lines = new TreeMap<>();

    void record(String source) {
      records.merge(source, 1L, Long::sum);
    }

    <T> StagingSink<T> sink(String source) {
      return new StagingSink<>() {
        @Override
        public void record(T r) {
          Outcome.this.record(source);
        }

        @Override
        public void dead(DeadLetter d) {
          deadLetters.add(d);
        }
      };
    }
  }

  final String id;
  final Path dir;
  final Properties expected = new Properties();

  CorpusCase(Path dir) throws IOException {
    this.dir = dir;
    this.id = dir.getFileName().toString();
    Path p = dir.resolve("expected.properties");
    if (!Files.exists(p)) throw new IllegalStateException("corpus case " + id + " has no expected.properties");
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      expected.load(r);
    }
  }

  /** Every case folder under the corpus root, sorted. */
  static List<Path> all(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Override
  public String toString() {
    return id;
  }

  /** Runs the staging parsers over the case's source folders. */
  Outcome parse() throws IOException {
    Outcome o = new Outcome();
    for (Path f : files("registraties")) {
      try (InputStream in = Files.newInputStream(f)) {
        o.lines.put(name(f), new RegistrationCsvParser().parse(name(f), in, o.sink(RegistrationCsvParser.SOURCE)));
      }
    }
    for (Path f : files("declaraties")) {
      try (InputStream in = Files.newInputStream(f)) {
        o.lines.put(name(f), new DeclarationCsvParser().parse(name(f), in, o.sink(DeclarationCsvParser.SOURCE)));
      }
    }
    for (Path f : files("financien")) {
      try (InputStream in = Files.newInputStream(f)) {
        o.lines.put(name(f), new FinanceCsvParser().parse(name(f), in, o.sink(FinanceCsvParser.SOURCE)));
      }
    }
    parseIjw(o);
    parseCbs(o);
    return o;
  }

  private void parseIjw(Outcome o) throws IOException {
    IjwMessageParser parser = new IjwMessageParser();
    IjwMessageParser.Sink sink = new IjwMessageParser.Sink() {
      @Override
      public void toewijzing(nl.jeugdkubus.model.IjwToewijzing t) {
        o.record(IjwMessageParser.SOURCE);
      }

      @Override
      public void startStop(nl.jeugdkubus.model.IjwStartStop s) {
        o.record(IjwMessageParser.SOURCE);
      }

      @Override
      public void declaratie(nl.jeugdkubus.model.DeclaratieRegel d) {
        o.record(IjwMessageParser.SOURCE);
      }

      @Override
      public void dead(DeadLetter d) {
        o.deadLetters.add(d);
      }
    };
    for (Path f : files("ijw")) {
      try (InputStream in = Files.newInputStream(f)) {
        parser.parse(name(f), in, sink);
      }
    }
  }

  /** CBS tables as ReadCbsTables reads them: _Perioden.json files give the status of the table next to them. */
  private void parseCbs(Outcome o) throws IOException {
    CbsTableParser parser = new CbsTableParser();
    StagingSink<CbsCell> sink = o.sink(CbsTableParser.SOURCE);
    Path cbs = dir.resolve("cbs");
    for (Path f : files("cbs")) {
      String n = name(f);
      if (CbsTableParser.isPeriodenFile(n)) {
        try (InputStream in = Files.newInputStream(f)) {
          CbsTableParser.parsePeriodStatus(in);
        } catch (IOException | RuntimeException e) {
          o.deadLetters.add(nl.jeugdkubus.common.DeadLetters.of(CbsTableParser.SOURCE, n, "file", Reasons.STAGE,
              Reasons.NOT_WELL_FORMED, "Perioden file cannot be read", null, CbsTableParser.RECORD_TYPE));
        }
        continue;
      }
      try (InputStream in = Files.newInputStream(f)) {
        parser.parse(n, in, table -> status(cbs, table), sink);
      }
    }
  }

  private static Map<String, String> status(Path cbsDir, String table) {
    for (String t : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      Path p = cbsDir.resolve(t + "_Perioden.json");
      if (Files.exists(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          return CbsTableParser.parsePeriodStatus(in);
        } catch (IOException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  private List<Path> files(String folder) throws IOException {
    Path d = dir.resolve(folder);
    if (!Files.isDirectory(d)) return List.of();
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String name(Path f) {
    return f.getFileName().toString();
  }

  // ---- expectations ----

  /** "file | position | REASON" of every expected dead letter, sorted; a 4th part is a detail fragment. */
  List<String[]> expectedDead() {
    Map<Integer, String[]> byNo = new TreeMap<>();
    for (String k : expected.stringPropertyNames()) {
      Matcher m = DEAD_KEY.matcher(k);
      if (!m.matches()) continue;
      String[] parts = expected.getProperty(k).split("\\|", -1);
      for (int i = 0; i < parts.length; i++) parts[i] = parts[i].strip();
      if (parts.length < 3) throw new IllegalStateException(id + ": " + k + " is not 'file | position | REASON [| detail]'");
      byNo.put(Integer.parseInt(m.group(1)), parts);
    }
    return new ArrayList<>(byNo.values());
  }

  private static final Pattern DEAD_KEY = Pattern.compile("dead\\.(\\d+)");

  /** Expected records per source (sources not named: 0). */
  Map<String, Long> expectedRecords() {
    Map<String, Long> m = new HashMap<>();
    for (String k : expected.stringPropertyNames()) {
      if (k.startsWith("records.")) m.put(k.substring("records.".length()), Long.parseLong(expected.getProperty(k).strip()));
    }
    return m;
  }

  /** Expected line counts per CSV file name: read, header, records, blank, rejected. */
  Map<String, long[]> expectedLines() {
    Map<String, long[]> m = new LinkedHashMap<>();
    for (String k : expected.stringPropertyNames()) {
      if (!k.startsWith("lines.")) continue;
      String[] p = expected.getProperty(k).split(",");
      long[] v = new long[p.length];
      for (int i = 0; i < p.length; i++) v[i] = Long.parseLong(p[i].strip());
      m.put(k.substring("lines.".length()), v);
    }
    return m;
  }

  /** Expected Windows-1252 transcoded lines per CSV file name. */
  Map<String, Long> expectedTranscoded() {
    Map<String, Long> m = new HashMap<>();
    for (String k : expected.stringPropertyNames()) {
      if (k.startsWith("transcoded.")) m.put(k.substring("transcoded.".length()), Long.parseLong(expected.getProperty(k).strip()));
    }
    return m;
  }

  /** Every 8- or 9-digit number in the case's input that is a plausible BSN (9 digits after a restored zero, eleven-test). */
  List<String> inputBsns() throws IOException {
    List<String> out = new ArrayList<>();
    Pattern digits = Pattern.compile("(?<!\\d)(\\d[\\d .\\-]{6,12}\\d)(?!\\d)");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("expected.properties")).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        Matcher m = digits.matcher(text);
        while (m.find()) {
          String d = m.group(1).replaceAll("[ .\\-]", "");
          if (d.length() == 8) d = "0" + d;
          if (d.length() == 9 && nl.jeugdkubus.intermediate.Bsn.elevenTest(d) && !d.equals("000000000")) out.add(d);
        }
      }
    }
    return out;
  }
}
