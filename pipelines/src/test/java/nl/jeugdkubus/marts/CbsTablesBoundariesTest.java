package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.staging.GemeenteCodes;
import org.junit.jupiter.api.Test;

/** CBS population (03759ned) of old gemeente codes on the run's boundaries (docs/mappings.md "Herindeling and boundaries"). */
class CbsTablesBoundariesTest {
  static final Map<String, Integer> LEEFTIJD = CbsTables.leeftijdMapping(null);

  private static CbsCell pop(String regio, int year, int age, double persons) {
    return CbsCell.newBuilder().setSourceFile("03759ned.csv").setPosition("line 1").setTableId("03759ned").setRegioCode(regio)
        .setPeriodeKey(year + "JJ00").setDimensions(Map.of("Geslacht", "T001038", "Leeftijd", String.format("LFT%03d", age)))
        .setMeasure(CbsTables.POPULATION_MEASURE).setValue(persons).build();
  }

  private static CbsCell benchmark(String regio, double pct) {
    return CbsCell.newBuilder().setSourceFile("85098NED.json").setPosition("value[0]").setTableId("85098NED").setRegioCode(regio)
        .setPeriodeKey("2018JJ00").setDimensions(Map.of()).setMeasure("JongerenMetJeugdhulpInNatura_1").setValue(pct)
        .setStatus("Definitief").build();
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

  @Test
  void benchmarkPercentagesOfOldCodesAreNotMapped() {
    // a percentage of Binnenmaas cannot be added to one of Korendijk: Hoeksche Waard has no 2018 benchmark
    CbsTables t = tables(GemeenteCodes.packaged().forBoundaries(null), List.of(benchmark("GM0585", 12.0), benchmark("GM0588", 9.0)));
    assertNull(t.benchmark("GM1963", nl.jeugdkubus.common.Period.year(2018), "JongerenMetJeugdhulpInNatura_1"));
  }
}
