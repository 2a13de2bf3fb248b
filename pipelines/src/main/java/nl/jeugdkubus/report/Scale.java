package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis from 0 (or a negative minimum) to a "nice" maximum (1, 2, 2,5 or 5 times a power of
 * ten), mapped onto a pixel range where larger values are higher on the page (smaller y).
 */
public final class Scale {
  private final double min;
  private final double max;
  private final double top;
  private final double bottom;

  /** @param top the y pixel of {@code max}; @param bottom the y pixel of {@code min} */
  public Scale(double min, double max, double top, double bottom) {
    if (!(max > min)) throw new IllegalArgumentException("empty scale " + min + ".." + max);
    this.min = min;
    this.max = max;
    this.top = top;
    this.bottom = bottom;
  }

  /** An axis that starts at 0 (or at the nice floor of a negative minimum) and ends at the nice ceiling of the data. */
  public static Scale of(double dataMin, double dataMax, double top, double bottom) {
    double lo = dataMin < 0 ? -niceCeil(-dataMin) : 0;
    double hi = dataMax > 0 ? niceCeil(dataMax) : (lo < 0 ? 0 : 1);
    return new Scale(lo, hi, top, bottom);
  }

  /** The smallest of 1, 2, 2,5, 5 x 10^k that is at least v (v &gt; 0); e.g. 87 -> 100, 23 -> 25, 0,3 -> 0,5. */
  public static double niceCeil(double v) {
    if (!(v > 0)) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      double c = m * p;
      if (c >= v * (1 - 1e-12)) return c;
    }
    return 10 * p;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The y pixel of a value. */
  public double y(double v) {
    return bottom - (v - min) / (max - min) * (bottom - top);
  }

  /** The pixel height of a bar from 0 to v (v &gt;= 0). */
  public double height(double v) {
    return y(0) - y(v);
  }

  /** Five tick values from min to max (inclusive). */
  public List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i <= 4; i++) out.add(min + (max - min) * i / 4);
    return out;
  }
}
