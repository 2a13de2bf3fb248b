package nl.jeugdkubus.marts;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every rounding rule of the cube, in one place (docs/cube.md, "Rounding").
 *
 * <ul>
 *   <li>Values are computed exactly (as {@link Fraction}) from unrounded counts and amounts and rounded
 *       once; rounding is half away from zero ("half-up" for positive values): 71/246 = 28.8617..% is 28.9.</li>
 *   <li>procent, per_1000, procentpunt, dagen, index: 1 decimal.</li>
 *   <li>gemiddelde (mean number of hulpvormen): 2 decimals.</li>
 *   <li>euro: whole euros (amounts are kept in cents until this point).</li>
 *   <li>Counts (aantal, and counts in teller/noemer) are published rounded to a multiple of the
 *       disclosure rounding base (default 5), half-up; see {@link #count}. This is done by disclosure
 *       control, after the values were computed from the unrounded counts.</li>
 * </ul>
 */
public final class Rounding {
  private Rounding() {}

  public static final int DECIMALS_PERCENT = 1;
  public static final int DECIMALS_DAYS = 1;
  public static final int DECIMALS_INDEX = 1;
  public static final int DECIMALS_MEAN = 2;
  public static final int DECIMALS_EURO = 0;

  public static double round(Fraction f, int decimals) {
    return f.round(decimals).doubleValue();
  }

  /** teller/noemer x 100, 1 decimal. */
  public static double percent(long teller, long noemer) {
    return round(Fraction.of(teller, noemer).times(100), DECIMALS_PERCENT);
  }

  /** teller/noemer x 1000, 1 decimal. */
  public static double perThousand(long teller, long noemer) {
    return round(Fraction.of(teller, noemer).times(1000), DECIMALS_PERCENT);
  }

  /** An amount in cents as whole euros. */
  public static double euros(long cents) {
    return round(Fraction.of(cents, 100), DECIMALS_EURO);
  }

  /** An amount in cents per unit, as whole euros. */
  public static double eurosPer(long cents, long units) {
    return round(Fraction.of(cents, 100L * units), DECIMALS_EURO);
  }

  /** Mean number of days, 1 decimal. */
  public static double meanDays(long sumDays, long n) {
    return round(Fraction.of(sumDays, n), DECIMALS_DAYS);
  }

  /** Mean (e.g. number of hulpvormen per young person), 2 decimals. */
  public static double mean(long sum, long n) {
    return round(Fraction.of(sum, n), DECIMALS_MEAN);
  }

  /** Exact median of a histogram (value -> frequency): the middle value, or the mean of the two middle values; 1 decimal. */
  public static double median(TreeMap<Long, Long> hist) {
    return round(medianExact(hist), DECIMALS_DAYS);
  }

  public static Fraction medianExact(TreeMap<Long, Long> hist) {
    long n = 0;
    for (long f : hist.values()) n += f;
    if (n == 0) throw new IllegalArgumentException("median of an empty histogram");
    // 1-based positions of the middle value(s)
    long lo = (n + 1) / 2;
    long hi = n / 2 + 1;
    Long loVal = null;
    Long hiVal = null;
    long cum = 0;
    for (Map.Entry<Long, Long> e : hist.entrySet()) {
      cum += e.getValue();
      if (loVal == null && cum >= lo) loVal = e.getKey();
      if (hiVal == null && cum >= hi) {
        hiVal = e.getKey();
        break;
      }
    }
    return n % 2 == 1 ? Fraction.of(loVal) : Fraction.of(loVal + hiVal, 2);
  }

  /** Index figure (value / base value x 100), 1 decimal. */
  public static double index(Fraction value, Fraction base) {
    return round(value.divide(base).times(100), DECIMALS_INDEX);
  }

  /** A difference in percentage points, 1 decimal. */
  public static double difference(Fraction a, Fraction b) {
    return round(a.minus(b), DECIMALS_PERCENT);
  }

  /** A count rounded to a multiple of {@code base}, half-up (base 5: 2 -> 0, 3 -> 5, 12 -> 10, 13 -> 15). */
  public static long count(long n, int base) {
    if (base <= 1) return n;
    return Math.floorDiv(2 * n + base, 2L * base) * base;
  }
}
