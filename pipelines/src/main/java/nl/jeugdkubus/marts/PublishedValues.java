package nl.jeugdkubus.marts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.jeugdkubus.model.CubeRow;

/**
 * Every published number of a row that disclosure control lets through, consistent with the protection
 * (docs/disclosure.md "Every published number"): counts rounded to a multiple of roundTo; every rate, share,
 * per-unit amount derived from the ROUNDED published counts (and the exact public population), so it
 * tells nothing the rounded counts do not; means and medians in whole units (a mean of integers over n with
 * decimals excludes values of n; a whole mean S/n = w is possible for every n); amounts from public inputs
 * only (lasten_*_per_jongere) to the cent. Pure.
 */
public final class PublishedValues {
  private PublishedValues() {}

  /** x rounded half up (away from zero) to d decimals, as an outsider recomputes it from the published figures. */
  public static double round(double x, int d) {
    return BigDecimal.valueOf(x).setScale(d, RoundingMode.HALF_UP).doubleValue();
  }

  /** The published form of a row that is not suppressed, its counts rounded to a multiple of roundTo. */
  public static CubeRow publish(CubeRow r, int roundTo) {
    return publish(r, count(r.getTeller(), roundTo), count(r.getNoemer(), roundTo));
  }

  /**
   * The published form of a row that is not suppressed, given the published counts of its teller and noemer
   * (where they are counts; the rounded count, or for the year of a flow the sum of its published half-years:
   * marts/protect/PublishedCounts). Every rate, share and per-unit amount is computed from these.
   */
  public static CubeRow publish(CubeRow r, Double tellerCount, Double noemerCount) {
    IndicatorCatalogue.Entry e = Indicators.entry(r.getIndicator());
    CubeRow.Builder b = CubeRow.newBuilder(r).setOnderdrukt(false);
    String s = e.soort();
    Double t = r.getTeller();
    Double n = r.getNoemer();
    Double rt = tellerCount;
    Double rn = noemerCount;
    switch (s) {
      case "personen", "eenheden_stroom", "eenheden_stand" -> {
        b.setTeller(rt).setNoemer(null).setWaarde(rt);
      }
      case "per_inwoner" -> {
        int f = Indicators.PER_1000.equals(e.eenheid()) ? 1000 : 100;
        b.setTeller(rt).setWaarde(rt == null || n == null || n <= 0 ? null : round(f * rt / n, Rounding.DECIMALS_PERCENT));
      }
      case "aandeel" -> {
        b.setTeller(rt).setNoemer(rn).setWaarde(rt == null || rn == null || rn <= 0 ? null : round(100 * rt / rn, Rounding.DECIMALS_PERCENT));
      }
      case "gemiddelde", "mediaan" -> {
        b.setNoemer(rn).setWaarde(r.getWaarde() == null ? null : round(r.getWaarde(), 0));
      }
      case "bedrag_per" -> {
        b.setNoemer(rn).setWaarde(t == null || rn == null || rn <= 0 ? null : round(t / rn, Rounding.DECIMALS_EURO));
      }
      case "bedrag_per_inwoner" -> {
        boolean publicOnly = e.maat().startsWith("financien:");
        b.setWaarde(t == null || n == null || n <= 0 ? r.getWaarde() : round(t / n, publicOnly ? 2 : Rounding.DECIMALS_EURO));
      }
      default -> { }
    }
    return b.build();
  }

  /** A difference with a CBS figure, from the published value of our own indicator. */
  public static Double difference(Double ours, Double theirs) {
    return ours == null || theirs == null ? null : round(ours - theirs, Rounding.DECIMALS_PERCENT);
  }

  /** An index figure from the published values (null when the base is 0 or missing). */
  public static Double index(Double value, Double base) {
    return value == null || base == null || base == 0 ? null : round(100 * value / base, Rounding.DECIMALS_INDEX);
  }

  /** A count rounded to a multiple of roundTo (null stays null). */
  public static Double count(Double v, int roundTo) {
    return v == null ? null : (double) Rounding.count(Math.round(v), roundTo);
  }

  /** A suppressed row: shown as suppressed, never as zero. */
  public static CubeRow suppressed(CubeRow r) {
    return CubeRow.newBuilder(r).setTeller(null).setNoemer(null).setWaarde(null).setOnderdrukt(true).build();
  }
}
