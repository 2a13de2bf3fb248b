package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Period;

/**
 * Configuration of the marts layer.
 *
 * @param periods the periods of the cube (half-years and/or full years)
 * @param runId written into every row
 * @param conf the run's configuration tables (null: the packaged conf/)
 * @param referenceGroup gemeente codes of the benchmark reference group; empty = the gemeenten in the input
 * @param indexBase base period of index rows (= 100); for full-year rows its year is the base
 * @param boundaries --boundaries: the year whose gemeente boundaries the figures are on; null = the newest
 */
public record MartsConfig(List<Period> periods, String runId, ConfTables conf, List<String> referenceGroup, Period indexBase,
    Integer boundaries) implements Serializable {

  /** On the newest gemeente boundaries. */
  public MartsConfig(List<Period> periods, String runId, ConfTables conf, List<String> referenceGroup, Period indexBase) {
    this(periods, runId, conf, referenceGroup, indexBase, null);
  }

  public MartsConfig {
    periods = List.copyOf(new TreeSet<>(Objects.requireNonNull(periods, "periods")));
    if (periods.isEmpty()) throw new IllegalArgumentException("no periods");
    conf = conf == null ? ConfTables.packaged() : conf;
    referenceGroup = referenceGroup == null ? List.of() : List.copyOf(referenceGroup);
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(indexBase, "indexBase");
  }

  /** The periods plus each full year whose two halves are both present. */
  public static List<Period> withFullYears(List<Period> periods) {
    TreeSet<Period> out = new TreeSet<>(periods);
    for (Period p : periods) {
      if (p.isHalfYear() && out.contains(Period.halfYear(p.year(), 1)) && out.contains(Period.halfYear(p.year(), 2))) {
        out.add(p.asYear());
      }
    }
    return new ArrayList<>(out);
  }

  /** The base period for index rows of a period: the index base for half-years, its year for full years; null if none applies. */
  public Period indexBaseFor(Period p) {
    if (p.isHalfYear()) return indexBase.isHalfYear() ? indexBase : null;
    return indexBase.asYear();
  }
}
