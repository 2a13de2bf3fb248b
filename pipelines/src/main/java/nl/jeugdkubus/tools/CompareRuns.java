package nl.jeugdkubus.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.jeugdkubus.publish.OutputEntry;
import nl.jeugdkubus.publish.Publisher;

/**
 * The equivalence check of two outputs of the job (docs/runbook.md "Same input, same figures"): two runs on
 * identical inputs with the same key are equivalent when
 * <ol>
 *   <li>they publish the same top-level entries, apart from {@link #PUBLISH_SPECIFIC} (history/, changes.json,
 *       changes.md: what a rerun replaced);</li>
 *   <li>every Parquet entry (tables/, dimensions/, internal/) holds the same rows, compared as tables with
 *       exact equality, leaving out only {@value #RUN_ID_COLUMN};</li>
 *   <li>every other entry (deadletters/, inputs/, report/) holds the same lines, whatever the file names and the
 *       order, once each run's id is replaced by {@code <run_id>} (the report prints it);</li>
 *   <li>manifest.json is the same JSON apart from {@link #RUN_SPECIFIC} (run id, times, output paths, and the
 *       {@code publish} block: what a rerun replaced).</li>
 * </ol>
 *
 * <pre>
 * java -cp jeugdkubus.jar nl.jeugdkubus.tools.CompareRuns outputA outputB
 * exit 0: equivalent; 1: different; 2: usage or read error
 * </pre>
 */
public final class CompareRuns {
  public static final String RUN_ID_COLUMN = "run_id";
  /** Manifest fields that differ between two runs of the same figures. */
  public static final Set<String> RUN_SPECIFIC = Set.of("run_id", "started", "finished", "outputs", "publish");

  /**
   * Entries about what a publish replaced, not about the figures: history/ and a rerun's change report (a rerun
   * on an existing output and a first run in an empty folder hold the same figures; only the rerun has them).
   */
  public static final Set<String> PUBLISH_SPECIFIC = Set.of(Publisher.HISTORY, OutputEntry.CHANGES_JSON.fileName(),
      OutputEntry.CHANGES_MD.fileName());

  private CompareRuns() {}

  public static void main(String[] args) {
    for (String quiet : List.of("org.apache.parquet", "org.apache.hadoop")) {
      String key = "org.slf4j.simpleLogger.log." + quiet;
      if (System.getProperty(key) == null) System.setProperty(key, "warn");
    }
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: CompareRuns <outputA> <outputB>");
      return 2;
    }
    List<String> differences;
    try {
      differences = compare(Path.of(args[0]), Path.of(args[1]));
    } catch (IOException | RuntimeException e) {
      err.println("CompareRuns: " + e.getMessage());
      return 2;
    }
    if (differences.isEmpty()) {
      out.println("EQUIVALENT: " + args[0] + " and " + args[1] + " hold the same figures");
      return 0;
    }
    differences.forEach(d -> out.println("  " + d));
    out.println("DIFFERENT: " + differences.size() + " difference(s)");
    return 1;
  }

  /** Every difference between the two outputs that the equivalence does not allow; empty when equivalent. */
  public static List<String> compare(Path a, Path b) throws IOException {
    List<String> diffs = new ArrayList<>();
    Set<String> ea = entries(a);
    Set<String> eb = entries(b);
    if (!ea.equals(eb)) diffs.add("entries differ: A " + ea + ", B " + eb);
    for (String e : ea) {
      if (!eb.contains(e)) continue;
      Path pa = a.resolve(e);
      Path pb = b.resolve(e);
      if (e.equals("manifest.json")) {
        if (!manifest(pa).equals(manifest(pb))) diffs.add("manifest.json differs beyond " + RUN_SPECIFIC);
      } else if (hasParquet(pa) || hasParquet(pb)) {
        Set<String> ta = tables(pa);
        Set<String> tb = tables(pb);
        if (!ta.equals(tb)) diffs.add(e + ": tables differ: A " + ta + ", B " + tb);
        for (String t : ta) {
          if (!tb.contains(t)) continue;
          Path xa = t.isEmpty() ? pa : pa.resolve(t);
          Path xb = t.isEmpty() ? pb : pb.resolve(t);
          CompareParquet.Result r = CompareParquet.compare(xa, xb, 0, 5, Set.of(RUN_ID_COLUMN));
          if (!r.equal()) diffs.add(e + "/" + t + ": " + r.differenceCount() + " difference(s), e.g. " + r.differences());
        }
      } else if (!lines(pa, runId(a)).equals(lines(pb, runId(b)))) {
        diffs.add(e + ": the lines differ");
      }
    }
    return diffs;
  }

  static Set<String> entries(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      Set<String> names = new TreeSet<>();
      s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !PUBLISH_SPECIFIC.contains(n)).forEach(names::add);
      return names;
    }
  }

  /**
   * The tables of a Parquet entry, as paths relative to it: a child folder without '=' is a table of its
   * own (tables/&lt;tabel&gt;/), so is a child {@code .parquet} file (dimensions/gemeente.parquet); an entry
   * holding only Hive partition folders (internal/periode=.../) is one table, named "".
   */
  static Set<String> tables(Path entry) throws IOException {
    Set<String> names = new TreeSet<>();
    boolean partitions = false;
    try (Stream<Path> s = Files.list(entry)) {
      for (Path c : s.toList()) {
        String n = c.getFileName().toString();
        if (n.startsWith(".") || n.startsWith("_")) continue;
        if (Files.isDirectory(c) && n.contains("=")) partitions = true;
        else if (Files.isDirectory(c) && hasParquet(c)) names.add(n);
        else if (n.endsWith(".parquet")) names.add(n);
      }
    }
    if (partitions) names.add("");
    return names;
  }

  static JsonNode manifest(Path file) throws IOException {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    m.remove(RUN_SPECIFIC);
    return m;
  }

  static boolean hasParquet(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) return false;
    try (Stream<Path> s = Files.walk(entry, FileVisitOption.FOLLOW_LINKS)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** The run id of an output (from its manifest), or null without one. */
  static String runId(Path out) throws IOException {
    Path m = out.resolve("manifest.json");
    if (!Files.exists(m)) return null;
    JsonNode id = new ObjectMapper().readTree(m.toFile()).get("run_id");
    return id == null ? null : id.asText();
  }

  /**
   * All lines of all visible files of an entry (a file or a folder), sorted, with the run's id replaced by
   * {@code <run_id>} wherever it appears (the report prints it).
   */
  static List<String> lines(Path entry, String runId) throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(entry, FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith(".") || n.startsWith("_") || n.endsWith(".crc")) continue;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          all.add(runId == null || runId.isEmpty() ? line : line.replace(runId, "<run_id>"));
        }
      }
    }
    all.sort(null);
    return all;
  }
}
