package nl.jeugdkubus.rerun;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.marts.MartsConfig;

/**
 * What a run computes and which periods of the published output it replaces (docs/runbook.md, "Reruns").
 *
 * <p>A <b>full</b> run (nothing published yet, or {@code --replace=all}) computes the requested half-years and
 * their complete years and replaces the whole output.
 *
 * <p>A <b>period-exact</b> rerun ({@code --periods=2023H2} on a folder that already holds a published version)
 * replaces the partitions of the requested half-years and of the year they belong to when that year is
 * published (the year needs both halves, so the sibling half-year is computed too), and computes the index base
 * period (and its year, when a year is computed) when it is published, because the index rows of the rerun
 * periods are taken against it. Those extra periods are <i>companions</i>: computed to get the rerun periods
 * right, replaced only when their recomputed figures differ from the published ones ({@link PeriodExactRerun}).
 *
 * @param periodExact false: a full publish
 * @param requested the half-years of {@code --periods}
 * @param computed every period the pipeline computes (half-years and their complete years)
 * @param replaced the periods whose partitions are always replaced
 * @param companions computed periods that are replaced only when their figures changed
 */
public record RerunPlan(boolean periodExact, List<Period> requested, List<Period> computed, Set<Period> replaced,
    Set<Period> companions) implements Serializable {

  public RerunPlan {
    requested = List.copyOf(requested);
    computed = List.copyOf(computed);
    replaced = Set.copyOf(replaced);
    companions = Set.copyOf(companions);
  }

  /**
   * @param requested the half-years of {@code --periods}
   * @param published the periods the current version publishes (half-years and years); null when nothing was
   *     published yet
   * @param indexBase the base period of the index rows
   * @param replaceAll {@code --replace=all}
   */
  public static RerunPlan of(Collection<Period> requested, Collection<Period> published, Period indexBase, boolean replaceAll) {
    TreeSet<Period> halves = new TreeSet<>(requested);
    if (published == null || replaceAll) {
      List<Period> all = MartsConfig.withFullYears(new ArrayList<>(halves));
      return new RerunPlan(false, new ArrayList<>(halves), all, new TreeSet<>(all), Set.of());
    }
    TreeSet<Period> pub = new TreeSet<>(published);
    TreeSet<Period> computed = new TreeSet<>(halves);
    for (Period r : requested) {
      if (pub.contains(r.asYear())) computed.add(Period.halfYear(r.year(), 3 - r.half()));
    }
    boolean years = MartsConfig.withFullYears(new ArrayList<>(computed)).stream().anyMatch(p -> !p.isHalfYear());
    if (indexBase.isHalfYear() && pub.contains(indexBase)) computed.add(indexBase);
    if (years && pub.contains(indexBase.asYear())) {
      computed.add(Period.halfYear(indexBase.year(), 1));
      computed.add(Period.halfYear(indexBase.year(), 2));
    }
    List<Period> all = MartsConfig.withFullYears(new ArrayList<>(computed));
    TreeSet<Period> replaced = new TreeSet<>(halves);
    for (Period p : all) {
      if (!p.isHalfYear() && requested.stream().anyMatch(r -> r.year() == p.year())) replaced.add(p);
    }
    TreeSet<Period> companions = new TreeSet<>(all);
    companions.removeAll(replaced);
    return new RerunPlan(true, new ArrayList<>(halves), all, replaced, companions);
  }

  /** The plan as text for the start banner. */
  public String describe() {
    if (!periodExact) return "full publish (replaces the whole output)";
    return "period-exact rerun: replaces " + new TreeSet<>(replaced)
        + (companions.isEmpty() ? "" : "; also computes " + new TreeSet<>(companions) + " (replaced only if their figures changed)");
  }
}
