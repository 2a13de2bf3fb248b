package nl.jeugdkubus.attack;

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
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The attacker's linear program, where bounds propagation stops: for one unknown, minimise and maximise
 * it subject to every linear relation around it (a neighbourhood of the relation graph) and the intervals
 * already proven for its neighbours. Dropping the relations outside the neighbourhood only loosens the
 * program, so the bounds it gives are proven too (rounded inward, as the unknowns are integers).
 */
final class LinearProgram {
  private final Bounds b;
  private final Map<Integer, List<Linear>> byVar = new HashMap<>();
  private final Map<Linear, Integer> ids = new HashMap<>();
  private final int maxVars;

  LinearProgram(Bounds b, int maxVars) {
    this.b = b;
    this.maxVars = maxVars;
    for (int c = 0; c < b.constraintCount(); c++) {
      if (b.constraint(c) instanceof Linear l && l.vars().length > 1) {
        ids.put(l, c);
        for (int v : l.vars()) byVar.computeIfAbsent(v, k -> new ArrayList<>()).add(l);
      }
    }
  }

  /** Tightens v by LP; true when a bound moved. The LP result is cited as a constraint of its own. */
  boolean tighten(int v) {
    Set<Integer> vars = new LinkedHashSet<>();
    Set<Linear> rels = new LinkedHashSet<>();
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    todo.add(v);
    vars.add(v);
    while (!todo.isEmpty() && vars.size() < maxVars) {
      int x = todo.poll();
      for (Linear l : byVar.getOrDefault(x, List.of())) {
        if (!rels.add(l)) continue;
        for (int y : l.vars()) if (vars.size() < maxVars && vars.add(y)) todo.add(y);
      }
    }
    List<Linear> used = new ArrayList<>();
    for (Linear l : rels) {
      boolean inside = true;
      for (int y : l.vars()) inside &= vars.contains(y);
      if (inside) used.add(l);
    }
    if (used.isEmpty()) return false;
    List<Integer> order = new ArrayList<>(vars);
    Map<Integer, Integer> col = new HashMap<>();
    for (int i = 0; i < order.size(); i++) col.put(order.get(i), i);
    int n = order.size();
    // x = lo + y with y >= 0 (every unknown here has a finite lower bound: counts >= 0)
    for (int y : order) if (Double.isInfinite(b.lo(y))) return false;
    List<LinearConstraint> cons = new ArrayList<>();
    for (Linear l : used) {
      double[] a = new double[n];
      double shift = 0;
      for (int i = 0; i < l.vars().length; i++) {
        a[col.get(l.vars()[i])] += l.coef()[i];
        shift += l.coef()[i] * b.lo(l.vars()[i]);
      }
      if (l.min() == l.max()) cons.add(new LinearConstraint(a, Relationship.EQ, l.min() - shift));
      else {
        if (!Double.isInfinite(l.min())) cons.add(new LinearConstraint(a, Relationship.GEQ, l.min() - shift));
        if (!Double.isInfinite(l.max())) cons.add(new LinearConstraint(a, Relationship.LEQ, l.max() - shift));
      }
    }
    for (int i = 0; i < n; i++) {
      int y = order.get(i);
      if (Double.isInfinite(b.hi(y))) continue;
      double[] a = new double[n];
      a[i] = 1;
      cons.add(new LinearConstraint(a, Relationship.LEQ, b.hi(y) - b.lo(y)));
    }
    double[] obj = new double[n];
    obj[col.get(v)] = 1;
    double base = b.lo(v);
    double lo = solve(obj, cons, GoalType.MINIMIZE);
    double hi = solve(obj, cons, GoalType.MAXIMIZE);
    if (Double.isNaN(lo) && Double.isNaN(hi)) return false;
    double before = b.hi(v) - b.lo(v);
    String why = "linear program over " + used.size() + " relations around " + b.name(v);
    int id = b.addDerived(why, order);
    b.tightenAs(id, v, Double.isNaN(lo) ? -Bounds.INF : base + lo - 1e-6, Double.isNaN(hi) ? Bounds.INF : base + hi + 1e-6);
    return b.hi(v) - b.lo(v) < before;
  }

  private static double solve(double[] obj, List<LinearConstraint> cons, GoalType goal) {
    try {
      PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(5000),
          new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), goal,
          new org.apache.commons.math3.optim.linear.NonNegativeConstraint(true));
      return p.getValue();
    } catch (RuntimeException e) {
      return Double.NaN; // unbounded, infeasible after rounding noise, or too many iterations: no claim
    }
  }
}
