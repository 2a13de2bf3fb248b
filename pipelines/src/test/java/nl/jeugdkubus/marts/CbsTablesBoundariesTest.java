package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.staging.GemeenteCodes;
import org.junit.jupiter.api.Test;

/** CBS population (03759ned) and benchmark figures of old gemeente codes on the run's boundaries (docs/mappings.md "Herindeling and boundaries"). */
class CbsTablesBoundariesTest {
  static final Map<String, Integer> LEEFTIJD = CbsTables.leeftijdMapping(null);

  private static CbsCell pop(String regio, int year, int age, double persons) {
    return CbsCell.newBuilder().setSourceFile("03759ned.csv").setPosition("line 1").setTableId("03759ned").setRegioCode(regio)
        .setPeriodeKey(year + "JJ00").setDimensions(Map.of("Geslacht", "T001038", "Leeftijd", String.format("LFT%03d", age)))
        .setMeasure(CbsTables.POPULATION_MEASURE).setValue(persons).build();
  }


  private static CbsTables tables(GemeenteCodes codes, List<CbsCell> cells) {
    CbsTables t = new CbsTables();
    for (CbsCell c : cells) t.add(c, LEEFTIJD, codes);
    return t;
  }

  @Test
  void oldCodesAreSummedOntoTheGemeenteTheyMergedInto() {
    // 2018, ages 0-3: Binnenmaas GM0585 10+11+12+13 = 46, Korendijk GM0588 1+2+3+4 = 10; both merged into
    // Hoeksche Waard GM1963 on 2019-01-01, which has no 2018 figure of its own: 46 + 10 = 56
    // 2019: GM1963's own 100 a year of age wins over an (odd) old-code figure of 5: 400, not 420
    List<CbsCell> cells = new java.util.ArrayList<>();
    for (int a = 0; a <= 3; a++) {
      cells.add(pop("GM0585", 2018, a, 10 + a));
      cells.add(pop("GM0588", 2018, a, 1 + a));
      cells.add(pop("GM1963", 2019, a, 100));
      cells.add(pop("GM0585", 2019, a, 5));
    }
    CbsTables t = tables(GemeenteCodes.packaged().forBoundaries(null), cells);
    assertEquals(56L, t.population("GM1963", null, 2018, Dims.TOTAAL, Dims.A0_3));
    assertEquals(400L, t.population("GM1963", null, 2019, Dims.TOTAAL, Dims.A0_3));
    assertNull(t.population("GM0585", null, 2018, Dims.TOTAAL, Dims.A0_3)); // not a gemeente of the boundaries any more

    // the same cells added in two halves and merged (Beam's combine) give the same sums
    CbsTables a = tables(GemeenteCodes.packaged().forBoundaries(null), cells.subList(0, 8));
    CbsTables b = tables(GemeenteCodes.packaged().forBoundaries(null), cells.subList(8, 16));
    assertEquals(56L, a.merge(b).population("GM1963", null, 2018, Dims.TOTAAL, Dims.A0_3));
  }

  @Test
  void onOlderBoundariesLaterMergersAreNotAppliedAndLaterGemeentenAreLeftOut() {
    // --boundaries=2021: Heerhugowaard GM0398 (merged 2022) keeps its own figures; Dijk en Waard GM1980 does not exist
    List<CbsCell> cells = new java.util.ArrayList<>();
    for (int a = 0; a <= 3; a++) {
      cells.add(pop("GM0398", 2021, a, 20));
      cells.add(pop("GM1980", 2023, a, 50));
    }
    CbsTables t = tables(GemeenteCodes.packaged().forBoundaries(2021), cells);
    assertEquals(80L, t.population("GM0398", null, 2021, Dims.TOTAAL, Dims.A0_3));
    assertNull(t.population("GM1980", null, 2023, Dims.TOTAAL, Dims.A0_3));
    // newest boundaries: Heerhugowaard's 2021 figures are summed onto Dijk en Waard
    assertEquals(80L, tables(GemeenteCodes.packaged().forBoundaries(null), cells).population("GM1980", null, 2021, Dims.TOTAAL, Dims.A0_3));
  }

  private static CbsCell benchmark(String regio, String periodeKey, String measure, Double pct, String status) {
    return CbsCell.newBuilder().setSourceFile("85098NED.json").setPosition("value[0]").setTableId("85098NED").setRegioCode(regio)
        .setPeriodeKey(periodeKey).setDimensions(Map.of()).setMeasure(measure).setValue(pct).setStatus(status).build();
  }

  private static final String JH = "JongerenMetJeugdhulpInNatura_1";
  private static final String JR = "JongerenMetJeugdreclassering_5";
  private static final nl.jeugdkubus.common.Period Y2018 = nl.jeugdkubus.common.Period.year(2018);

  /**
   * Hoeksche Waard GM1963 (formed 2019-01-01) on the newest boundaries, 2018, from two of its old codes:
   * Binnenmaas GM0585: 100 young people per year of age 0-17 = 1,800; 85098NED jeugdhulp 12.0 %, definitief.
   * Korendijk GM0588: 25 per year of age 0-17 = 450; jeugdhulp 9.0 %, voorlopig.
   * Weighted by population 0-17: (12.0 x 1,800 + 9.0 x 450) / (1,800 + 450) = (21,600 + 4,050) / 2,250 = 11.4
   * (the unweighted mean would be 10.5); status: the least final of definitief and voorlopig = voorlopig.
   * Jeugdreclassering (universe 12-22): both have a figure, but no population of ages 18-22: no weight, so the
   * combined figure is not available (no value, status voorlopig). In 2019 GM1963's own figure (10.0) is used.
   */
  static List<CbsCell> hoekscheWaard() {
    List<CbsCell> cells = new java.util.ArrayList<>();
    for (int a = 0; a <= 17; a++) {
      cells.add(pop("GM0585", 2018, a, 100));
      cells.add(pop("GM0588", 2018, a, 25));
    }
    cells.add(benchmark("GM0585", "2018JJ00", JH, 12.0, "Definitief"));
    cells.add(benchmark("GM0588", "2018JJ00", JH, 9.0, "Voorlopig"));
    cells.add(benchmark("GM0585", "2018JJ00", JR, 1.0, "Definitief"));
    cells.add(benchmark("GM0588", "2018JJ00", JR, 2.0, "Voorlopig"));
    cells.add(benchmark("GM1963", "2019JJ00", JH, 10.0, "Voorlopig"));
    cells.add(benchmark("GM0585", "2019JJ00", JH, 50.0, "Voorlopig")); // an odd old-code figure: GM1963's own wins
    return cells;
  }

  @Test
  void benchmarkPercentagesOfOldCodesAreWeightedByTheirPopulation() {
    CbsTables t = tables(GemeenteCodes.packaged().forBoundaries(null), hoekscheWaard());
    CbsTables.Value jh = t.benchmark("GM1963", Y2018, JH, Dims.U0_17);
    assertEquals(11.4, jh.value(), 1e-9);
    assertEquals("voorlopig", jh.status());
    CbsTables.Value jr = t.benchmark("GM1963", Y2018, JR, Dims.U12_22);
    assertNull(jr.value()); // a weight is missing: not available
    assertEquals("voorlopig", jr.status());
    assertEquals(10.0, t.benchmark("GM1963", nl.jeugdkubus.common.Period.year(2019), JH, Dims.U0_17).value(), 1e-9);
    // as CBS published: no GM1963 figure for 2018
    assertNull(t.benchmark("GM1963", Y2018, JH));
    // added in two halves and merged (Beam's combine): the same
    List<CbsCell> cells = hoekscheWaard();
    CbsTables a = tables(GemeenteCodes.packaged().forBoundaries(null), cells.subList(0, 20));
    CbsTables b = tables(GemeenteCodes.packaged().forBoundaries(null), cells.subList(20, cells.size()));
    assertEquals(11.4, a.merge(b).benchmark("GM1963", Y2018, JH, Dims.U0_17).value(), 1e-9);
  }

  @Test
  void aPartPublishedAsDotMakesTheCombinationNotAvailable() {
    List<CbsCell> cells = new java.util.ArrayList<>(hoekscheWaard());
    cells.set(cells.size() - 5, benchmark("GM0588", "2018JJ00", JH, null, "Voorlopig")); // Korendijk '.'
    CbsTables.Value v = tables(GemeenteCodes.packaged().forBoundaries(null), cells).benchmark("GM1963", Y2018, JH, Dims.U0_17);
    assertNull(v.value());
    assertEquals("voorlopig", v.status());
  }

  private static CbsCell count(String table, String regio, String dim, String key, String measure, double value, String status) {
    return CbsCell.newBuilder().setSourceFile(table + ".json").setPosition("value[0]").setTableId(table).setRegioCode(regio)
        .setPeriodeKey("2018JJ00").setDimensions(Map.of(dim, key)).setMeasure(measure).setValue(value).setStatus(status).build();
  }

  @Test
  void countsOfOldCodesAreSummedBeforeAShareIsTaken() {
    // 85097NED started trajectories: Binnenmaas all 100, verwijzer 01 40 (40 %); Korendijk all 20, 01 2 (10 %).
    // Hoeksche Waard: (40 + 2) / (100 + 20) = 42 / 120 = 35.0 % (neither the mean 25 % nor a population weighting)
    // 85100NED jongeren met jeugdzorg: 30 + 8 = 38; status: least final (nader voorlopig < definitief)
    String vt = CbsTables.VERWIJZER_TABLE;
    String vd = CbsTables.VERWIJZER_DIMENSION;
    String m = "BegonnenJeugdhulptrajecten_1";
    String pt = CbsTables.PERSONEN_TABLE;
    String pd = CbsTables.PERSOONSKENMERKEN_DIMENSION;
    String tot = CbsTables.PERSOONSKENMERKEN_TOTAAL;
    CbsTables t = tables(GemeenteCodes.packaged().forBoundaries(null), List.of(
        count(vt, "GM0585", vd, "VJ_TOTAAL", m, 100, "Definitief"), count(vt, "GM0585", vd, "VJ_01", m, 40, "Definitief"),
        count(vt, "GM0588", vd, "VJ_TOTAAL", m, 20, "Definitief"), count(vt, "GM0588", vd, "VJ_01", m, 2, "Definitief"),
        count(pt, "GM0585", pd, tot, "JongerenMetJeugdzorg_1", 30, "Definitief"),
        count(pt, "GM0588", pd, tot, "JongerenMetJeugdzorg_1", 8, "Nader voorlopig")));
    assertEquals(35.0, t.verwijzerShare("GM1963", Y2018, m, "01").value(), 1e-9);
    assertEquals("definitief", t.verwijzerShare("GM1963", Y2018, m, "01").status());
    CbsTables.Value jz = t.count(pt, "GM1963", Y2018, "JongerenMetJeugdzorg_1", Dims.TOTAAL);
    assertEquals(38.0, jz.value(), 1e-9);
    assertEquals("nader voorlopig", jz.status());
    assertNull(t.verwijzerShare("GM1963", Y2018, m, "02")); // no cell of verwijzer 02
  }
}
