package nl.jeugdkubus.attack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The independent attacker: from what an outsider gets (published rows, dimension tables, manifest,
 * docs) it computes the tightest interval it can prove for every protected count and lists every
 * recovery: a count pinned exactly (to 1 or more) or narrowed into 1..suppressUpTo.
 */
final class Attacker {
  /** One recovered count: where, how far, and why. */
  record Recovery(String cell, boolean suppressed, double lo, double hi, String chain) {
    String summary() {
      return (suppressed ? "suppressed " : "rounded ") + cell + " -> "
          + (lo == hi ? "exactly " + Fmt.num(lo) : "in " + Fmt.num(lo) + ".." + Fmt.num(hi));
    }
  }

  /** The outcome: figures and recoveries. */
  record Result(AttackModel model, int targets, int suppressedTargets, List<Recovery> recoveries, long steps) {
    long recoveredSuppressed() {
      return recoveries.stream().filter(Recovery::suppressed).count();
    }

    long recoveredRounded() {
      return recoveries.stream().filter(r -> !r.suppressed()).count();
    }

    /** Recoveries per measure: pinned exactly / narrowed into 1..suppressUpTo, suppressed / rounded. */
    String byMeasure() {
      java.util.Map<String, int[]> m = new java.util.TreeMap<>();
      for (Recovery r : recoveries) {
        int[] c = m.computeIfAbsent(r.cell().substring(0, r.cell().indexOf(' ')), k -> new int[4]);
        c[(r.lo() == r.hi() ? 0 : 1) + (r.suppressed() ? 0 : 2)]++;
      }
      StringBuilder s = new StringBuilder("| measure | suppressed, pinned | suppressed, in 1..S | rounded, pinned | "
          + "rounded, in 1..S |\n| --- | ---: | ---: | ---: | ---: |\n");
      m.forEach((k, c) -> s.append(String.format("| %s | %,d | %,d | %,d | %,d |%n", k, c[0], c[1], c[2], c[3])));
      return s.toString();
    }

    String figures() {
      return String.format("protected counts %,d (suppressed %,d, rounded %,d); recovered %,d (suppressed %,d, "
          + "rounded %,d)", targets, suppressedTargets, targets - suppressedTargets, recoveries.size(),
          recoveredSuppressed(), recoveredRounded());
    }
  }

  static final long MAX_STEPS = 50_000_000L;

  private Attacker() {}

  /** Attacks a run's output folder (tables/ or the old cube/). */
  static Result attack(Path output) throws SQLException, IOException {
    return attack(PublishedOutput.published(output), PublishedOutput.parameters(output),
        PublishedOutput.regions(output));
  }

  static Result attack(List<Row> rows, PublishedOutput.Parameters p, Map<String, String> regionOf) {
    return attack(rows, p, regionOf, true);
  }

  /**
   * @param flowYearsAreSums the rule of docs/disclosure.md (Knowledge.yearOfAFlow); false: the rule before
   *     2026-12-02, when a flow's year was published as its own rounded count (to show what that gave away)
   */
  static Result attack(List<Row> rows, PublishedOutput.Parameters p, Map<String, String> regionOf,
      boolean flowYearsAreSums) {
    AttackModel m = AttackModel.build(rows, p, regionOf, flowYearsAreSums);
    Bounds b = m.bounds;
    long steps = b.propagate(MAX_STEPS);
    if (b.contradiction()) throw new IllegalStateException("the attacker's knowledge contradicts the published "
        + "figures (an unsound relation, or a published value that breaks the documented rules): "
        + b.contradictionText());
    List<AttackModel.Target> targets = m.targets();
    if (!"false".equals(System.getProperty("attack.lp"))) steps += linearPrograms(b, targets, p);
    List<Recovery> rec = new ArrayList<>();
    int suppressed = 0;
    for (AttackModel.Target t : targets) {
      if (t.suppressed()) suppressed++;
      double lo = b.lo(t.var());
      double hi = b.hi(t.var());
      boolean pinned = lo == hi && lo >= 1;
      boolean small = lo >= 1 && hi <= p.suppressUpTo();
      if (pinned || small) rec.add(new Recovery(b.name(t.var()), t.suppressed(), lo, hi, explain(b, t.var())));
    }
    return new Result(m, targets.size(), suppressed, rec, steps);
  }

  /**
   * Where propagation stops, solves the attacker's LP around each suppressed count that is still open but
   * bounded (at most ten times suppressUpTo), and propagates again, for a few rounds.
   */
  static long linearPrograms(Bounds b, List<AttackModel.Target> targets, PublishedOutput.Parameters p) {
    LinearProgram lp = new LinearProgram(b, 60);
    long steps = 0;
    for (int round = 0; round < 3; round++) {
      boolean moved = false;
      for (AttackModel.Target t : targets) {
        if (!t.suppressed()) continue;
        double lo = b.lo(t.var());
        double hi = b.hi(t.var());
        if (hi > 10.0 * p.suppressUpTo() || lo == hi || (lo >= 1 && hi <= p.suppressUpTo())) continue;
        moved |= lp.tighten(t.var());
      }
      if (!moved) break;
      steps += b.propagate(MAX_STEPS);
      if (b.contradiction()) throw new IllegalStateException("contradiction after the LP: " + b.contradictionText());
    }
    return steps;
  }

  /** The chain of reasoning behind an unknown's bounds, a few levels deep. */
  static String explain(Bounds b, int v) {
    StringBuilder s = new StringBuilder();
    explain(b, v, 0, new HashSet<>(), s);
    return s.toString();
  }

  private static void explain(Bounds b, int v, int depth, Set<Integer> seen, StringBuilder s) {
    if (depth > 3 || !seen.add(v) || s.length() > 6000) return;
    String indent = "  ".repeat(depth);
    s.append(indent).append(b.name(v)).append(" in ").append(Fmt.interval(b, v)).append('\n');
    Set<Integer> why = new java.util.LinkedHashSet<>();
    if (b.loWhy(v) >= 0) why.add(b.loWhy(v));
    if (b.hiWhy(v) >= 0) why.add(b.hiWhy(v));
    for (int c : why) {
      Bounds.Constraint con = b.constraint(c);
      s.append(indent).append("  because ").append(c == b.loWhy(v) && c == b.hiWhy(v) ? "" : c == b.loWhy(v)
          ? "(lower) " : "(upper) ").append(con.describe(b)).append('\n');
      for (int o : con.vars()) if (o != v && (b.loWhy(o) >= 0 || b.hiWhy(o) >= 0) && !published(b, o)) {
        explain(b, o, depth + 2, seen, s);
      }
    }
  }

  /** Bounds that come straight from one published figure need no further explanation. */
  private static boolean published(Bounds b, int v) {
    int l = b.loWhy(v);
    int h = b.hiWhy(v);
    return l >= 0 && l == h && b.constraint(l).vars().length == 1;
  }

  /**
   * Checks the attacker against the truth: every interval must contain the true value (a false claim
   * means an unsound relation), and every relation must hold on the true values.
   */
  static List<String> falseClaims(Result r, Map<String, Double> truth) {
    List<String> out = new ArrayList<>();
    Bounds b = r.model().bounds;
    for (int v = 0; v < b.size(); v++) {
      Double t = truth.get(b.name(v));
      if (t == null) continue;
      double slack = b.isInteger(v) ? 1e-9 : 1e-3;
      if (t < b.lo(v) - slack || t > b.hi(v) + slack) {
        out.add(b.name(v) + " true " + Fmt.num(t) + " outside " + Fmt.interval(b, v) + "\n" + explain(b, v));
      }
    }
    return out;
  }

  /** Relations (by their description up to the first ':') that do not hold on the true values, counted. */
  static Map<String, Integer> violatedRelations(Result r, Map<String, Double> truth) {
    Map<String, Integer> out = new HashMap<>();
    Bounds b = r.model().bounds;
    for (int c = 0; c < b.constraintCount(); c++) {
      if (!(b.constraint(c) instanceof Linear l) || l.vars().length < 2) continue;
      double[] x = new double[l.vars().length];
      boolean known = true;
      for (int i = 0; i < x.length; i++) {
        if (!b.isInteger(l.vars()[i])) known = false; // the internal cube has amounts in whole euros only
        Double t = truth.get(b.name(l.vars()[i]));
        if (t == null) known = false;
        else x[i] = t;
      }
      if (known && !l.holds(x)) {
        String d = l.describe(b);
        out.merge(d.substring(0, Math.max(0, d.indexOf(':'))), 1, Integer::sum);
      }
    }
    return out;
  }
}
