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
}
