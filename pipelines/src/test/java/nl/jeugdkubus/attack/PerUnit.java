package nl.jeugdkubus.attack;

/**
 * A published amount per unit: {@code amount / count} rounded to whole euros is w, so
 * amount lies in [count*(w-1/2), count*(w+1/2)] (count >= 1). With the amount known to the euro
 * (a published teller), this pins the count when w is large enough.
 */
final class PerUnit implements Bounds.Constraint {
  private final int amount;
  private final int count;
  private final double w;
  private final double half;
  private final String why;

  PerUnit(int amount, int count, double w, double half, String why) {
    this.amount = amount;
    this.count = count;
    this.w = w;
    this.half = half;
    this.why = why;
  }

  @Override
  public int[] vars() {
    return new int[] {amount, count};
  }

  @Override
  public void propagate(Bounds b) {
    b.atLeast(count, 1);
    double lo = w - half;
    double hi = w + half;
    double eLo = b.lo(amount);
    double eHi = b.hi(amount);
    // count from amount (only when the per-unit figure has one sign)
    if (lo > 0) {
      if (eLo > -Bounds.INF) b.atLeast(count, eLo / hi);
      if (eHi < Bounds.INF) b.atMost(count, eHi / lo);
    } else if (hi < 0) {
      if (eHi < Bounds.INF) b.atLeast(count, eHi / lo);
      if (eLo > -Bounds.INF) b.atMost(count, eLo / hi);
    }
    double nLo = b.lo(count);
    double nHi = b.hi(count);
    if (Double.isInfinite(nHi)) return;
    // enumerate small count ranges exactly: a count is possible when its amount range meets [eLo, eHi]
    if (nHi - nLo <= 100_000) {
      long first = -1;
      long last = -1;
      double aMin = Bounds.INF;
      double aMax = -Bounds.INF;
      for (long n = (long) nLo; n <= (long) nHi; n++) {
        double l = Math.max(eLo, n * lo);
        double h = Math.min(eHi, n * hi);
        if (l <= h + 1e-6) {
          if (first < 0) first = n;
          last = n;
          aMin = Math.min(aMin, l);
          aMax = Math.max(aMax, h);
        }
      }
      if (first < 0) {
        b.atLeast(count, nHi + 1);
        return;
      }
      b.atLeast(count, first);
      b.atMost(count, last);
      b.atLeast(amount, aMin);
      b.atMost(amount, aMax);
    }
  }

  @Override
  public String describe(Bounds b) {
    return why + ": " + b.name(amount) + Fmt.interval(b, amount) + " / " + b.name(count) + Fmt.interval(b, count)
        + " rounds to " + Fmt.num(w);
  }
}
