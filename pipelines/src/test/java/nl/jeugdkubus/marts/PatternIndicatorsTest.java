package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.ACHTERHOEK;
import static nl.jeugdkubus.marts.Fixtures.T;
import static nl.jeugdkubus.marts.Fixtures.contributions;
import static nl.jeugdkubus.marts.Fixtures.cost;
import static nl.jeugdkubus.marts.Fixtures.ijw;
import static nl.jeugdkubus.marts.Fixtures.key;
import static nl.jeugdkubus.marts.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.intermediate.LinkConfig;
import nl.jeugdkubus.intermediate.PersonLinker;
import nl.jeugdkubus.model.GemeenteWissel;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;
import org.junit.jupiter.api.Test;

/**
 * Indicators for the patterns of real data (docs/linkage.md): a move during care, and a waiting time whose
 * Toewijzingsdatum (the decision) and Ingangsdatum differ. Answers worked out by hand in the comments.
 */
class PatternIndicatorsTest {
  static final String DOETINCHEM = "GM0222";

  private static long count(Map<CellKey, Acc> m, CellKey k) {
    Acc a = m.get(k);
    return a == null ? 0 : a.count();
  }

  private static GemeenteWissel wissel(String vanaf, String gemeente) {
    return GemeenteWissel.newBuilder().setVanaf(vanaf).setGemeenteCode(gemeente).build();
  }

  /**
   * Girl born 2012 (age 11 in 2023: class 4-11). One trajectory 02 in Aalten from 2023-01-09 (decision
   * 01-02), moved to Doetinchem on 2023-05-15, ended 2023-10-31 volgens plan. Aalten paid March (500.00),
   * Doetinchem June (300.00).
   */
  private static PersonHistory mover() {
    return person("p1", 2012, "V",
        List.of(cost(AALTEN, "45", "02", "2023-03-01", "2023-03-31", 50_000),
            cost(DOETINCHEM, "45", "02", "2023-06-01", "2023-06-30", 30_000)),
        ijw("02", AALTEN, "2023-01-09", "2023-10-31").setRedenBeeindigingCbs("01").setToewijzingsdatum("2023-01-02")
            .setGemeenteWissels(List.of(wissel("2023-05-15", DOETINCHEM))));
  }

  @Test
  void aMoveCountsTheTrajectoryInBothGemeentenOfThatHalfYearAndItsStartAndEndOnceWhereTheyHappened() {
    Map<CellKey, Acc> m = contributions(mover(), "2023H1", "2023H2", "2023");
    // H1: Aalten was responsible 01-09..05-14, Doetinchem from 05-15: the girl and her running trajectory count
    // in both gemeenten (each was responsible for her in H1), once in the region
    for (String measure : List.of(Measures.JEUGDHULP, Measures.ZONDER_VERBLIJF, Measures.SPECIALISTISCH)) {
      assertEquals(1, count(m, key(measure, "2023H1", AALTEN, T, T, T)), measure);
      assertEquals(1, count(m, key(measure, "2023H1", DOETINCHEM, T, T, T)), measure);
      assertEquals(1, count(m, key(measure, "2023H1", ACHTERHOEK, T, T, T)), measure);
    }
    assertEquals(1, count(m, key(Measures.LOPEND, "2023H1", AALTEN, T, T, "02")));
    assertEquals(1, count(m, key(Measures.LOPEND, "2023H1", DOETINCHEM, T, T, "02")));
    // one start (01-09, in Aalten), no start in Doetinchem and no end in Aalten: a move makes no new record
    assertEquals(1, count(m, key(Measures.GESTART, "2023H1", AALTEN, T, T, "02")));
    assertFalse(m.containsKey(key(Measures.GESTART, "2023H1", DOETINCHEM, T, T, T)));
    assertEquals(1, count(m, key(Measures.GESTART, "2023H1", ACHTERHOEK, T, T, T)));
    assertFalse(m.containsKey(key(Measures.BEEINDIGD, "2023H1", AALTEN, T, T, T)));
    // the waiting time 01-02 -> 01-09 = 7 days belongs to the start, in Aalten
    assertEquals(new TreeMap<>(Map.of(7L, 1L)), m.get(key(Measures.WACHT_TOEWIJZING, "2023H1", AALTEN, T, T, "02")).hist());
    assertFalse(m.containsKey(key(Measures.WACHT_TOEWIJZING, "2023H1", DOETINCHEM, T, T, T)));
    // H2: only Doetinchem; ended 10-31 there, duration 01-09..10-31 inclusive = 23+28+31+30+31+30+31+31+30+31 = 296
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023H2", DOETINCHEM, T, T, T)));
    assertFalse(m.containsKey(key(Measures.JEUGDHULP, "2023H2", AALTEN, T, T, T)));
    Acc ended = m.get(key(Measures.BEEINDIGD, "2023H2", DOETINCHEM, T, T, "02"));
    assertEquals(1, ended.count());
    assertEquals(296, ended.sum());
    assertEquals(1, count(m, key(Measures.BEEINDIGD_VOLGENS_PLAN, "2023H2", DOETINCHEM, T, T, T)));
    // the year: both gemeenten were responsible in 2023; the start and the end each once
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023", DOETINCHEM, T, T, T)));
    assertEquals(1, count(m, key(Measures.GESTART, "2023", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.BEEINDIGD, "2023", DOETINCHEM, T, T, T)));
    // costs stay with the gemeente that paid them
    assertEquals(50_000, m.get(key(Measures.KOSTEN, "2023H1", AALTEN, T, T, T, T, T)).sum());
    assertEquals(30_000, m.get(key(Measures.KOSTEN, "2023H1", DOETINCHEM, T, T, T, T, T)).sum());
  }

  @Test
  void beforeTheMoveOnlyTheOldGemeenteCounts() {
    // the same girl moving on 2023-09-01 instead, still in care: H1 Aalten only; H2 Aalten (07-01..08-31) and
    // Doetinchem (from 09-01)
    PersonHistory p = person("p2", 2012, "V",
        ijw("02", AALTEN, "2023-02-01", null).setGemeenteWissels(List.of(wissel("2023-09-01", DOETINCHEM))));
    Map<CellKey, Acc> m = contributions(p, "2023H1", "2023H2");
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023H1", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.JEUGDHULP, "2023H1", DOETINCHEM, T, T, T)));
    assertEquals(1, count(m, key(Measures.GESTART, "2023H1", AALTEN, T, T, "02")));
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023H2", DOETINCHEM, T, T, T)));
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2023H2", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.GESTART, "2023H2", DOETINCHEM, T, T, T)));
  }

  @Test
  void theWaitingTimeRunsFromTheDecisionNotFromTheIngangsdatum() {
    // JW301: Toewijzingsdatum (the municipality's decision) 2024-03-01, Ingangsdatum 2024-03-15; the JW305
    // start is 2024-03-22. Decision -> start = 31 - 1 + 22 = 21 days (Ingangsdatum -> start would be 7).
    Toewijzing t = Toewijzing.newBuilder().setPseudonym("p3").setSourceFile("jw301.xml").setPosition("p0")
        .setGeboortejaar(2014).setGeslacht("M").setGemeenteCode(AALTEN).setAanbiederCode("12345678")
        .setToewijzingNummer("A").setProductCategorie("41").setToewijzingsdatum("2024-03-01")
        .setIngangsdatum("2024-03-15").setEinddatum("2024-12-31").build();
    ZorgMutatie s = ZorgMutatie.newBuilder().setPseudonym("p3").setSourceFile("jw305.xml").setPosition("p1")
        .setBerichtType("JW305").setGemeenteCode(AALTEN).setAanbiederCode("12345678").setToewijzingNummer("A")
        .setProductCategorie("41").setBegindatum("2024-03-22").setStatusAanlevering("1").build();
    PersonHistory p = new PersonLinker(LinkConfig.load(null)).link("p3", List.of(), List.of(t), List.of(s), List.of()).history;
    Map<CellKey, Acc> m = contributions(p, "2024H1");
    // 41 dagbehandeling -> hulpvorm 03; one trajectory with 21 days, in its hulpvorm and in totaal
    assertEquals(new TreeMap<>(Map.of(21L, 1L)), m.get(key(Measures.WACHT_TOEWIJZING, "2024H1", AALTEN, T, T, "03")).hist());
    assertEquals(new TreeMap<>(Map.of(21L, 1L)), m.get(key(Measures.WACHT_TOEWIJZING, "2024H1", AALTEN, T, T, T)).hist());
  }
}
