package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.DerivedCubeScenario.find;
import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.ACHTERHOEK;
import static nl.jeugdkubus.marts.Fixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CubeDeriverTest {
  static List<CubeRow> rows;

  @BeforeAll
  static void derive() {
    Map<CellKey, Acc> cells = Fixtures.combined(DerivedCubeScenario.persons(), "2023H2", "2024H1");
    CubeDeriver d = new CubeDeriver(DerivedCubeScenario.config(), GemeenteInfo.load(null),
        Fixtures.tables(DerivedCubeScenario.cbsCells()), CubeDeriver.scopeOf(cells.keySet()));
    rows = d.deriveAll(cells);
  }

  @Test
  void percentagesOfThePopulationUseTheAgeUniverse() {
    CubeRow pct = find(rows, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, T, T);
    assertEquals(71.0, pct.getTeller());
    assertEquals(246.0, pct.getNoemer());
    assertEquals(28.9, pct.getWaarde()); // 71/246 = 28.86%
    assertEquals("procent", pct.getEenheid());
    assertEquals("n.v.t.", pct.getCbsStatus());
    assertEquals("Aalten", pct.getGemeenteNaam());
    assertEquals("Achterhoek", pct.getRegio());
    assertEquals("test-run", pct.getRunId());
    assertEquals(288.6, find(rows, "jongeren_jeugdhulp_per1000", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals(71.4, find(rows, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, "4-11", "M").getWaarde()); // 40/56
    assertEquals(32.5, find(rows, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, T, "M").getWaarde()); // 40/123
    assertEquals(25.2, find(rows, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, T, "V").getWaarde()); // 31/123
    assertEquals(24.4, find(rows, "jongeren_jeugdhulp_pct", "2023H2", AALTEN, T, T).getWaarde()); // 60/246 = 24.39
    // the count covers all ages: 71 children; the JR girl has no jeugdhulp
    assertEquals(71.0, find(rows, "jongeren_jeugdhulp", "2024H1", AALTEN, T, T).getWaarde());
    // no rate outside the universe: jeugdhulp has none for 18-22
    assertNull(find(rows, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, "18-22", T));
    // jeugdreclassering: universe 12-22 -> 1/178 = 0.56%; per class 18-22: 1/100 = 1.0%
    assertEquals(0.6, find(rows, "jongeren_jeugdreclassering_pct", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals(178.0, find(rows, "jongeren_jeugdreclassering_pct", "2024H1", AALTEN, T, T).getNoemer());
    assertEquals(1.0, find(rows, "jongeren_jeugdreclassering_pct", "2024H1", AALTEN, "18-22", T).getWaarde());
  }

  @Test
  void sharesOfOtherCounts() {
    CubeRow aandeel = find(rows, "jongeren_met_verblijf_aandeel", "2024H1", AALTEN, T, T);
    assertEquals(4.0, aandeel.getTeller());
    assertEquals(71.0, aandeel.getNoemer());
    assertEquals(5.6, aandeel.getWaarde()); // 4/71 = 5.63%
    assertEquals(0.8, find(rows, "jongeren_jeugdbescherming_pct", "2024H1", AALTEN, T, T).getWaarde()); // 2/246
    assertEquals(50.0, find(rows, "jongeren_jb_met_verblijf_aandeel", "2024H1", AALTEN, T, T).getWaarde()); // 1/2
    // met verblijf per hulpvorm: 11 -> 3 people, 12 -> 1
    assertEquals(3.0, find(rows, "jongeren_met_verblijf", "2024H1", AALTEN, T, T, "11", T, T).getWaarde());
    assertEquals(1.0, find(rows, "jongeren_met_verblijf", "2024H1", AALTEN, T, T, "12", T, T).getWaarde());
    // stacking in 2024H1: 0,1,2 have {02,11}; 45 has {02,JB,12}; 46 has {02,JB}: 5 people with 2+;
    // mean = (66 x 1 + 3 x 2 + 3 + 2) / 71 jeugdhulp children ... plus the JR girl (1 hulpvorm): (66+6+3+2+1)/72 = 78/72 = 1.083 -> 1.08
    assertEquals(5.0, find(rows, "stapeling_2plus", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals(6.9, find(rows, "stapeling_2plus_pct", "2024H1", AALTEN, T, T).getWaarde()); // 5/72 = 6.94%
    assertEquals(1.08, find(rows, "stapeling_gemiddeld", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals(72.0, find(rows, "stapeling_gemiddeld", "2024H1", AALTEN, T, T).getNoemer());
  }

  @Test
  void meansMediansAndCosts() {
    // ended in 2024H1: the three 11 trajectories 2024-02-01..2024-05-31 = 120 days + 1 = 121 days each
    CubeRow mean = find(rows, "trajectduur_gemiddeld", "2024H1", AALTEN, T, T);
    assertEquals(121.0, mean.getWaarde());
    assertEquals(3.0, mean.getNoemer());
    assertNull(mean.getTeller());
    assertEquals(121.0, find(rows, "trajectduur_mediaan", "2024H1", AALTEN, T, T, "11", T, T).getWaarde());
    CubeRow netto = find(rows, "kosten_netto", "2024H1", AALTEN, T, T);
    assertEquals(750.0, netto.getWaarde()); // 749.50
    assertEquals("euro", netto.getEenheid());
    assertEquals(750.0, find(rows, "kosten_netto", "2024H1", AALTEN, T, T, "02", T, "45").getWaarde());
    assertEquals(1.0, find(rows, "kosten_clienten", "2024H1", AALTEN, T, T, "02", T, "45").getWaarde());
    assertEquals(10.0, find(rows, "kosten_per_client", "2024H1", AALTEN, T, T).getWaarde()); // 749.50/72
    assertEquals(72.0, find(rows, "kosten_per_client", "2024H1", AALTEN, T, T).getNoemer());
    assertEquals(11.0, find(rows, "kosten_per_client", "2024H1", AALTEN, T, T, "02", T, T).getWaarde()); // 749.50/71
    assertEquals(3.0, find(rows, "kosten_per_jeugdige", "2024H1", AALTEN, T, T).getWaarde()); // 749.50/246
    // the boy with the costs is 4-11 M: cost rows per class too, per jeugdige only at totaal
    assertEquals(750.0, find(rows, "kosten_netto", "2024H1", AALTEN, "4-11", "M").getWaarde());
    assertNull(find(rows, "kosten_per_jeugdige", "2024H1", AALTEN, "4-11", "M"));
  }

  @Test
  void benchmarkRows() {
    CubeRow cbs = find(rows, "jongeren_jeugdhulp_pct_cbs", "2024H1", AALTEN, T, T);
    assertEquals(27.5, cbs.getWaarde());
    assertEquals("voorlopig", cbs.getCbsStatus());
    assertNull(cbs.getTeller());
    assertEquals(12.0, find(rows, "jongeren_jeugdhulp_pct_nl", "2024H1", AALTEN, T, T).getWaarde());
    CubeRow ref = find(rows, "jongeren_jeugdhulp_pct_refgroep", "2024H1", AALTEN, T, T);
    assertEquals(28.8, ref.getWaarde()); // (27.5 + 30.0)/2 = 28.75
    assertEquals("voorlopig", ref.getCbsStatus()); // least final of voorlopig and nader voorlopig
    assertEquals(1.4, find(rows, "jongeren_jeugdhulp_pct_verschil_cbs", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals(16.9, find(rows, "jongeren_jeugdhulp_pct_verschil_nl", "2024H1", AALTEN, T, T).getWaarde());
    // 28.8617 - 28.75 = 0.11 (rounded values would give 28.9 - 28.8 = 0.1 too; the index shows the difference)
    assertEquals(0.1, find(rows, "jongeren_jeugdhulp_pct_verschil_refgroep", "2024H1", AALTEN, T, T).getWaarde());
    assertEquals("procentpunt", find(rows, "jongeren_jeugdhulp_pct_verschil_refgroep", "2024H1", AALTEN, T, T).getEenheid());
    // 2023H2: Berkelland published '.', so the reference group is Aalten alone: 23.0, status definitief
    CubeRow ref23 = find(rows, "jongeren_jeugdhulp_pct_refgroep", "2023H2", AALTEN, T, T);
    assertEquals(23.0, ref23.getWaarde());
    assertEquals("definitief", ref23.getCbsStatus());
    // index on unrounded values: 71/60 x 100 = 118.33 (rounded percentages 28.9/24.4 would give 118.4)
    CubeRow index = find(rows, "jongeren_jeugdhulp_pct_index", "2024H1", AALTEN, T, T);
    assertEquals(118.3, index.getWaarde());
    assertEquals("index", index.getEenheid());
    assertEquals(100.0, find(rows, "jongeren_jeugdhulp_pct_index", "2023H2", AALTEN, T, T).getWaarde());
    // CBS '.' for jeugdreclassering: the _cbs row is there with waarde null, and no difference row
    CubeRow jr = find(rows, "jongeren_jeugdreclassering_pct_cbs", "2024H1", AALTEN, T, T);
    assertNotNull(jr);
    assertNull(jr.getWaarde());
    assertNull(find(rows, "jongeren_jeugdreclassering_pct_verschil_cbs", "2024H1", AALTEN, T, T));
    // no jeugdreclassering in 2023H2: a zero row (noemer known) so the benchmark has our value
    CubeRow jrZero = find(rows, "jongeren_jeugdreclassering_pct", "2023H2", AALTEN, T, T);
    assertEquals(0.0, jrZero.getWaarde());
    assertEquals(178.0, jrZero.getNoemer());
  }

  @Test
  void regionRowsCoverTheGemeentenOfTheInput() {
    // only Aalten of the Achterhoek is in the input: the region has Aalten's figures and population
    CubeRow reg = find(rows, "jongeren_jeugdhulp_pct", "2024H1", ACHTERHOEK, T, T);
    assertEquals(28.9, reg.getWaarde());
    assertEquals("Regio Achterhoek", reg.getGemeenteNaam());
    assertEquals("Achterhoek", reg.getRegio());
    assertEquals(118.3, find(rows, "jongeren_jeugdhulp_pct_index", "2024H1", ACHTERHOEK, T, T).getWaarde());
    // no CBS rows for a region
    assertNull(find(rows, "jongeren_jeugdhulp_pct_cbs", "2024H1", ACHTERHOEK, T, T));
  }

  @Test
  void everyRowIsOneCellAndUsesCatalogueCodes() {
    Set<String> seen = new HashSet<>();
    for (CubeRow r : rows) {
      assertTrue(Indicators.exists(r.getIndicator()), r.getIndicator());
      String k = String.join("|", r.getIndicator(), r.getPeriode(), r.getGemeenteCode(), r.getLeeftijdsklasse(),
          r.getGeslacht(), r.getHulpvorm(), r.getVerwijzer(), r.getProductcategorie());
      assertTrue(seen.add(k), "duplicate row " + k);
      assertFalse(r.getLeeftijdsklasse().equals("0-17") || r.getLeeftijdsklasse().equals("12-22"), k);
      assertFalse(r.getOnderdrukt());
    }
  }
}
