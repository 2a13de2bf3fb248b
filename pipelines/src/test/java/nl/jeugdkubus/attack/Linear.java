package nl.jeugdkubus.attack;

/**
 * {@code min <= sum(coef[i] * x[i]) <= max}: an exact sum (min = max = 0 with the total at -1),
 * a person-group bound (part <= total, total <= sum of parts) or a published interval of one unknown.
 */
final class Linear implements Bounds.Constraint {
  private final int[] vars;
  private final double[] coef;
  private final double min;
  private final double max;
  private final String why;

  Linear(int[] vars, double[] coef, double min, double max, String why) {
    this.vars = vars;
    this.coef = coef;
    this.min = min;
    this.max = max;
    this.why = why;
  }

  /** total = sum of parts. */
  static Linear sum(int total, int[] parts, String why) {
    int[] v = new int[parts.length + 1];
    double[] c = new double[parts.length + 1];
    v[0] = total;
    c[0] = -1;
    for (int i = 0; i < parts.length; i++) {
      v[i + 1] = parts[i];
      c[i + 1] = 1;
    }
    return new Linear(v, c, 0, 0, why);
  }

  /** total <= sum of parts (a person counted once in the total may be in several parts). */
  static Linear atMostSum(int total, int[] parts, String why) {
    int[] v = new int[parts.length + 1];
    double[] c = new double[parts.length + 1];
    v[0] = total;
    c[0] = -1;
    for (int i = 0; i < parts.length; i++) {
      v[i + 1] = parts[i];
      c[i + 1] = 1;
    }
    return new Linear(v, c, 0, Bounds.INF, why);
  }

  /** small <= big. */
  static Linear atMost(int small, int big, String why) {
    return new Linear(new int[] {small, big}, new double[] {-1, 1}, 0, Bounds.INF, why);
  }

  /** lo <= x <= hi. */
  static Linear within(int x, double lo, double hi, String why) {
    return new Linear(new int[] {x}, new double[] {1}, lo, hi, why);
  }

  double[] coef() {
    return coef;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  @Override
  public int[] vars() {
    return vars;
  }

  @Override
  public void propagate(Bounds b) {
    // sums of the smallest and largest contributions, counting infinite ones apart
    double minSum = 0;
    double maxSum = 0;
    int minInf = 0;
    int maxInf = 0;
    int n = vars.length;
    for (int i = 0; i < n; i++) {
      double a = coef[i];
      double l = a > 0 ? a * b.lo(vars[i]) : a * b.hi(vars[i]);
      double h = a > 0 ? a * b.hi(vars[i]) : a * b.lo(vars[i]);
      if (Double.isInfinite(l)) minInf++;
      else minSum += l;
      if (Double.isInfinite(h)) maxInf++;
      else maxSum += h;
    }
    for (int i = 0; i < n; i++) {
      double a = coef[i];
      int v = vars[i];
      double l = a > 0 ? a * b.lo(v) : a * b.hi(v);
      double h = a > 0 ? a * b.hi(v) : a * b.lo(v);
      // a*x >= min - (max of the others); a*x <= max - (min of the others)
      double othersMax = Double.isInfinite(h) ? (maxInf == 1 ? maxSum : Bounds.INF) : (maxInf == 0 ? maxSum - h : Bounds.INF);
      double othersMin = Double.isInfinite(l) ? (minInf == 1 ? minSum : -Bounds.INF) : (minInf == 0 ? minSum - l : -Bounds.INF);
      double axLo = Double.isInfinite(min) || Double.isInfinite(othersMax) ? -Bounds.INF : min - othersMax;
      double axHi = Double.isInfinite(max) || Double.isInfinite(othersMin) ? Bounds.INF : max - othersMin;
      boolean changed;
      if (a > 0) {
        changed = (axLo > -Bounds.INF && b.atLeast(v, axLo / a)) | (axHi < Bounds.INF && b.atMost(v, axHi / a));
      } else {
        changed = (axLo > -Bounds.INF && b.atMost(v, axLo / a)) | (axHi < Bounds.INF && b.atLeast(v, axHi / a));
      }
      if (changed) {
        // recompute the sums with the new bounds of v
        double nl = a > 0 ? a * b.lo(v) : a * b.hi(v);
        double nh = a > 0 ? a * b.hi(v) : a * b.lo(v);
        if (Double.isInfinite(l)) minInf--; else minSum -= l;
        if (Double.isInfinite(h)) maxInf--; else maxSum -= h;
        if (Double.isInfinite(nl)) minInf++; else minSum += nl;
        if (Double.isInfinite(nh)) maxInf++; else maxSum += nh;
      }
    }
  }

  /** Whether these values satisfy the relation (with a little slack for amounts in euros). */
  boolean holds(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) sum += coef[i] * x[i];
    return sum >= min - 1e-3 * Math.max(1, Math.abs(min)) && sum <= max + 1e-3 * Math.max(1, Math.abs(max));
  }

  @Override
  public String describe(Bounds b) {
    StringBuilder s = new StringBuilder(why).append(": ");
    for (int i = 0; i < vars.length; i++) {
      double a = coef[i];
      s.append(i == 0 ? (a < 0 ? "-" : "") : (a < 0 ? " - " : " + "));
      if (Math.abs(a) != 1) s.append(Math.abs(a)).append("*");
      s.append(b.name(vars[i])).append(Fmt.interval(b, vars[i]));
    }
    if (min == max) s.append(" = ").append(Fmt.num(min));
    else s.append(" in [").append(Fmt.num(min)).append(", ").append(Fmt.num(max)).append("]");
    return s.toString();
  }
}
