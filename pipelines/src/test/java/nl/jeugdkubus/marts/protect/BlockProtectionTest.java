package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked tables for the protection of one block (docs/disclosure.md). Rounding base 5 (a published
 * count r is known to be in r-2..r+2), suppression 1..7.
 */
class BlockProtectionTest {
  static final IndicatorCatalogue CAT = IndicatorCatalogue.load(null);

  static CubeRow row(String indicator, String periode, String gemeente, String hulpvorm, double teller, String eenheid) {
    boolean region = gemeente.startsWith("REG_");
    return CubeRow.newBuilder().setIndicator(indicator).setPeriode(periode).setGemeenteCode(gemeente)
        .setGemeenteNaam(region ? "Regio Achterhoek" : gemeente).setRegio("Achterhoek").setLeeftijdsklasse("totaal")
        .setGeslacht("totaal").setHulpvorm(hulpvorm).setVerwijzer("totaal").setProductcategorie("totaal")
        .setTeller(teller).setNoemer(null).setWaarde(teller).setEenheid(eenheid).setOnderdrukt(false)
        .setCbsStatus("n.v.t.").setRunId("t").build();
  }

  static CubeRow gestart(String hulpvorm, double n) {
    return row("trajecten_gestart", "2024H1", "GM0197", hulpvorm, n, "aantal");
  }

  static CubeRow find(List<CubeRow> rows, String hulpvorm) {
    for (CubeRow r : rows) if (r.getHulpvorm().equals(hulpvorm)) return r;
    throw new AssertionError("no row " + hulpvorm);
  }

  /**
   * Started trajectories by hulpvorm, one gemeente, one half-year: totaal 12 = 01 9 + 03 3. Published
   * without secondary suppression: totaal 10 (so 8..12) and 01 10 (8..12), then 03 = totaal - 01 is at most
   * 12 - 8 = 4 and at least 1 (suppressed): narrowed into 1..7, a leak. The witness moves 5 from 01 to 03
   * (03 = 8, 01 = 4, totaal unchanged), so 01 is suppressed as well; totaal stays published (a top-level row).
   */
  @Test
  void aComplementInTheSameBreakdownNotTheTotal() {
    List<CubeRow> rows = List.of(gestart("totaal", 12), gestart("01", 9), gestart("03", 3));
    List<CubeRow> off = new BlockProtection(CAT, 5, 7, false).protect(rows);
    assertTrue(find(off, "03").getOnderdrukt());
    assertFalse(find(off, "01").getOnderdrukt()); // the leak: 03 in 12 - 8 .. (at least 1) = 1..4
    assertEquals(10.0, find(off, "01").getTeller());

    BlockProtection p = new BlockProtection(CAT, 5, 7, true);
    List<CubeRow> on = p.protect(rows);
    assertTrue(find(on, "03").getOnderdrukt());
    assertTrue(find(on, "01").getOnderdrukt());
    CubeRow total = find(on, "totaal");
    assertFalse(total.getOnderdrukt());
    assertEquals(10.0, total.getTeller());
    assertEquals(10.0, total.getWaarde());
    assertEquals(1, p.stats().primary);
    assertEquals(1, p.stats().secondary);
    assertEquals(0, p.stats().unprotected);
    // suppressed is shown as suppressed, never as zero
    assertEquals(null, find(on, "03").getTeller());
    assertEquals(null, find(on, "03").getWaarde());
  }

  /**
   * totaal 40 = 01 20 + 02 17 + 03 3: the complement of 03 is the larger of the two published parts
   * (01: 20 can give 5 and stay 15; 02 could too, 01 is preferred as the larger), never the total.
   */
  @Test
  void theLargerPartIsTheComplement() {
    List<CubeRow> rows = List.of(gestart("totaal", 40), gestart("01", 20), gestart("02", 17), gestart("03", 3));
    List<CubeRow> on = new BlockProtection(CAT, 5, 7, true).protect(rows);
    assertTrue(find(on, "03").getOnderdrukt());
    assertTrue(find(on, "01").getOnderdrukt());
    assertFalse(find(on, "02").getOnderdrukt());
    assertEquals(15.0, find(on, "02").getTeller()); // 17 -> 15
    assertEquals(40.0, find(on, "totaal").getTeller());
  }

  /**
   * Region and gemeenten (units add up): in hulpvorm 03, Aalten 3, Winterswijk 20, region 23; hulpvorm totaal:
   * Aalten 30, Winterswijk 40, region 70; hulpvorm 01 the rest (27, 20, 47). Suppressing 03 of Aalten alone
   * would leave it = region - Winterswijk. The witness is a rectangle: Aalten 03 +5, Aalten 01 -5,
   * Winterswijk 03 -5, Winterswijk 01 +5 (region and every total unchanged).
   */
  @Test
  void aRectangleAcrossGemeenten() {
    List<CubeRow> rows = new ArrayList<>();
    rows.add(row("trajecten_gestart", "2024H1", "GM0197", "03", 3, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "GM0197", "01", 27, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "GM0197", "totaal", 30, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "GM0294", "03", 20, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "GM0294", "01", 20, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "GM0294", "totaal", 40, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "REG_Achterhoek", "03", 23, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "REG_Achterhoek", "01", 47, "aantal"));
    rows.add(row("trajecten_gestart", "2024H1", "REG_Achterhoek", "totaal", 70, "aantal"));
    List<CubeRow> on = new BlockProtection(CAT, 5, 7, true).protect(rows);
    List<String> hidden = new ArrayList<>();
    for (CubeRow r : on) if (r.getOnderdrukt()) hidden.add(r.getGemeenteCode() + " " + r.getHulpvorm());
    java.util.Collections.sort(hidden);
    assertEquals(List.of("GM0197 01", "GM0197 03", "GM0294 01", "GM0294 03"), hidden);
  }

  /** A cell of trajecten_gestart in Aalten 2024H1, all totaal but hulpvorm. */
  static String[] key(String hulpvorm) {
    return new String[] {"trajecten_gestart:totaal", "2024H1", "GM0197", "totaal", "totaal", hulpvorm, "totaal", "totaal"};
  }

  /** The hulpvorm line totaal = parts, with the given parts suppressed, after the closure; the suppressed hulpvormen. */
  static List<String> closed(long total, String[] parts, long[] values, List<String> suppressedParts, int[] added) {
    CellModel m = new CellModel(new Facts(CAT), java.util.Map.of());
    m.cell(key("totaal"), total);
    for (int i = 0; i < parts.length; i++) m.cell(key(parts[i]), values[i]);
    m.build();
    boolean[] s = new boolean[m.size()];
    for (String h : suppressedParts) s[m.index.get(String.join("|", key(h)))] = true;
    added[0] = new BlockProtection(CAT, 5, 7, true).close(m, new Audit(m, 5, 7), s);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) if (s[i]) out.add(m.key(i)[CellModel.HV]);
    java.util.Collections.sort(out);
    return out;
  }

  /**
   * Closure, rule 1: totaal 40 = 01 20 + 02 17 + 03 3 with only 03 suppressed (say its witness fell through):
   * 03 = 40 - 20 - 17 within the rounding (38..42 - 18..22 - 15..19 = at most 9, at least 1), an exact sum
   * with one suppressed cell. The closure suppresses the larger published part, 01 (not the total).
   */
  @Test
  void theClosureLeavesNoSumWithOneSuppressedCell() {
    int[] added = new int[1];
    assertEquals(List.of("01", "03"), closed(40, new String[] {"01", "02", "03"}, new long[] {20, 17, 3}, List.of("03"), added));
    assertEquals(1, added[0]);
  }

  /**
   * Closure, rule 2: totaal 20 (published 20, so 18..22) = 01 14 (published 15, so 13..17) + 03 3 + 11 2 + 14 1,
   * the three small ones suppressed. Their sum is at most 22 - 13 = 9, so each is at most 9 - 1 - 1 = 7: all
   * three narrowed into 1..7 although no sum holds a single suppressed cell. The closure suppresses 01 (the
   * total is a top-level row): then each is at most 22 - 3 = 19.
   */
  @Test
  void theClosureLeavesSmallSuppressedPartsRoomAboveSuppressUpTo() {
    int[] added = new int[1];
    assertEquals(List.of("01", "03", "11", "14"), closed(20, new String[] {"01", "03", "11", "14"},
        new long[] {14, 3, 2, 1}, List.of("03", "11", "14"), added));
    assertEquals(1, added[0]);
    // where the rounding leaves room, nothing is added: totaal 28 (published 30, so 28..32) = 01 22 (published 20,
    // so 18..22) + 3 + 2 + 1: the small ones sum to at most 32 - 18 = 14, each at most 14 - 2 = 12
    assertEquals(List.of("03", "11", "14"), closed(28, new String[] {"01", "03", "11", "14"},
        new long[] {22, 3, 2, 1}, List.of("03", "11", "14"), added));
    assertEquals(0, added[0]);
  }

  static CubeRow withNoemer(CubeRow r, double noemer, double waarde) {
    return CubeRow.newBuilder(r).setNoemer(noemer).setWaarde(waarde).build();
  }

  static CubeRow find(List<CubeRow> rows, String indicator, String periode) {
    for (CubeRow r : rows) if (r.getIndicator().equals(indicator) && r.getPeriode().equals(periode)) return r;
    throw new AssertionError("no row " + indicator + " " + periode);
  }

  /**
   * The year of a flow is the sum of its published half-years (docs/disclosure.md "The rule", 5). Aalten, every
   * dimension totaal, true counts:
   * <pre>
   *                                    2024H1      2024H2      2024
   *   trajecten_beeindigd_volgens_plan 18 -> 20    19 -> 20    37: 40 = 20 + 20 (rounded, it would be 35)
   *   trajecten_beeindigd              28 -> 30    29 -> 30    57: 60 = 30 + 30 (rounded, 55)
   *   trajecten_beeindigd_volgens_plan_pct  100 x 20 / 30 = 66.7 in each half; the year 100 x 40 / 60 = 66.7
   *                                    (from the rounded counts it would be 100 x 35 / 55 = 63.6)
   *   trajectduur_gemiddeld (noemer trajecten_beeindigd)   the year's noemer 60, waarde 123.4 -> 123
   *   jongeren_jeugdhulp (young people, counted once): 18 -> 20, 19 -> 20, the year 30 -> 30 (not a sum)
   * </pre>
   * Nothing is 1..7: no suppression.
   */
  @Test
  void theYearOfAFlowIsTheSumOfItsPublishedHalfYears() {
    String vp = "trajecten_beeindigd_volgens_plan";
    String be = "trajecten_beeindigd";
    String pct = "trajecten_beeindigd_volgens_plan_pct";
    String[] per = {"2024H1", "2024H2", "2024"};
    double[] plan = {18, 19, 37};
    double[] ended = {28, 29, 57};
    double[] young = {18, 19, 30};
    List<CubeRow> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(row(vp, per[i], "GM0197", "totaal", plan[i], "aantal"));
      rows.add(row(be, per[i], "GM0197", "totaal", ended[i], "aantal"));
      rows.add(withNoemer(row(pct, per[i], "GM0197", "totaal", plan[i], "procent"), ended[i], 100 * plan[i] / ended[i]));
      rows.add(withNoemer(row("trajectduur_gemiddeld", per[i], "GM0197", "totaal", 7034, "dagen"), ended[i], 123.4));
      rows.add(row("jongeren_jeugdhulp", per[i], "GM0197", "totaal", young[i], "aantal"));
    }
    List<CubeRow> out = new BlockProtection(CAT, 5, 7, true).protect(rows);
    for (CubeRow r : out) assertFalse(r.getOnderdrukt(), r.getIndicator() + " " + r.getPeriode());
    assertEquals(20.0, find(out, vp, "2024H1").getTeller());
    assertEquals(20.0, find(out, vp, "2024H2").getTeller());
    assertEquals(40.0, find(out, vp, "2024").getTeller());
    assertEquals(40.0, find(out, vp, "2024").getWaarde());
    assertEquals(60.0, find(out, be, "2024").getTeller());
    assertEquals(66.7, find(out, pct, "2024H1").getWaarde());
    CubeRow year = find(out, pct, "2024");
    assertEquals(40.0, year.getTeller());
    assertEquals(60.0, year.getNoemer());
    assertEquals(66.7, year.getWaarde());
    assertEquals(60.0, find(out, "trajectduur_gemiddeld", "2024").getNoemer());
    assertEquals(123.0, find(out, "trajectduur_gemiddeld", "2024").getWaarde());
    assertEquals(30.0, find(out, "jongeren_jeugdhulp", "2024").getTeller());
  }

  /**
   * Where a half-year is suppressed the year is rounded as any count: trajecten_gestart 2024H1 3 (suppressed),
   * 2024H2 17 -> 15, the year 20 -> 20 (not 15). Secondary suppression off, so the suppression is the primary only.
   */
  @Test
  void aYearWithASuppressedHalfYearIsRounded() {
    List<CubeRow> rows = List.of(row("trajecten_gestart", "2024H1", "GM0197", "totaal", 3, "aantal"),
        row("trajecten_gestart", "2024H2", "GM0197", "totaal", 17, "aantal"),
        row("trajecten_gestart", "2024", "GM0197", "totaal", 20, "aantal"));
    List<CubeRow> out = new BlockProtection(CAT, 5, 7, false).protect(rows);
    assertTrue(find(out, "trajecten_gestart", "2024H1").getOnderdrukt());
    assertEquals(15.0, find(out, "trajecten_gestart", "2024H2").getTeller());
    assertEquals(20.0, find(out, "trajecten_gestart", "2024").getTeller());
  }
}
