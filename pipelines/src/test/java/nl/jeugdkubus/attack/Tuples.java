package nl.jeugdkubus.attack;

/**
 * A published figure computed from a few integer unknowns (a rate from its teller, a share from its
 * teller and noemer, a mean from its count): enumerates every combination inside the current intervals,
 * keeps those that reproduce the published figure and narrows each unknown to the values supported.
 */
final class Tuples implements Bounds.Constraint {
  /** Whether these values of the unknowns reproduce the published figure. */
  interface Fits {
    boolean test(long[] values);
  }

  static final long MAX_COMBINATIONS = 200_000;

  private final int[] vars;
  private final Fits fits;
  private final String why;

  Tuples(int[] vars, Fits fits, String why) {
    this.vars = vars;
    this.fits = fits;
    this.why = why;
  }

  @Override
  public int[] vars() {
    return vars;
  }

  @Override
  public void propagate(Bounds b) {
    int n = vars.length;
    long[] lo = new long[n];
    long[] hi = new long[n];
    long combos = 1;
    for (int i = 0; i < n; i++) {
      if (Double.isInfinite(b.hi(vars[i]))) return;
      lo[i] = (long) b.lo(vars[i]);
      hi[i] = (long) b.hi(vars[i]);
      if (hi[i] < lo[i]) return;
      combos *= hi[i] - lo[i] + 1;
      if (combos > MAX_COMBINATIONS) return;
    }
    long[] minSeen = new long[n];
    long[] maxSeen = new long[n];
    java.util.Arrays.fill(minSeen, Long.MAX_VALUE);
    java.util.Arrays.fill(maxSeen, Long.MIN_VALUE);
    long[] x = lo.clone();
    boolean any = false;
    while (true) {
      if (fits.test(x)) {
        any = true;
        for (int i = 0; i < n; i++) {
          minSeen[i] = Math.min(minSeen[i], x[i]);
          maxSeen[i] = Math.max(maxSeen[i], x[i]);
        }
      }
      int i = 0;
      while (i < n && x[i] == hi[i]) {
        x[i] = lo[i];
        i++;
      }
      if (i == n) break;
      x[i]++;
    }
    if (!any) {
      // nothing fits: report the contradiction through an empty interval
      b.atLeast(vars[0], hi[0] + 1);
      return;
    }
    for (int i = 0; i < n; i++) {
      b.atLeast(vars[i], minSeen[i]);
      b.atMost(vars[i], maxSeen[i]);
    }
  }

  @Override
  public String describe(Bounds b) {
    StringBuilder s = new StringBuilder(why).append(" (values of ");
    for (int i = 0; i < vars.length; i++) {
      if (i > 0) s.append(", ");
      s.append(b.name(vars[i])).append(Fmt.interval(b, vars[i]));
    }
    return s.append(" that reproduce it)").toString();
  }

  // ---- the published figures, in exact integer arithmetic ----

  /**
   * Whether num/den, rounded half away from zero to {@code decimals} decimals, can be the published w:
   * |num/den - w| <= half a unit of the last decimal (closed, so a little weaker than the rounding).
   */
  static boolean roundsTo(java.math.BigInteger num, java.math.BigInteger den, double w, int decimals) {
    if (den.signum() == 0) return false;
    java.math.BigInteger scale = java.math.BigInteger.TEN.pow(decimals);
    java.math.BigInteger wScaled = java.math.BigDecimal.valueOf(w).movePointRight(decimals)
        .setScale(0, java.math.RoundingMode.HALF_UP).toBigIntegerExact();
    // |2*scale*num - 2*W*den| <= |den|
    java.math.BigInteger lhs = num.multiply(scale).shiftLeft(1).subtract(wScaled.multiply(den).shiftLeft(1)).abs();
    return lhs.compareTo(den.abs()) <= 0;
  }

  static boolean roundsTo(long num, long den, double w, int decimals) {
    return roundsTo(java.math.BigInteger.valueOf(num), java.math.BigInteger.valueOf(den), w, decimals);
  }

  /** Whether some integer sum S gives S/n = w at this precision (a mean of n integers). */
  static boolean meanPossible(long n, double w, int decimals) {
    if (n <= 0) return false;
    long scale = pow10(decimals);
    long wScaled = java.math.BigDecimal.valueOf(w).movePointRight(decimals)
        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    // S in [n*(2W-1)/(2*scale), n*(2W+1)/(2*scale)]
    long a = n * (2 * wScaled - 1);
    long c = n * (2 * wScaled + 1);
    long d = 2 * scale;
    long sMin = Math.floorDiv(a + d - 1, d);
    long sMax = Math.floorDiv(c, d);
    return sMin <= sMax;
  }

  /** x rounded half away from zero to d decimals. */
  static double rounded(double x, int d) {
    return java.math.BigDecimal.valueOf(x).setScale(d, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  static long pow10(int d) {
    long s = 1;
    for (int i = 0; i < d; i++) s *= 10;
    return s;
  }
}
