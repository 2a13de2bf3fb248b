package nl.jeugdkubus.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.publish.OutputEntry;
import nl.jeugdkubus.publish.Publisher;

/**
 * Turns a finished rerun's pending folder into the new version before the report, the manifest and the switch
 * (docs/runbook.md, "Reruns"):
 * <ol>
 *   <li>each companion period ({@link RerunPlan}) whose recomputed rows (published tables and internal cube, run
 *       id left out) equal the published ones is dropped from the pending folder: the published files stay;
 *       one whose rows differ is replaced too (so the year, its two halves and their suppression patterns come
 *       from one run: mixing old and new patterns of related cells could reveal suppressed counts);
 *   <li>the change report compares the published cells of every replaced period, old and new;
 *   <li>{@link Publisher#preparePeriods} merges the untouched files of the current version into the pending folder.
 * </ol>
 * A full publish over an existing version ({@code --replace=all}) gets the change report over all periods.
 */
public final class PeriodExactRerun {
  private PeriodExactRerun() {}

  /** What a rerun replaced. */
  public record Outcome(List<String> replaced, Map<String, String> companions, ChangeReport report) {}

  public static Outcome prepare(Publisher publisher, RerunPlan plan, String runId) throws IOException {
    Path current = publisher.current();
    Path pending = publisher.pending();
    if (current == null) return null;
    if (!plan.periodExact()) {
      TreeSet<String> union = new TreeSet<>(Publisher.periodsOf(current));
      union.addAll(Publisher.periodsOf(pending));
      List<String> all = List.copyOf(union);
      ChangeReport report = report(current, pending, runId, plan, all, Map.of());
      report.write(pending);
      return new Outcome(all, Map.of(), report);
    }
    TreeSet<String> replaced = new TreeSet<>();
    for (Period p : plan.replaced()) replaced.add(p.toString());
    Map<String, String> companions = new TreeMap<>();
    for (Period p : new TreeSet<>(plan.companions())) {
      String per = p.toString();
      if (sameRows(current, pending, per)) {
        for (String entry : PARTITIONED) {
          for (Path d : PeriodRows.folders(pending, entry, List.of(per))) deleteRecursively(d);
        }
        companions.put(per, "kept");
      } else {
        replaced.add(per);
        companions.put(per, "replaced");
      }
    }
    List<String> replacedList = List.copyOf(replaced);
    ChangeReport report = report(current, pending, runId, plan, replacedList, companions);
    report.write(pending);
    publisher.preparePeriods(replacedList);
    return new Outcome(replacedList, companions, report);
  }

  /** The entries with period partitions. */
  static final List<String> PARTITIONED = List.of(OutputEntry.TABLES.fileName(), OutputEntry.INTERNAL.fileName());

  private static ChangeReport report(Path current, Path pending, String runId, RerunPlan plan, List<String> periods,
      Map<String, String> companions) throws IOException {
    // one partition at a time (a cell's key names its partition, so the diffs of the partitions are the diff)
    List<CellChanges.Change> changes = new java.util.ArrayList<>();
    for (Path leaf : PeriodRows.leaves(current, pending, OutputEntry.TABLES.fileName(), periods)) {
      changes.addAll(CellChanges.between(PublishedCell.of(PeriodRows.of(current, leaf)), PublishedCell.of(PeriodRows.of(pending, leaf))));
    }
    changes.sort(java.util.Comparator.comparing((CellChanges.Change c) -> c.cell().key()));
    return new ChangeReport(runId, previousRunId(current), plan.requested().stream().map(Period::toString).toList(),
        periods, companions, changes);
  }

  static boolean sameRows(Path current, Path pending, String period) throws IOException {
    for (String entry : PARTITIONED) {
      for (Path leaf : PeriodRows.leaves(current, pending, entry, List.of(period))) {
        if (!PeriodRows.withoutRunId(PeriodRows.of(current, leaf)).equals(PeriodRows.withoutRunId(PeriodRows.of(pending, leaf)))) return false;
      }
    }
    return true;
  }

  /** The run id in a version's manifest.json, or "onbekend". */
  static String previousRunId(Path version) {
    Path m = version.resolve(OutputEntry.MANIFEST.fileName());
    try {
      JsonNode id = Files.isRegularFile(m) ? new ObjectMapper().readTree(m.toFile()).get("run_id") : null;
      return id == null ? "onbekend" : id.asText();
    } catch (IOException e) {
      return "onbekend";
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
