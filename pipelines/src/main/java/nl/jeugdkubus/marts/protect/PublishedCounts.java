package nl.jeugdkubus.marts.protect;

import nl.jeugdkubus.marts.Rounding;

/**
 * The published count of every cell of a block once its suppression is decided (docs/disclosure.md "The rule",
 * point 5): a count rounded to a multiple of roundTo, except the year of a flow (a measure whose year is the sum of
 * its half-years, jaar = som, not a count of young people): when both half-years are published, the year's published
 * count is the sum of their published counts (H1 18 -> 20, H2 19 -> 20: the year 37 is published as 40, not 35).
 * Such a year row says nothing the half-years do not, and the published tables add up over the periods; a year
 * whose half-year is suppressed is rounded as any count. A half-year absent from the block is 0 and published as
 * absent: its year is the other half-year, rounded the same way either way. Pure.
 */
final class PublishedCounts {
  private PublishedCounts() {}

  /**
   * @param shown cells whose count a published row shows (not suppressed, and in a row that is published)
   * @return the published count of each cell (meaningless for a suppressed cell)
   */
  static long[] of(CellModel m, int roundTo, boolean[] shown) {
    long[] out = new long[m.size()];
    for (int c = 0; c < m.size(); c++) out[c] = Rounding.count(m.value(c), roundTo);
    for (int c = 0; c < m.size(); c++) {
      int[] halves = halvesOfFlowYear(m, c);
      if (halves != null && shown[halves[0]] && shown[halves[1]]) out[c] = out[halves[0]] + out[halves[1]];
    }
    return out;
  }

  /** The H1 and H2 cells of a year cell of a flow measure (Facts.Year.SUM, not persons), or null. */
  static int[] halvesOfFlowYear(CellModel m, int c) {
    String[] k = m.key(c);
    String measure = k[CellModel.MEASURE];
    String periode = k[CellModel.PERIODE];
    if (periode.contains("H") || m.facts.year(measure) != Facts.Year.SUM || m.facts.persons(measure)) return null;
    int h1 = m.neighbour(c, CellModel.PERIODE, periode + "H1");
    int h2 = m.neighbour(c, CellModel.PERIODE, periode + "H2");
    return h1 < 0 || h2 < 0 ? null : new int[] {h1, h2};
  }
}
