package nl.jeugdkubus.marts.protect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The suppressor's own audit (tau-ARGUS style, docs/disclosure.md): the largest value a suppressed cell can
 * take given every relation of the model, every suppressed cell at least 1 and every published cell within its
 * rounding interval, solved as a linear program over the suppressed cells connected to it (at most
 * {@link #MAX_VARS}) and the published cells in their relations; cells further away are held at their true
 * counts (stricter than what an outsider knows). When the maximum is suppressUpTo + 1 or more, no attacker
 * can narrow the cell into 1..suppressUpTo. Used where no {@link Witness} of the simple product form
 * exists, to choose complementary cells one at a time.
 */
final class Audit {
  static final int MAX_VARS = 30;

  private final CellModel m;

  private final int roundTo;
  private final int suppressUpTo;

  Audit(CellModel m, int roundTo, int suppressUpTo) {
    this.m = m;
    this.roundTo = roundTo;
    this.suppressUpTo = suppressUpTo;
  }

  /** What an outsider knows of a published count v: the integers that round to the same multiple, not 1..suppressUpTo. */
  long[] rounded(long v) {
    long r = nl.jeugdkubus.marts.Rounding.count(v, roundTo);
    long lo = (long) Math.ceil(r - roundTo / 2.0);
    long hi = (long) Math.ceil(r + roundTo / 2.0) - 1;
    if (roundTo % 2 == 1) {
      lo = r - (roundTo - 1) / 2;
      hi = r + (roundTo - 1) / 2;
    }
    lo = Math.max(lo, 0);
    if (lo >= 1 && lo <= suppressUpTo) lo = suppressUpTo + 1;
    if (hi >= 1 && hi <= suppressUpTo) hi = 0;
    if (lo > hi) return new long[] {v, v};
    return new long[] {lo, hi};
  }

  /** The suppressed cells linked to p through relations (p first). */
  List<Integer> component(int p, boolean[] suppressed) {
    Set<Integer> vars = new LinkedHashSet<>();
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    vars.add(p);
    todo.add(p);
    while (!todo.isEmpty() && vars.size() < MAX_VARS) {
      int c = todo.poll();
      for (CellModel.Relation r : m.relationsOf(c)) {
        if (suppressed[r.total()] && vars.size() < MAX_VARS && vars.add(r.total())) todo.add(r.total());
        for (int q : r.parts()) if (suppressed[q] && vars.size() < MAX_VARS && vars.add(q)) todo.add(q);
      }
    }
    return new ArrayList<>(vars);
  }

  /** The maximum of cell p (Double.POSITIVE_INFINITY when unbounded). */
  double max(int p, boolean[] suppressed) {
    List<Integer> vars = component(p, suppressed);
    int nSuppressed = vars.size();
    // the published cells in the component's relations are known only rounded: variables within their interval
    Set<Integer> all = new LinkedHashSet<>(vars);
    for (int i = 0; i < nSuppressed; i++) {
      for (CellModel.Relation r : m.relationsOf(vars.get(i))) {
        // suppressed cells beyond the component stay at their true counts
        if (!suppressed[r.total()]) all.add(r.total());
        for (int q : r.parts()) if (!suppressed[q]) all.add(q);
      }
    }
    vars = new ArrayList<>(all);
    Map<Integer, Integer> col = new HashMap<>();
    for (int i = 0; i < vars.size(); i++) col.put(vars.get(i), i);
    int n = vars.size();
    List<LinearConstraint> cons = new ArrayList<>();
    Set<CellModel.Relation> seen = new LinkedHashSet<>();
    for (int v : vars) for (CellModel.Relation r : m.relationsOf(v)) seen.add(r);
    for (CellModel.Relation r : seen) add(r, col, n, cons);
    for (int i = 0; i < n; i++) {
      int c = vars.get(i);
      double[] a = new double[n];
      a[i] = 1;
      if (i < nSuppressed) {
        cons.add(new LinearConstraint(a, Relationship.GEQ, Math.min(1, m.value(c))));
      } else {
        long[] iv = rounded(m.value(c));
        cons.add(new LinearConstraint(a, Relationship.GEQ, iv[0]));
        cons.add(new LinearConstraint(a.clone(), Relationship.LEQ, iv[1]));
      }
    }
    double[] obj = new double[n];
    obj[0] = 1;
    try {
      PointValuePair s = new SimplexSolver().optimize(new MaxIter(2000), new LinearObjectiveFunction(obj, 0),
          new LinearConstraintSet(cons), GoalType.MAXIMIZE, new NonNegativeConstraint(true));
      return s.getValue();
    } catch (UnboundedSolutionException e) {
      return Double.POSITIVE_INFINITY;
    } catch (RuntimeException e) {
      // no solution found within the iterations (or infeasible: cannot happen, the truth is feasible):
      // treat as not protected
      return Double.NEGATIVE_INFINITY;
    }
  }

  private void add(CellModel.Relation r, Map<Integer, Integer> col, int n, List<LinearConstraint> cons) {
    switch (r.kind()) {
      case SUM -> {
        double[] a = new double[n];
        double c = term(r.total(), 1, a, col);
        for (int q : r.parts()) c += term(q, -1, a, col);
        // total - sum(parts) = 0, the constants moved to the right-hand side
        cons.add(new LinearConstraint(a, Relationship.EQ, -c));
      }
      case COVER -> {
        for (int q : r.parts()) leq(q, r.total(), col, n, cons);
        double[] a = new double[n];
        double c = term(r.total(), 1, a, col);
        for (int q : r.parts()) c += term(q, -1, a, col);
        cons.add(new LinearConstraint(a, Relationship.LEQ, -c));
      }
      case SUBSET -> leq(r.parts()[0], r.total(), col, n, cons);
      case COVERSUM -> {
        double[] a = new double[n];
        double c = term(r.total(), 1, a, col);
        for (int q : r.parts()) c += term(q, -1, a, col);
        cons.add(new LinearConstraint(a, Relationship.LEQ, -c));
      }
      default -> throw new IllegalStateException();
    }
  }

  /** x_part <= x_total. */
  private void leq(int part, int total, Map<Integer, Integer> col, int n, List<LinearConstraint> cons) {
    double[] a = new double[n];
    double c = term(part, 1, a, col) + term(total, -1, a, col);
    if (!col.containsKey(part) && !col.containsKey(total)) return;
    cons.add(new LinearConstraint(a, Relationship.LEQ, -c));
  }

  /** Adds coef * x_cell: to a when it is a variable (returns 0), else returns coef * its true count. */
  private double term(int cell, double coef, double[] a, Map<Integer, Integer> col) {
    Integer i = col.get(cell);
    if (i == null) return coef * m.value(cell);
    a[i] += coef;
    return 0;
  }
}
