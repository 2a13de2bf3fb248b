package nl.jeugdkubus.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The closing summary of a run: what was read, rejected, linked and written, and whether the counts
 * reconcile (nothing silently dropped). Built from the pipeline's counters (namespace "jeugdkubus").
 */
public final class RunSummary {
  /** Record types as the pseudonymisation and linkage steps name them. */
  static final String[] TYPES = {"registraties", "toewijzingen", "mutaties", "declaraties"};
  /** The sources the staging layer reads (counters staging.&lt;source&gt;.records / .dead). */
  static final String[] STAGED_SOURCES = {"registraties", "ijw", "declaraties_csv", "cbs", "financien"};

  /** One reconciliation equation. */
  public record Check(String name, long left, long right, String formula) {
    public boolean ok() {
      return left == right;
    }
  }

  private final SortedMap<String, Long> counters;

  public RunSummary(Map<String, Long> counters) {
    this.counters = new TreeMap<>(counters);
  }

  /** Reads every jeugdkubus counter of a finished run (attempted values: every runner reports them). */
  public static RunSummary of(PipelineResult result) {
    MetricQueryResults q = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(Counters.NAMESPACE)).build());
    Map<String, Long> m = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      Long v = c.getAttempted();
      m.merge(c.getName().getName(), v == null ? 0L : v, Long::sum);
    }
    return new RunSummary(m);
  }

  public SortedMap<String, Long> counters() {
    return counters;
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  private long sumPrefix(String prefix) {
    return counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * The equations that must hold: staging records in = pseudonymisation in; per type pseudonymisation
   * in = out + dead; linkage in = pseudonymisation out; linkage in = linked + unlinked + dead; every
   * dead letter counted by a step is written; every derived cell reaches the tables (published or
   * suppressed) or stays internal and, when asked for, the internal cube.
   */
  public List<Check> checks() {
    List<Check> out = new ArrayList<>();
    long stagedPersons = get("staging.registraties.records") + get("staging.ijw.records") + get("staging.declaraties_csv.records");
    long pseudoIn = 0;
    for (String t : TYPES) pseudoIn += get("pseudonymisation." + t + ".in");
    out.add(new Check("staged person records reach pseudonymisation", stagedPersons, pseudoIn,
        "staging.{registraties,ijw,declaraties_csv}.records = sum pseudonymisation.*.in"));
    for (String t : TYPES) {
      long in = get("pseudonymisation." + t + ".in");
      out.add(new Check("pseudonymisation " + t, in, get("pseudonymisation." + t + ".out") + get("pseudonymisation." + t + ".dead"),
          "in = out + dead"));
      out.add(new Check("linkage receives " + t, get("pseudonymisation." + t + ".out"), get("linkage." + t + ".in"),
          "pseudonymisation out = linkage in"));
      out.add(new Check("linkage " + t, get("linkage." + t + ".in"),
          get("linkage." + t + ".linked") + sumPrefix("linkage." + t + ".unlinked.") + sumPrefix("linkage." + t + ".dead."),
          "in = linked + unlinked + dead"));
    }
    for (String s : STAGED_SOURCES) {
      String l = "staging." + s + ".lines.";
      if (!counters.containsKey(l + "read")) continue; // not a CSV source, or not read in this run
      out.add(new Check("lines of " + s + " accounted for", get(l + "read"),
          get(l + "header") + get(l + "records") + get(l + "blank") + get(l + "rejected"),
          "lines read = header + records + blank + rejected"));
    }
    long rejected = 0;
    for (String s : STAGED_SOURCES) rejected += get("staging." + s + ".dead");
    for (String t : TYPES) rejected += get("pseudonymisation." + t + ".dead") + sumPrefix("linkage." + t + ".dead.");
    rejected += sumPrefix("linkage.reported."); // reported but still counted (PersonLinker.REPORTED)
    out.add(new Check("dead letters written", rejected, sumPrefix("deadletters."),
        "staging + pseudonymisation + linkage rejects and reports = deadletters.*"));
    out.add(new Check("derived cells reach the tables or stay internal", get("marts.cells.derived"),
        get("marts.tables.cube_rows") + get("marts.tables.internal_only"),
        "marts.cells.derived = marts.tables.cube_rows + marts.tables.internal_only"));
    out.add(new Check("table rows published or suppressed", get("marts.tables.rows"),
        get("marts.tables.published") + get("marts.tables.suppressed"), "rows = published + suppressed"));
    if (counters.containsKey("marts.internal.rows")) {
      out.add(new Check("derived cells reach the internal cube", get("marts.cells.derived"), get("marts.internal.rows"),
          "marts.cells.derived = marts.internal.rows"));
    }
    return out;
  }

  /** Things a reader had to do to the input that the user should know of (e.g. transcoding). */
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    for (String s : STAGED_SOURCES) {
      long t = get("staging." + s + ".lines.transcoded");
      if (t > 0) {
        out.add(s + ": " + t + " line(s) were not UTF-8 and were read as Windows-1252 (transcoded); "
            + "check the export's encoding");
      }
      long m = get("staging." + s + ".gemeente.mapped");
      if (m > 0) {
        out.add(s + ": " + m + " record(s) carried the code of a merged-away gemeente and were mapped to the gemeente it "
            + "merged into (conf/herindelingen.csv)");
      }
    }
    long missing = get("staging.cbs.values.missing");
    if (missing > 0) {
      out.add("cbs: " + missing + " value(s) were '.' or null (CBS: secret or not available) and are kept as missing "
          + "(missingReason SECRET_OR_UNKNOWN)");
    }
    return out;
  }

  public boolean reconciles() {
    return checks().stream().allMatch(Check::ok);
  }

  /** The console text. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Read (staging)                 records   dead letters\n");
    for (String s : STAGED_SOURCES) {
      sb.append(String.format("  %-26s %9d %14d%n", s, get("staging." + s + ".records"), get("staging." + s + ".dead")));
    }
    sb.append("Pseudonymised                   in       out   rejected\n");
    for (String t : TYPES) {
      sb.append(String.format("  %-22s %9d %9d %10d%n", t, get("pseudonymisation." + t + ".in"),
          get("pseudonymisation." + t + ".out"), get("pseudonymisation." + t + ".dead")));
    }
    sb.append("Linked                          in    linked  unlinked  rejected\n");
    for (String t : TYPES) {
      sb.append(String.format("  %-22s %9d %9d %9d %9d%n", t, get("linkage." + t + ".in"), get("linkage." + t + ".linked"),
          sumPrefix("linkage." + t + ".unlinked."), sumPrefix("linkage." + t + ".dead.")));
    }
    counters.forEach((k, v) -> {
      if (k.contains(".unlinked.")) sb.append(String.format("    %-52s %9d%n", k.substring("linkage.".length()), v));
    });
    sb.append(String.format("Persons %d, trajectories %d%n", get("linkage.persons"), get("linkage.trajectories")));
    sb.append("Dead letters by reason\n");
    counters.forEach((k, v) -> {
      if (k.startsWith("deadletters.")) sb.append(String.format("  %-54s %9d%n", k.substring("deadletters.".length()), v));
    });
    sb.append(String.format("Tables: %d rows written (%d suppressed; %d primary and %d secondary cells)%s%n",
        get("marts.tables.rows"), get("marts.tables.suppressed"), get("marts.protect.primary"), get("marts.protect.secondary"),
        get("marts.internal.rows") > 0 ? ", internal cube " + get("marts.internal.rows") + " rows" : ""));
    List<String> notes = notes();
    if (!notes.isEmpty()) {
      sb.append("Notes\n");
      for (String n : notes) sb.append("  ").append(n).append('\n');
    }
    sb.append("Reconciliation\n");
    for (Check c : checks()) {
      sb.append(String.format("  [%s] %-44s %9d = %-9d (%s)%n", c.ok() ? "ok" : "FAIL", c.name(), c.left(), c.right(), c.formula()));
    }
    return sb.toString();
  }

  /**
   * The closing table of the console, short enough for one screen: records read, rejected and accepted per
   * source, cells published and suppressed per published table, and whether the counts reconcile (the
   * checks in full are in the manifest and in {@link #render()}).
   */
  public String closingTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-28s %10s %10s %10s%n", "source", "read", "rejected", "accepted"));
    for (String s : STAGED_SOURCES) {
      long read = get("staging." + s + ".records") + get("staging." + s + ".dead");
      long rejected = sumPrefix("rejects." + s + ".");
      sb.append(String.format("%-28s %10d %10d %10d%n", s, read, rejected, read - rejected));
    }
    sb.append(String.format("%-28s %10s %10s%n", "published table", "published", "suppressed"));
    java.util.TreeSet<String> tables = new java.util.TreeSet<>();
    for (String k : counters.keySet()) {
      if (k.startsWith("marts.table.")) tables.add(k.substring("marts.table.".length(), k.lastIndexOf('.')));
    }
    for (String t : tables) {
      sb.append(String.format("%-28s %10d %10d%n", t, get("marts.table." + t + ".published"), get("marts.table." + t + ".suppressed")));
    }
    long failed = checks().stream().filter(c -> !c.ok()).count();
    sb.append(failed == 0 ? "Reconciliation: all " + checks().size() + " checks ok\n"
        : "Reconciliation: " + failed + " of " + checks().size() + " checks FAIL (see above)\n");
    return sb.toString();
  }
}
