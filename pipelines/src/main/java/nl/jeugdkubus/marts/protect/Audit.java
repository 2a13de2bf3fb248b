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
 * take given every relation of the model, with every published cell at its true count (stricter than what an
 * outsider knows, who sees it only rounded) and every suppressed cell at least 1, solved as a linear
 * program over the suppressed cells connected to it (at most {@link #MAX_VARS}; cells further away are
 * held at their true counts, stricter again). When the maximum is suppressUpTo + 1 or more, no attacker
 * can narrow the cell into 1..suppressUpTo. Used where no {@link Witness} of the simple product form
 * exists, to choose complementary cells one at a time.
 */
final class Audit {
  static final int MAX_VARS = 80;

  private final CellModel m;

  Audit(CellModel m) {
    this.m = m;
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
    Map<Integer, Integer> col = new HashMap<>();
    for (int i = 0; i < vars.size(); i++) col.put(vars.get(i), i);
    int n = vars.size();
    List<LinearConstraint> cons = new ArrayList<>();
    Set<CellModel.Relation> seen = new LinkedHashSet<>();
    for (int v : vars) for (CellModel.Relation r : m.relationsOf(v)) seen.add(r);
    for (CellModel.Relation r : seen) add(r, col, n, cons);
    for (int i = 0; i < n; i++) {
      double[] a = new double[n];
      a[i] = 1;
      cons.add(new LinearConstraint(a, Relationship.GEQ, Math.min(1, m.value(vars.get(i)))));
    }
    double[] obj = new double[n];
    obj[0] = 1;
    try {
      PointValuePair s = new SimplexSolver().optimize(new MaxIter(5000), new LinearObjectiveFunction(obj, 0),
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
