package nl.jeugdkubus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's summary (scripts/bench.sh, docs/performance.md): from runs.tsv (one line per timed run) a
 * Markdown table per workload and runner with the median and the range (min..max) of wall time and peak RSS, the
 * output size, records per second per source (from the manifest's counters), the time at which each stage of the
 * progress line reached its final count, and the ratios the issue asks for (jeugdkubus / DuckDB; national x2 /
 * national). Not a test: a main class of the test tree.
 */
public final class BenchSummary {
  /** One timed run. */
  record Run(String workload, String runner, double wallSeconds, long peakRssKb, long outputBytes, Path log, Path manifest) {}

  /** A median and its range. */
  record Spread(double median, double min, double max) {
    String format(String unit, int decimals) {
      String f = "%." + decimals + "f";
      return String.format(Locale.ROOT, f + " %s (" + f + ".." + f + ")", median, unit, min, max);
    }
  }

  private BenchSummary() {}

  public static void main(String[] args) throws IOException {
    List<Run> runs = read(Path.of(args[0]));
    System.out.print(markdown(runs));
  }

  static List<Run> read(Path tsv) throws IOException {
    List<Run> runs = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      runs.add(new Run(f[0], f[1], Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
          Path.of(f[6]), f[7].isEmpty() ? null : Path.of(f[7])));
    }
    return runs;
  }

  /** The median (the mean of the two middle values for an even count) and the range of some values. */
  static Spread spread(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return new Spread(median, v.get(0), v.get(n - 1));
  }

  private static final Pattern PROGRESS = Pattern.compile("^\\[\\s*(\\d+)s\\]\\s+(.*)$");
  private static final Pattern STAGE = Pattern.compile("([a-z ]+?) ([\\d,]+)(?:\\s{2}|$)");

  /**
   * Per stage of the progress lines ("[  20s]  read 29,894  pseudonymised 26,866 ..."), the first second at which
   * it showed its final count: when the stage was done (to the 5-second resolution of the progress line).
   */
  static Map<String, Integer> stageSeconds(List<String> logLines) {
    Map<String, Long> last = new LinkedHashMap<>();
    Map<String, Integer> since = new LinkedHashMap<>();
    for (String line : logLines) {
      Matcher m = PROGRESS.matcher(line.strip());
      if (!m.matches()) continue;
      int second = Integer.parseInt(m.group(1));
      Matcher s = STAGE.matcher(m.group(2));
      while (s.find()) {
        String stage = s.group(1).strip();
        long count = Long.parseLong(s.group(2).replace(",", ""));
        if (!Long.valueOf(count).equals(last.get(stage))) since.put(stage, second);
        last.put(stage, count);
      }
    }
    return since;
  }

  /** Records read per source (staging.<source>.records) from a manifest. */
  static Map<String, Long> recordsPerSource(Path manifest) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (manifest == null || !Files.exists(manifest)) return out;
    JsonNode counters = new ObjectMapper().readTree(manifest.toFile()).path("counters");
    counters.fieldNames().forEachRemaining(name -> {
      Matcher m = Pattern.compile("staging\\.([a-z_]+)\\.records").matcher(name);
      if (m.matches()) out.put(m.group(1), counters.get(name).asLong());
    });
    return out;
  }

  static String markdown(List<Run> runs) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("| workload | runner | runs | wall | peak RSS | output | records/s per source | stage done at (s, median run) |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    for (Run r : runs) groups.computeIfAbsent(r.workload() + "|" + r.runner(), k -> new ArrayList<>()).add(r);
    Map<String, Double> medianWall = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> g : groups.entrySet()) {
      List<Run> rs = g.getValue();
      Spread wall = spread(rs.stream().map(Run::wallSeconds).toList());
      Spread rss = spread(rs.stream().map(r -> r.peakRssKb() / 1024.0 / 1024.0).toList());
      Spread bytes = spread(rs.stream().map(r -> r.outputBytes() / 1e6).toList());
      medianWall.put(g.getKey(), wall.median());
      Run median = rs.stream().min((x, y) -> Double.compare(Math.abs(x.wallSeconds() - wall.median()),
          Math.abs(y.wallSeconds() - wall.median()))).orElseThrow();
      StringBuilder perSource = new StringBuilder();
      for (Map.Entry<String, Long> e : recordsPerSource(median.manifest()).entrySet()) {
        if (e.getValue() == 0) continue;
        if (perSource.length() > 0) perSource.append(", ");
        perSource.append(String.format(Locale.ROOT, "%s %,.0f", e.getKey(), e.getValue() / median.wallSeconds()));
      }
      StringBuilder stages = new StringBuilder();
      if (Files.exists(median.log())) {
        for (Map.Entry<String, Integer> e : stageSeconds(Files.readAllLines(median.log(), StandardCharsets.UTF_8)).entrySet()) {
          if (stages.length() > 0) stages.append(", ");
          stages.append(e.getKey()).append(' ').append(e.getValue());
        }
      }
      String[] k = g.getKey().split("\\|");
      b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |%n", k[0], k[1], rs.size(),
          wall.format("s", 1), rss.format("GiB", 2), bytes.format("MB", 1), perSource, stages));
    }
    b.append('\n');
    for (String w : groups.keySet().stream().map(k -> k.split("\\|")[0]).distinct().toList()) {
      Double duck = medianWall.get(w + "|duckdb-csv");
      if (duck == null) continue;
      for (String r : List.of("embedded", "jeugdkubus-csv")) {
        Double j = medianWall.get(w + "|" + r);
        if (j != null) b.append(String.format(Locale.ROOT, "- %s: %s / DuckDB core cube = %.1f%n", w, r, j / duck));
      }
    }
    Double national = medianWall.get("national|embedded");
    Double twice = medianWall.get("national2|embedded");
    if (national != null && twice != null) {
      b.append(String.format(Locale.ROOT, "- growth: national x2 / national = %.2f (linear: 2.00)%n", twice / national));
    }
    return b.toString();
  }
}
