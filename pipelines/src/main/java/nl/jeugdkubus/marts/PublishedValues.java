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

  /** The published form of a row that is not suppressed. */
  public static CubeRow publish(CubeRow r, int roundTo) {
    IndicatorCatalogue.Entry e = Indicators.entry(r.getIndicator());
    CubeRow.Builder b = CubeRow.newBuilder(r).setOnderdrukt(false);
    String s = e.soort();
    Double t = r.getTeller();
    Double n = r.getNoemer();
    switch (s) {
      case "personen", "eenheden_stroom", "eenheden_stand" -> {
        Double rt = count(t, roundTo);
        b.setTeller(rt).setNoemer(null).setWaarde(rt);
      }
      case "per_inwoner" -> {
        Double rt = count(t, roundTo);
        int f = Indicators.PER_1000.equals(e.eenheid()) ? 1000 : 100;
        b.setTeller(rt).setWaarde(rt == null || n == null || n <= 0 ? null : round(f * rt / n, Rounding.DECIMALS_PERCENT));
      }
      case "aandeel" -> {
        Double rt = count(t, roundTo);
        Double rn = count(n, roundTo);
        b.setTeller(rt).setNoemer(rn).setWaarde(rt == null || rn == null || rn <= 0 ? null : round(100 * rt / rn, Rounding.DECIMALS_PERCENT));
      }
      case "gemiddelde", "mediaan" -> {
        Double rn = count(n, roundTo);
        b.setNoemer(rn).setWaarde(r.getWaarde() == null ? null : round(r.getWaarde(), 0));
      }
      case "bedrag_per" -> {
        Double rn = count(n, roundTo);
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

  private static Double count(Double v, int roundTo) {
    return v == null ? null : (double) Rounding.count(Math.round(v), roundTo);
  }

  /** A suppressed row: shown as suppressed, never as zero. */
  public static CubeRow suppressed(CubeRow r) {
    return CubeRow.newBuilder(r).setTeller(null).setNoemer(null).setWaarde(null).setOnderdrukt(true).build();
  }
}
