package nl.jeugdkubus.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.PublishedValues;
import nl.jeugdkubus.marts.protect.BlockProtection;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * Small published tables built by hand to defeat an attacker that only solves groups with one unknown
 * (the old protection's own attack pass): every group below has at least two unknowns, yet the intervals
 * worked out in the comments pin or narrow protected counts. The last test is a correctly protected
 * table: no recovery, and every interval contains the true value.
 */
class HandMadeTablesTest {
  static final PublishedOutput.Parameters CBS = new PublishedOutput.Parameters(5, 7);
  static final PublishedOutput.Parameters EXACT = new PublishedOutput.Parameters(1, 7);
  static final String T = Row.TOTAAL;

  /** An aantal row; teller null = suppressed. */
  static Row count(String ind, String per, String gem, String sex, String hulpvorm, Integer teller) {
    return new Row(null, ind, per, gem, T, sex, hulpvorm, T, T, teller == null ? null : teller.doubleValue(), null,
        teller == null ? null : teller.doubleValue(), "aantal", teller == null);
  }

  static Row row(String ind, String per, String gem, Double teller, Double noemer, Double waarde, String eenheid,
      String hulpvorm) {
    return new Row(null, ind, per, gem, T, T, hulpvorm, T, T, teller, noemer, waarde, eenheid, false);
  }

  static String cell(String measure, String per, String gem, String age, String sex, String hulpvorm) {
    return String.join(" ", measure, per, gem, age, sex, hulpvorm, T, T);
  }

  static Attacker.Result attack(List<Row> rows, PublishedOutput.Parameters p, Map<String, String> regions) {
    return Attacker.attack(rows, p, regions);
  }

  static String interval(Attacker.Result r, String cell) {
    Bounds b = r.model().bounds;
    int v = b.find(cell);
    assertTrue(v >= 0, "no unknown " + cell);
    return Fmt.interval(b, v);
  }

  static void assertContainsTruth(Attacker.Result r, Map<String, Double> truth) {
    List<String> wrong = Attacker.falseClaims(r, truth);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void twoSuppressedPartsWhoseKnownSumIsSmall() {
    // trajecten_gestart by geslacht, true: totaal 10 = M 8 + V 1 + O 1; rounded to 5, V and O suppressed.
    // totaal 10 -> 8..12, M 10 -> 8..12, so V + O = totaal - M <= 4; V, O >= 1 (suppressed) -> V, O in 1..3.
    // One group, two unknowns: "total minus the published parts" gives nothing.
    String g = "trajecten_gestart";
    List<Row> rows = List.of(count(g, "2024H1", "GM0001", T, T, 10), count(g, "2024H1", "GM0001", "M", T, 10),
        count(g, "2024H1", "GM0001", "V", T, null), count(g, "2024H1", "GM0001", "O", T, null));
    Attacker.Result r = attack(rows, CBS, Map.of());
    assertEquals("[1..3]", interval(r, cell(g, "2024H1", "GM0001", T, "V", T)));
    assertEquals("[1..3]", interval(r, cell(g, "2024H1", "GM0001", T, "O", T)));
    assertEquals("[8..10]", interval(r, cell(g, "2024H1", "GM0001", T, "M", T))); // M = totaal - V - O <= 12 - 2
    assertEquals(2, r.recoveredSuppressed());
    assertEquals(0, r.recoveredRounded());
    assertContainsTruth(r, Map.of(cell(g, "2024H1", "GM0001", T, "V", T), 1.0,
        cell(g, "2024H1", "GM0001", T, "O", T), 1.0, cell(g, "2024H1", "GM0001", T, "M", T), 8.0,
        cell(g, "2024H1", "GM0001", T, T, T), 10.0));
  }

  /**
   * trajecten_gestart (a flow) by hulpvorm in a year and its halves, exact counts (roundTo 1):
   * <pre>
   *            01      02      03     totaal
   *   2024H1   8 (s)   1 (s)   1 (s)  10
   *   2024H2   9 (s)   1 (s)   -      10
   *   2024     17      2 (s)   1 (s)  20
   * </pre>
   * (s) suppressed, - absent (0). Every group has two or more unknowns: 2024: 20 = 17 + y02 + y03;
   * H1: 10 = a + b + c; H2: 10 = d + e; 01: 17 = a + d; 02: y02 = b + e; 03: y03 = c.
   * Bounds: y02 + y03 = 3 with both >= 1, so y02 <= 2; b + e = y02 <= 2 with both >= 1, so b = e = 1 and
   * y02 = 2; then y03 = 1, c = 1, a = 10 - 1 - 1 = 8 and d = 17 - 8 = 9: all seven suppressed cells.
   */
  @Test
  void chainAcrossAYearAndItsHalfYears() {
    String g = "trajecten_gestart";
    List<Row> rows = new ArrayList<>();
    Map<String, Double> truth = new HashMap<>();
    Object[][] table = {
        {"2024H1", "01", null, 8}, {"2024H1", "02", null, 1}, {"2024H1", "03", null, 1}, {"2024H1", T, 10, 10},
        {"2024H2", "01", null, 9}, {"2024H2", "02", null, 1}, {"2024H2", T, 10, 10},
        {"2024", "01", 17, 17}, {"2024", "02", null, 2}, {"2024", "03", null, 1}, {"2024", T, 20, 20}};
    for (Object[] c : table) {
      rows.add(count(g, (String) c[0], "GM0001", T, (String) c[1], (Integer) c[2]));
      truth.put(cell(g, (String) c[0], "GM0001", T, T, (String) c[1]), ((Integer) c[3]).doubleValue());
    }
    Attacker.Result r = attack(rows, EXACT, Map.of());
    for (Object[] c : table) {
      assertEquals("{" + c[3] + "}", interval(r, cell(g, (String) c[0], "GM0001", T, T, (String) c[1])),
          c[0] + " " + c[1]);
    }
    assertEquals(7, r.recoveredSuppressed());
    assertContainsTruth(r, truth);
  }

  /**
   * Region and gemeenten. Trajectories (units, exact): the region's geslacht group
   * 20 = M 17 + V (s) + O (s) leaves V + O = 3; V_region = V_A + V_B with both suppressed (>= 1), so
   * V_region = 2, V_A = V_B = 1 and O_region = 1. Young people (counted once, jongeren_jeugdhulp): the
   * region's totaal 12 = M 10 + V (s) gives V_region = 2, and each gemeente's V is at most the region's:
   * V_A in 1..2 although gemeente A's own group 8 = M_A (s) + V_A (s) has two unknowns.
   */
  @Test
  void regionAndItsGemeenten() {
    Map<String, String> regions = Map.of("GM0001", "REG_X", "GM0002", "REG_X");
    String g = "trajecten_gestart";
    List<Row> rows = new ArrayList<>(List.of(
        count(g, "2024H1", "REG_X", T, T, 20), count(g, "2024H1", "REG_X", "M", T, 17),
        count(g, "2024H1", "REG_X", "V", T, null), count(g, "2024H1", "REG_X", "O", T, null),
        count(g, "2024H1", "GM0001", T, T, 10), count(g, "2024H1", "GM0001", "M", T, null),
        count(g, "2024H1", "GM0001", "V", T, null), count(g, "2024H1", "GM0001", "O", T, null),
        count(g, "2024H1", "GM0002", T, T, 10), count(g, "2024H1", "GM0002", "M", T, null),
        count(g, "2024H1", "GM0002", "V", T, null)));
    String j = "jongeren_jeugdhulp";
    rows.addAll(List.of(
        count(j, "2024H1", "REG_X", T, T, 12), count(j, "2024H1", "REG_X", "M", T, 10),
        count(j, "2024H1", "REG_X", "V", T, null),
        count(j, "2024H1", "GM0001", T, T, 8), count(j, "2024H1", "GM0001", "M", T, null),
        count(j, "2024H1", "GM0001", "V", T, null),
        count(j, "2024H1", "GM0002", T, T, 9), count(j, "2024H1", "GM0002", "M", T, null),
        count(j, "2024H1", "GM0002", "V", T, null)));
    Attacker.Result r = attack(rows, EXACT, regions);
    assertEquals("{2}", interval(r, cell(g, "2024H1", "REG_X", T, "V", T)));
    assertEquals("{1}", interval(r, cell(g, "2024H1", "REG_X", T, "O", T)));
    assertEquals("{1}", interval(r, cell(g, "2024H1", "GM0001", T, "V", T)));
    assertEquals("{1}", interval(r, cell(g, "2024H1", "GM0002", T, "V", T)));
    assertEquals("{1}", interval(r, cell(g, "2024H1", "GM0001", T, "O", T)));
    assertEquals("{2}", interval(r, cell(j, "2024H1", "REG_X", T, "V", T)));
    assertEquals("[1..2]", interval(r, cell(j, "2024H1", "GM0001", T, "V", T)));
    assertEquals("[1..2]", interval(r, cell(j, "2024H1", "GM0002", T, "V", T)));
    // M_A = 8 - V_A in 6..7: narrowed into 1..7 as well
    assertEquals("[6..7]", interval(r, cell(j, "2024H1", "GM0001", T, "M", T)));
  }

  /**
   * Published waarde undoes the rounding (the examples): jongeren_jeugdhulp_per1000 with teller
   * 55 (53..57) and exact noemer 511 gives 111.5 only for 57 (57/511 = 111.546 per 1000; 56 -> 109.6);
   * kosten_per_client EUR 83,603 / 2,697 per client: 31 clients (83603/31 = 2696.9; 30 -> 2786.8,
   * 32 -> 2612.6); stapeling_gemiddeld 1.64 over a noemer published 10 (8..12): only 11 admits an integer
   * sum (18/11 = 1.636; 8 would need 13.08..13.16, 9 14.72..14.81, 10 16.35..16.45, 12 19.62..19.74).
   */
  @Test
  void publishedValuesUndoTheRounding() {
    List<Row> rows = List.of(
        new Row(null, "jongeren_jeugdhulp_per1000", "2021", "GM0197", T, T, T, T, T, 55.0, 511.0, 111.5, "per_1000",
            false),
        row("kosten_per_client", "2021", "GM0197", 83603.0, 30.0, 2697.0, "euro", "02"),
        new Row(null, "stapeling_gemiddeld", "2021", "GM0197", T, T, T, T, T, null, 10.0, 1.64, "gemiddelde", false));
    Attacker.Result r = attack(rows, CBS, Map.of());
    assertEquals("{57}", interval(r, cell("jongeren_jeugdhulp", "2021", "GM0197", "0-17", T, T)));
    assertEquals("{31}", interval(r, cell("jongeren_specialistisch", "2021", "GM0197", T, T, "02")));
    assertEquals("{11}", interval(r, cell("jongeren_jeugdzorg", "2021", "GM0197", T, T, T)));
    assertEquals(3, r.recoveredRounded());
  }

  /**
   * A waarde derived from the published, rounded teller (55 / 511 = 107.6 per 1000) says nothing more than the
   * teller: the attacker sees that every published waarde of the indicator equals the figure of its own published
   * teller and noemer, and keeps the rounding interval 53..57. Reading 107.6 as the rate of the true teller would
   * wrongly claim exactly 55 (54/511 = 105.7, 56/511 = 109.6); the true teller here is 57.
   */
  @Test
  void aWaardeDerivedFromPublishedFiguresIsNotMistakenForTheTruth() {
    List<Row> rows = List.of(new Row(null, "jongeren_jeugdhulp_per1000", "2021", "GM0197", T, T, T, T, T, 55.0,
        511.0, 107.6, "per_1000", false));
    Attacker.Result r = attack(rows, CBS, Map.of());
    assertEquals("[53..57]", interval(r, cell("jongeren_jeugdhulp", "2021", "GM0197", "0-17", T, T)));
    assertEquals(0, r.recoveries().size());
    assertContainsTruth(r, Map.of(cell("jongeren_jeugdhulp", "2021", "GM0197", "0-17", T, T), 57.0));
  }

  /**
   * A correctly protected table (trajecten_gestart, hulpvorm x geslacht, rounded to 5), true values
   * <pre>
   *          M    V   totaal
   *   01    20    4   24      01 V and 02 M primary (1..7), 01 M and 02 V secondary: a rectangle
   *   02     3   30   33
   *   03    25   26   51
   *   tot   48   60  108
   * </pre>
   * Every suppressed cell stays wide: 01 V is at most 01 totaal (<= 27) minus 01 M (>= 1) = 26.
   */
  @Test
  void aCorrectlyProtectedTableGivesNothingAway() {
    String g = "trajecten_gestart";
    int[][] truth = {{20, 4, 24}, {3, 30, 33}, {25, 26, 51}, {48, 60, 108}};
    String[] hv = {"01", "02", "03", T};
    String[] sx = {"M", "V", T};
    boolean[][] suppressed = {{true, true, false}, {true, true, false}, {false, false, false}, {false, false, false}};
    List<Row> rows = new ArrayList<>();
    Map<String, Double> t = new HashMap<>();
    for (int h = 0; h < 4; h++) {
      for (int s = 0; s < 3; s++) {
        int rounded = (int) (Math.floor(truth[h][s] / 5.0 + 0.5) * 5);
        rows.add(new Row(null, g, "2024H1", "GM0001", T, sx[s], hv[h], T, T,
            suppressed[h][s] ? null : (double) rounded, null, suppressed[h][s] ? null : (double) rounded, "aantal",
            suppressed[h][s]));
        t.put(cell(g, "2024H1", "GM0001", T, sx[s], hv[h]), (double) truth[h][s]);
      }
    }
    Attacker.Result r = attack(rows, CBS, Map.of());
    assertEquals(0, r.recoveries().size(), r.recoveries().toString());
    assertEquals("[1..26]", interval(r, cell(g, "2024H1", "GM0001", T, "V", "01")));
    assertContainsTruth(r, t);
  }

  /**
   * The pin found at scale 1.0 (docs/disclosure.md "Figures"): trajecten_gestart of Zutphen, age 0-3, by
   * geslacht, true counts
   * <pre>
   *            M    V   totaal
   *   2024H1  18   19   37       rounded 20, 20, 35 (18..22, 18..22, 33..37)
   *   2024H2  18   19   37       rounded 20, 20, 35
   *   2024    36   38   74       rounded 35, 40, 75 (33..37, 38..42, 73..77)
   * </pre>
   * With every count rounded (the old rule), an attacker pins all nine: M1 + V1 = T1 <= 37 with M1, V1 >= 18
   * gives M1, V1 <= 19 (so M2, V2 too); V = V1 + V2 <= 38 and V >= 38, so V = 38 and V1 = V2 = 19; then
   * T1 = M1 + 19 <= 37 gives M1 = 18 = M2, M = 36 and the totals 37, 37, 74. With the year of a flow published as
   * the sum of its published half-years (M 40, V 40, totaal 70) the year rows add nothing: M1, V1 in 18..19,
   * nothing pinned. Reading those year rows as roundings contradicts the published figures (the totaal 70 means
   * at most 72, but M + V >= 38 + 38).
   */
  @Test
  void aYearAndItsHalfYearsRoundedApartPinTheCounts() {
    String[] per = {"2024H1", "2024H2", "2024"};
    String[] sex = {"M", "V", T};
    int[][] truth = {{18, 19, 37}, {18, 19, 37}, {36, 38, 74}};
    List<CubeRow> cube = new ArrayList<>();
    Map<String, Double> t = new HashMap<>();
    for (int p = 0; p < 3; p++) {
      for (int x = 0; x < 3; x++) {
        cube.add(CubeRow.newBuilder().setIndicator("trajecten_gestart").setPeriode(per[p]).setGemeenteCode("GM1955")
            .setGemeenteNaam("Zutphen").setRegio("Achterhoek").setLeeftijdsklasse("0-3").setGeslacht(sex[x])
            .setHulpvorm(T).setVerwijzer(T).setProductcategorie(T).setTeller((double) truth[p][x]).setNoemer(null)
            .setWaarde((double) truth[p][x]).setEenheid("aantal").setOnderdrukt(false).setCbsStatus("n.v.t.")
            .setRunId("t").build());
        t.put(String.join(" ", "trajecten_gestart", per[p], "GM1955", "0-3", sex[x], T, T, T), (double) truth[p][x]);
      }
    }
    List<CubeRow> oldRule = new ArrayList<>();
    for (CubeRow r : cube) oldRule.add(PublishedValues.publish(r, 5));
    Attacker.Result before = Attacker.attack(rows(oldRule), CBS, Map.of(), false);
    assertEquals(9, before.recoveredRounded(), before.figures());
    assertContainsTruth(before, t);

    List<Row> now = rows(new BlockProtection(IndicatorCatalogue.load(null), 5, 7, true).protect(cube));
    Map<String, Double> year = new HashMap<>();
    for (Row r : now) if (r.periode().equals("2024")) year.put(r.geslacht(), r.teller());
    assertEquals(Map.of("M", 40.0, "V", 40.0, T, 70.0), year);
    Attacker.Result after = Attacker.attack(now, CBS, Map.of());
    assertEquals(0, after.recoveries().size(), after.recoveries().toString());
    assertEquals("[18..19]", interval(after, String.join(" ", "trajecten_gestart", "2024H1", "GM1955", "0-3", "M", T, T, T)));
    assertContainsTruth(after, t);
    assertThrows(IllegalStateException.class, () -> Attacker.attack(now, CBS, Map.of(), false));
  }

  /**
   * Rounded counts whose intervals meet in one value through two crossed breakdowns (the pattern found at national
   * scale, jongeren_jeugdbescherming in Drenthe 2024H1). trajecten_gestart, Zutphen 2024H1, age 0-3, hulpvorm x
   * geslacht, true (published, rounded to 5):
   * <pre>
   *            01          02          03          totaal
   *   M        100 (100)   200 (200)   128 (130)   428 (430)
   *   V         38  (40)   183 (185)   173 (175)   394 (395)
   *   totaal   138 (140)   383 (385)   301 (300)   822 (820)
   * </pre>
   * Every cell is 8 or more, so nothing is a primary. An outsider: V = totaal - M <= 822 - 428 = 394, and V = V01 +
   * V02 + V03 >= 38 + 183 + 173 = 394: V = 394 and V01, V02, V03 at their minima 38, 183, 173. Then M = 428 and the
   * totaal 822; M02 = 02 - V02 in 200..204 (and 198..202), M03 in 128..129 (125..129 and 128..132), M01 in 100..102,
   * and M = 428 forces M01 = 100, M02 = 200, M03 = 128, and with them the three column totals: all 12 counts exact.
   */
  @Test
  void roundedCountsMeetInOneValueAcrossTwoBreakdowns() {
    String[] sex = {"M", "V", T};
    String[] hv = {"01", "02", "03", T};
    int[][] truth = {{100, 200, 128, 428}, {38, 183, 173, 394}, {138, 383, 301, 822}};
    List<CubeRow> cube = new ArrayList<>();
    Map<String, Double> t = new HashMap<>();
    for (int x = 0; x < 3; x++) {
      for (int h = 0; h < 4; h++) {
        cube.add(CubeRow.newBuilder().setIndicator("trajecten_gestart").setPeriode("2024H1").setGemeenteCode("GM1955")
            .setGemeenteNaam("Zutphen").setRegio("Achterhoek").setLeeftijdsklasse("0-3").setGeslacht(sex[x])
            .setHulpvorm(hv[h]).setVerwijzer(T).setProductcategorie(T).setTeller((double) truth[x][h]).setNoemer(null)
            .setWaarde((double) truth[x][h]).setEenheid("aantal").setOnderdrukt(false).setCbsStatus("n.v.t.")
            .setRunId("t").build());
        t.put(String.join(" ", "trajecten_gestart", "2024H1", "GM1955", "0-3", sex[x], hv[h], T, T), (double) truth[x][h]);
      }
    }
    List<CubeRow> roundedOnly = new ArrayList<>();
    for (CubeRow r : cube) roundedOnly.add(PublishedValues.publish(r, 5));
    Attacker.Result before = Attacker.attack(rows(roundedOnly), CBS, Map.of());
    assertEquals(12, before.recoveredRounded(), before.figures());
    assertContainsTruth(before, t);

    List<CubeRow> protectedCube = new BlockProtection(IndicatorCatalogue.load(null), 5, 7, true).protect(cube);
    Attacker.Result after = Attacker.attack(rows(protectedCube), CBS, Map.of());
    assertEquals(0, after.recoveries().size(), after.recoveries().toString());
    assertContainsTruth(after, t);
    long suppressed = protectedCube.stream().filter(CubeRow::getOnderdrukt).count();
    assertTrue(suppressed >= 1 && suppressed <= 4, suppressed + " suppressed");
  }

  static List<Row> rows(List<CubeRow> published) {
    List<Row> out = new ArrayList<>();
    for (CubeRow r : published) {
      out.add(new Row("trajecten_leeftijd_geslacht", r.getIndicator(), r.getPeriode(), r.getGemeenteCode(),
          r.getLeeftijdsklasse(), r.getGeslacht(), r.getHulpvorm(), r.getVerwijzer(), r.getProductcategorie(),
          r.getTeller(), r.getNoemer(), r.getWaarde(), r.getEenheid(), r.getOnderdrukt()));
    }
    return out;
  }
}
