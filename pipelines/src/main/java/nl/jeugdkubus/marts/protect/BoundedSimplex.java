package nl.jeugdkubus.marts.protect;

import java.util.ArrayList;
import java.util.List;

/**
 * The range of one variable over a small linear system with bounded variables: the minimum and the maximum of x_k
 * subject to rows {@code a . x = b} or {@code a . x <= b} and {@code 0 <= x_j <= upper_j} (upper may be infinite).
 * A dense primal simplex whose upper bounds are implicit (a nonbasic variable sits at its lower or its upper bound,
 * and a step may just flip it), so that a program of 80 bounded cells has as many tableau rows as it has relations,
 * not relations plus 80 bound rows; one phase 1 serves both the maximum and the minimum (the minimum starts from the
 * maximum's basis). Dantzig's rule, Bland's rule after a run of degenerate steps (no cycling). Pure, single use.
 */
final class BoundedSimplex {
  static final double INF = Double.POSITIVE_INFINITY;
  private static final double EPS = 1e-9;
  private static final int DEGENERATE_RUN = 20;

  private final int n;
  private final double[] upper;
  private final List<double[]> rowsA = new ArrayList<>();
  private final List<Double> rowsB = new ArrayList<>();
  private final List<Boolean> rowsEq = new ArrayList<>();

  // the tableau, built by solve
  private double[][] t;
  private double[] beta;
  private int[] basis;
  private boolean[] isBasic;
  private boolean[] atUpper;
  private double[] up;
  private int cols;
  // the columns the iterations look at: all in phase 1; after it the artificials are fixed at 0, never enter again,
  // and no other column's values depend on theirs (a pivot updates each column from itself and the entering one)
  private int live;
  private int[] nonzero; // scratch: the nonzero columns of the pivot row

  /** n variables, x_j in [0, upper[j]] (Double.POSITIVE_INFINITY: no upper bound). */
  BoundedSimplex(double[] upper) {
    this.n = upper.length;
    this.upper = upper.clone();
  }

  /** a . x = b. */
  BoundedSimplex eq(double[] a, double b) {
    return row(a, b, true);
  }

  /** a . x <= b. */
  BoundedSimplex leq(double[] a, double b) {
    return row(a, b, false);
  }

  private BoundedSimplex row(double[] a, double b, boolean eq) {
    if (a.length != n) throw new IllegalArgumentException("row of " + a.length + " for " + n + " variables");
    rowsA.add(a.clone());
    rowsB.add(b);
    rowsEq.add(eq);
    return this;
  }

  /**
   * {min, max} of x_k; null when the system has no solution or the solver gave up (then nothing is proved); a
   * maximum of +infinity when x_k is unbounded above.
   */
  double[] range(int k) {
    if (!phase1()) return null;
    double[] c = new double[cols];
    c[k] = 1;
    Double max = maximise(c);
    if (max == null) return null;
    if (max == INF) {
      // the basis is not optimal for anything; the minimum needs its own start
      if (!phase1()) return null;
    }
    c[k] = -1;
    Double negMin = maximise(c);
    if (negMin == null || negMin == INF) return null; // x_k >= 0, so -x_k is bounded: a numerical failure
    return new double[] {-negMin, max};
  }

  /** Builds the tableau (slack basis where a row allows it, artificials elsewhere) and drives the artificials to 0. */
  private boolean phase1() {
    int m = rowsA.size();
    int slacks = 0;
    for (boolean eq : rowsEq) if (!eq) slacks++;
    cols = n + slacks + m;
    live = cols;
    t = new double[m][cols];
    beta = new double[m];
    basis = new int[m];
    isBasic = new boolean[cols];
    atUpper = new boolean[cols];
    up = new double[cols];
    nonzero = new int[cols];
    System.arraycopy(upper, 0, up, 0, n);
    for (int j = n; j < cols; j++) up[j] = INF;
    double[] c = new double[cols];
    int s = n;
    boolean artificial = false;
    for (int i = 0; i < m; i++) {
      double[] a = rowsA.get(i);
      double b = rowsB.get(i);
      double sign = b < 0 ? -1 : 1;
      for (int j = 0; j < n; j++) t[i][j] = sign * a[j];
      beta[i] = sign * b;
      int art = n + slacks + i;
      up[art] = 0; // unused unless it becomes the row's first basis
      if (!rowsEq.get(i)) {
        t[i][s] = sign;
        if (sign > 0) {
          basis[i] = s;
          s++;
          continue;
        }
        s++;
      }
      t[i][art] = 1;
      up[art] = INF;
      basis[i] = art;
      c[art] = -1;
      artificial = true;
    }
    for (int i = 0; i < m; i++) isBasic[basis[i]] = true;
    if (artificial) {
      Double v = maximise(c);
      if (v == null || v < -1e-7) return false;
      for (int j = n + slacks; j < cols; j++) up[j] = 0; // artificials are fixed at 0 from now on
    }
    live = n + slacks;
    return true;
  }

  /** Maximises c . x from the current feasible basis; null when the iteration limit is hit, INF when unbounded. */
  private Double maximise(double[] c) {
    int m = beta.length;
    double[] d = c.clone(); // d = c - c_B B^-1 A, over the rows whose basic variable has a cost (c is sparse)
    for (int i = 0; i < m; i++) {
      double cb = c[basis[i]];
      if (cb == 0) continue;
      double[] ti = t[i];
      for (int j = 0; j < live; j++) d[j] -= cb * ti[j];
    }
    for (int j = 0; j < live; j++) if (isBasic[j]) d[j] = 0;
    int degenerate = 0;
    int limit = 50 * (m + cols);
    for (int iter = 0; iter < limit; iter++) {
      boolean bland = degenerate >= DEGENERATE_RUN;
      int e = -1;
      double best = EPS;
      for (int j = 0; j < live; j++) {
        if (isBasic[j] || up[j] <= 0) continue;
        double gain = atUpper[j] ? -d[j] : d[j];
        if (gain > best) {
          e = j;
          best = gain;
          if (bland) break;
        }
      }
      if (e < 0) return value(c);
      double dir = atUpper[e] ? -1 : 1;
      // ratio test: x_B(i) moves by -t[i][e] * dir per unit step
      double theta = up[e];
      int leave = -1;
      boolean leaveToUpper = false;
      for (int i = 0; i < m; i++) {
        double rate = -t[i][e] * dir;
        double lim;
        boolean toUpper;
        if (rate < -EPS) {
          lim = Math.max(0, beta[i]) / -rate;
          toUpper = false;
        } else if (rate > EPS && up[basis[i]] < INF) {
          lim = Math.max(0, up[basis[i]] - beta[i]) / rate;
          toUpper = true;
        } else {
          continue;
        }
        if (lim < theta - EPS || (lim < theta + EPS && leave >= 0
            && (bland ? basis[i] < basis[leave] : Math.abs(t[i][e]) > Math.abs(t[leave][e])))) {
          theta = lim;
          leave = i;
          leaveToUpper = toUpper;
        }
      }
      if (theta == INF) return INF;
      degenerate = theta < EPS ? degenerate + 1 : 0;
      for (int i = 0; i < m; i++) beta[i] -= t[i][e] * dir * theta;
      if (leave < 0) { // the entering variable reaches its other bound first: a flip, no pivot
        atUpper[e] = !atUpper[e];
        continue;
      }
      double enteringValue = (atUpper[e] ? up[e] : 0) + dir * theta;
      int out = basis[leave];
      isBasic[out] = false;
      atUpper[out] = leaveToUpper;
      pivot(leave, e, d);
      basis[leave] = e;
      isBasic[e] = true;
      atUpper[e] = false;
      beta[leave] = enteringValue;
    }
    return null;
  }

  /**
   * Gauss-Jordan step on row r, column e, touching only the columns where the normalised pivot row is nonzero (the
   * tableau of a table's relations stays sparse). Skipping {@code x -= f * 0} changes at most the sign of a zero, and
   * no comparison or later nonzero value depends on that sign: the result is the same as the dense step's.
   */
  private void pivot(int r, int e, double[] d) {
    double[] pr = t[r];
    double p = pr[e];
    int[] nz = nonzero;
    int k = 0;
    for (int j = 0; j < live; j++) {
      if (pr[j] != 0) {
        pr[j] /= p;
        nz[k++] = j;
      }
    }
    pr[e] = 1;
    for (int i = 0; i < t.length; i++) {
      if (i == r) continue;
      double[] ri = t[i];
      double f = ri[e];
      if (f == 0) continue;
      for (int q = 0; q < k; q++) {
        int j = nz[q];
        ri[j] -= f * pr[j];
      }
      ri[e] = 0;
    }
    double f = d[e];
    if (f != 0) {
      for (int q = 0; q < k; q++) {
        int j = nz[q];
        d[j] -= f * pr[j];
      }
      d[e] = 0;
    }
  }

  private double value(double[] c) {
    double v = 0;
    for (int j = 0; j < live; j++) {
      if (c[j] != 0 && !isBasic[j] && atUpper[j]) v += c[j] * up[j];
    }
    for (int i = 0; i < beta.length; i++) v += c[basis[i]] * beta[i];
    return v;
  }
}
