package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/** The ranges worked out by hand, then the solver against commons-math's simplex on random feasible systems. */
class BoundedSimplexTest {
  static final double INF = BoundedSimplex.INF;

  @Test
  void anExactTotalWithABoundedPartBoundsTheOtherPart() {
    // x0 + x1 = 10, x1 <= 4: x0 = 10 - x1 is 6..10
    BoundedSimplex s = new BoundedSimplex(new double[] {INF, 4}).eq(new double[] {1, 1}, 10);
    assertArrayEquals(new double[] {6, 10}, s.range(0), 1e-9);
  }

  @Test
  void aLowerBoundGivenAsARowNeedsPhaseOne() {
    // t = a + b, a <= 3, b <= 3, t >= 5 (written -t <= -5): t is 5..6; a = t - b >= 5 - 3 = 2, so a is 2..3
    double[] up = {INF, 3, 3};
    BoundedSimplex s = new BoundedSimplex(up).eq(new double[] {1, -1, -1}, 0).leq(new double[] {-1, 0, 0}, -5);
    assertArrayEquals(new double[] {5, 6}, s.range(0), 1e-9);
    BoundedSimplex s2 = new BoundedSimplex(up).eq(new double[] {1, -1, -1}, 0).leq(new double[] {-1, 0, 0}, -5);
    assertArrayEquals(new double[] {2, 3}, s2.range(1), 1e-9);
  }

  @Test
  void threePairSumsPinEachCellWhereOneRelationAtATimeCannot() {
    // a + b = 6, b + c = 6, a + c = 6: each relation alone leaves a in 0..6; together 2(a + b + c) = 18, so a = 3
    BoundedSimplex s = new BoundedSimplex(new double[] {INF, INF, INF})
        .eq(new double[] {1, 1, 0}, 6).eq(new double[] {0, 1, 1}, 6).eq(new double[] {1, 0, 1}, 6);
    assertArrayEquals(new double[] {3, 3}, s.range(0), 1e-9);
  }

  @Test
  void noSolutionProvesNothing() {
    // x0 + x1 = 10 with both at most 4
    assertNull(new BoundedSimplex(new double[] {4, 4}).eq(new double[] {1, 1}, 10).range(0));
  }

  @Test
  void anUnboundedVariableHasAnInfiniteMaximum() {
    // x0 = x1, nothing bounds them above: 0..infinity
    double[] r = new BoundedSimplex(new double[] {INF, INF}).eq(new double[] {1, -1}, 0).range(0);
    assertEquals(0, r[0], 1e-9);
    assertEquals(INF, r[1]);
  }

  @Test
  void anUpperBoundIsReachedByAFlipWithoutAPivot() {
    // x0 <= 7 and a slack row x0 + x1 <= 100 that never binds: the maximum 7 is the bound itself
    BoundedSimplex s = new BoundedSimplex(new double[] {7, INF}).leq(new double[] {1, 1}, 100);
    assertArrayEquals(new double[] {0, 7}, s.range(0), 1e-9);
  }

  /**
   * Random systems shaped like the audit's (coefficients -1, 0, +1, integer bounds, some unbounded cells, sums and
   * inequalities), feasible by construction around a random integer point; every range must equal commons-math's
   * minimum and maximum with the bounds written as rows.
   */
  @Test
  void agreesWithCommonsMathOnRandomSystems() {
    Random rnd = new Random(7);
    int compared = 0;
    for (int trial = 0; trial < 400; trial++) {
      int n = 2 + rnd.nextInt(12);
      int rows = 1 + rnd.nextInt(10);
      long[] x = new long[n];
      double[] up = new double[n];
      for (int j = 0; j < n; j++) {
        x[j] = rnd.nextInt(20);
        up[j] = rnd.nextInt(4) == 0 ? INF : x[j] + rnd.nextInt(5);
      }
      List<double[]> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      List<Boolean> eq = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        double[] r = new double[n];
        double v = 0;
        for (int j = 0; j < n; j++) {
          int k = rnd.nextInt(5);
          r[j] = k == 0 ? 1 : k == 1 ? -1 : 0;
          v += r[j] * x[j];
        }
        boolean isEq = rnd.nextBoolean();
        a.add(r);
        b.add(isEq ? v : v + rnd.nextInt(3));
        eq.add(isEq);
      }
      int k = rnd.nextInt(n);
      BoundedSimplex s = new BoundedSimplex(up);
      for (int i = 0; i < rows; i++) {
        if (eq.get(i)) s.eq(a.get(i), b.get(i));
        else s.leq(a.get(i), b.get(i));
      }
      double[] got = s.range(k);
      double[] want = commonsMath(up, a, b, eq, k);
      assertArrayEquals(want, got, 1e-6, "trial " + trial);
      compared++;
    }
    assertEquals(400, compared);
  }

  private static double[] commonsMath(double[] up, List<double[]> a, List<Double> b, List<Boolean> eq, int k) {
    int n = up.length;
    List<LinearConstraint> cons = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      cons.add(new LinearConstraint(a.get(i), eq.get(i) ? Relationship.EQ : Relationship.LEQ, b.get(i)));
    }
    for (int j = 0; j < n; j++) {
      if (up[j] == INF) continue;
      double[] r = new double[n];
      r[j] = 1;
      cons.add(new LinearConstraint(r, Relationship.LEQ, up[j]));
    }
    double[] obj = new double[n];
    obj[k] = 1;
    double min = solve(obj, cons, GoalType.MINIMIZE);
    double max = solve(obj, cons, GoalType.MAXIMIZE);
    return new double[] {min, max};
  }

  private static double solve(double[] obj, List<LinearConstraint> cons, GoalType goal) {
    try {
      return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100000), new LinearObjectiveFunction(obj, 0),
          new LinearConstraintSet(cons), goal, new NonNegativeConstraint(true)).getValue();
    } catch (UnboundedSolutionException e) {
      return INF;
    }
  }
}
