package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.ACHTERHOEK;
import static nl.jeugdkubus.marts.Fixtures.ALMELO;
import static nl.jeugdkubus.marts.Fixtures.BERKELLAND;
import static nl.jeugdkubus.marts.Fixtures.T;
import static nl.jeugdkubus.marts.Fixtures.combined;
import static nl.jeugdkubus.marts.Fixtures.contributions;
import static nl.jeugdkubus.marts.Fixtures.cost;
import static nl.jeugdkubus.marts.Fixtures.ijw;
import static nl.jeugdkubus.marts.Fixtures.jb;
import static nl.jeugdkubus.marts.Fixtures.jr;
import static nl.jeugdkubus.marts.Fixtures.key;
import static nl.jeugdkubus.marts.Fixtures.lokaal;
import static nl.jeugdkubus.marts.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.model.PersonHistory;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {

  private static long count(Map<CellKey, Acc> m, CellKey k) {
    Acc a = m.get(k);
    return a == null ? 0 : a.count();
  }

  /**
   * Born 2014, boy: age in 2024 = 10 -> class 4-11 (and universe 0-17).
   * - local team 01 in Aalten 2023-09-01 .. 2024-01-01 (overlaps 2024H1 by one day)
   * - ijw 02 in Aalten 2024-02-01 .. 2024-03-01
   * - ijw 02 in Aalten 2024-06-30 .. open (starts on the last day of H1: in H1 and H2)
   */
  private static PersonHistory boy() {
    return person("p1", 2014, "M",
        lokaal(AALTEN, "2023-09-01", "2024-01-01").setRedenBeeindigingCbs("01"),
        ijw("02", AALTEN, "2024-02-01", "2024-03-01").setRedenBeeindigingCbs("04"),
        ijw("02", AALTEN, "2024-06-30", null));
  }

  @Test
  void aYoungPersonCountsOnceInEveryCellOfPersonMeasures() {
    Map<CellKey, Acc> m = contributions(boy(), "2024H1", "2024H2");
    // jeugdhulp: once, though three trajectories overlap H1; in the class, totaal, universe 0-17; M and totaal; gemeente and region
    for (String area : List.of(AALTEN, ACHTERHOEK)) {
      for (String age : List.of("4-11", T, "0-17")) {
        for (String sex : List.of("M", T)) {
          assertEquals(1, count(m, key(Measures.JEUGDHULP, "2024H1", area, age, sex, T)), area + age + sex);
        }
      }
    }
    // not in the 12-22 universe, not in another class
    assertFalse(m.containsKey(key(Measures.JEUGDHULP, "2024H1", AALTEN, "12-22", T, T)));
    assertFalse(m.containsKey(key(Measures.JEUGDHULP, "2024H1", AALTEN, "12-17", T, T)));
    // zonder verblijf per hulpvorm: 01 once, 02 once (two trajectories of 02), totaal once
    assertEquals(1, count(m, key(Measures.ZONDER_VERBLIJF, "2024H1", AALTEN, "4-11", "M", "01")));
    assertEquals(1, count(m, key(Measures.ZONDER_VERBLIJF, "2024H1", AALTEN, "4-11", "M", "02")));
    assertEquals(1, count(m, key(Measures.ZONDER_VERBLIJF, "2024H1", AALTEN, T, T, T)));
    // H2: only the open 02 trajectory runs
    assertEquals(1, count(m, key(Measures.ZONDER_VERBLIJF, "2024H2", AALTEN, T, T, "02")));
    assertFalse(m.containsKey(key(Measures.ZONDER_VERBLIJF, "2024H2", AALTEN, T, T, "01")));
    // no verblijf, no JB / JR
    assertFalse(m.containsKey(key(Measures.MET_VERBLIJF, "2024H1", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.JEUGDBESCHERMING, "2024H1", AALTEN, T, T, T)));
    // stacking: hulpvormen {01, 02} in H1 -> 2, person once; H2: {02} -> 1, not 2+
    Acc zorg = m.get(key(Measures.JEUGDZORG, "2024H1", AALTEN, T, T, T));
    assertEquals(1, zorg.count());
    assertEquals(2, zorg.sum());
    assertEquals(1, count(m, key(Measures.STAPELING_2PLUS, "2024H1", AALTEN, T, T, T)));
    assertEquals(1, m.get(key(Measures.JEUGDZORG, "2024H2", AALTEN, T, T, T)).sum());
    assertFalse(m.containsKey(key(Measures.STAPELING_2PLUS, "2024H2", AALTEN, T, T, T)));
    // specialist (iJw) clients: hulpvorm 02 once
    assertEquals(1, count(m, key(Measures.SPECIALISTISCH, "2024H1", AALTEN, T, T, "02")));
  }

  @Test
  void trajectoriesAddUpAndHalfYearBoundariesAreInclusive() {
    Map<CellKey, Acc> m = contributions(boy(), "2024H1", "2024H2", "2024");
    // running in H1: all three (the local-team one until 2024-01-01, the open one from 2024-06-30)
    assertEquals(3, count(m, key(Measures.LOPEND, "2024H1", AALTEN, T, T, T)));
    assertEquals(2, count(m, key(Measures.LOPEND, "2024H1", AALTEN, T, T, "02")));
    assertEquals(3, count(m, key(Measures.LOPEND, "2024H1", ACHTERHOEK, T, T, T)));
    assertEquals(1, count(m, key(Measures.LOPEND, "2024H2", AALTEN, T, T, T)));
    // started in H1: the two 02 trajectories (2024-02-01 and 2024-06-30); none in H2; year = 2
    assertEquals(2, count(m, key(Measures.GESTART, "2024H1", AALTEN, "4-11", "M", "02")));
    assertFalse(m.containsKey(key(Measures.GESTART, "2024H2", AALTEN, T, T, T)));
    assertEquals(2, count(m, key(Measures.GESTART, "2024", AALTEN, T, T, T)));
    assertEquals(2, count(m, key(Measures.GESTART_NIEUW, "2024H1", AALTEN, T, T, T)));
    assertEquals(2, count(m, key(Measures.GESTART_ZONDER_CRISIS, "2024H1", AALTEN, T, T, T)));
    // ended in H1: local team (2023-09-01..2024-01-01 = 122 days difference + 1 = 123 days) and
    // 02 (2024-02-01..2024-03-01, leap year: 29 + 1 = 30 days)
    Acc ended = m.get(key(Measures.BEEINDIGD, "2024H1", AALTEN, T, T, T));
    assertEquals(2, ended.count());
    assertEquals(123 + 30, ended.sum());
    assertEquals(new TreeMap<>(Map.of(30L, 1L, 123L, 1L)), ended.hist());
    assertEquals(1, count(m, key(Measures.BEEINDIGD_VOLGENS_PLAN, "2024H1", AALTEN, T, T, "01")));
    assertEquals(1, count(m, key(Measures.BEEINDIGD_VOORTIJDIG, "2024H1", AALTEN, T, T, "02")));
    // return within 12 months: after 2024-01-01 another trajectory starts 2024-02-01; after 2024-03-01 one starts 2024-06-30
    assertEquals(2, count(m, key(Measures.BEEINDIGD_TERUGKEER, "2024H1", AALTEN, T, T, T)));
  }

  @Test
  void aPersonInTwoGemeentenOfOneRegionCountsOnceInTheRegion() {
    PersonHistory p = person("p2", 2010, "V",
        ijw("02", AALTEN, "2024-01-10", "2024-02-10"),
        ijw("03", BERKELLAND, "2024-03-01", null));
    Map<CellKey, Acc> m = contributions(p, "2024H1");
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2024H1", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2024H1", BERKELLAND, T, T, T)));
    assertEquals(1, count(m, key(Measures.JEUGDHULP, "2024H1", ACHTERHOEK, T, T, T)));
    // trajectories add in the region: 1 + 1
    assertEquals(2, count(m, key(Measures.LOPEND, "2024H1", ACHTERHOEK, T, T, T)));
    // a gemeente is never rolled up to a 'totaal' area
    assertTrue(m.keySet().stream().noneMatch(k -> k.area().equals(T)));
    // and persons of different regions stay apart
    Map<CellKey, Acc> both = combined(List.of(p, person("p3", 2010, "V", ijw("02", ALMELO, "2024-01-10", null))), "2024H1");
    assertEquals(1, count(both, key(Measures.JEUGDHULP, "2024H1", ACHTERHOEK, T, T, T)));
    assertEquals(1, count(both, key(Measures.JEUGDHULP, "2024H1", "REG_Twente", T, T, T)));
  }

  @Test
  void costsNetCreditsAndBelongToTheHalfYearOfPeriodeBegin() {
    // 1000.00 debit and 250.50 credit with periodeBegin in H1 (the line runs into July); 500.00 from 2024-07-01
    PersonHistory p = person("p4", 2012, "V", List.of(
            cost(AALTEN, "45", "02", "2024-06-15", "2024-07-14", 100_000),
            cost(AALTEN, "45", "02", "2024-06-15", "2024-07-14", -25_050),
            cost(AALTEN, "54", "02", "2024-07-01", "2024-07-31", 50_000)),
        ijw("02", AALTEN, "2024-06-01", null));
    Map<CellKey, Acc> m = contributions(p, "2024H1", "2024H2", "2024");
    Acc h1 = m.get(key(Measures.KOSTEN, "2024H1", AALTEN, T, T, "02", T, "45"));
    assertEquals(1, h1.count()); // one client
    assertEquals(74_950, h1.sum()); // 100000 - 25050
    assertEquals(74_950, m.get(key(Measures.KOSTEN, "2024H1", AALTEN, "12-17", "V", T, T, T)).sum());
    assertEquals(74_950, m.get(key(Measures.KOSTEN, "2024H1", ACHTERHOEK, T, T, T, T, T)).sum());
    assertFalse(m.containsKey(key(Measures.KOSTEN, "2024H1", AALTEN, T, T, T, T, "54")));
    assertEquals(50_000, m.get(key(Measures.KOSTEN, "2024H2", AALTEN, T, T, "02", T, "54")).sum());
    Acc year = m.get(key(Measures.KOSTEN, "2024", AALTEN, T, T, T, T, T));
    assertEquals(1, year.count());
    assertEquals(124_950, year.sum());
  }

  @Test
  void crisisRepeatEndReasonAndVerwijzer() {
    // 2024-01-01 .. 2024-06-30: exactly H1 (31+29+31+30+31+30 = 182 days)
    PersonHistory p = person("p5", 2008, "M",
        ijw("46", AALTEN, "2024-01-01", "2024-06-30").setHulpvorm("02").setCrisis(true).setHerhaaldBeroep(true)
            .setRedenBeeindigingCbs("03").setVerwijzerCode("02"),
        ijw("11", AALTEN, "2024-07-01", "2024-12-31").setVerwijzerCode("").setRedenBeeindigingCbs(null));
    Map<CellKey, Acc> m = contributions(p, "2024H1", "2024H2");
    // age 16 -> 12-17
    assertEquals(1, count(m, key(Measures.GESTART_CRISIS, "2024H1", AALTEN, "12-17", "M", "02")));
    assertEquals(1, count(m, key(Measures.GESTART_HERHAALD, "2024H1", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.GESTART_NIEUW, "2024H1", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.BEEINDIGD_VOORTIJDIG, "2024H1", AALTEN, T, T, T)));
    assertEquals(new TreeMap<>(Map.of(182L, 1L)), m.get(key(Measures.BEEINDIGD, "2024H1", AALTEN, T, T, T)).hist());
    // ended 2024-06-30, next starts 2024-07-01 (one day later): a return
    assertEquals(1, count(m, key(Measures.BEEINDIGD_TERUGKEER, "2024H1", AALTEN, T, T, T)));
    // verwijzer of specialist starts: 02 in H1; blank verwijzer -> onbekend in H2
    assertEquals(1, count(m, key(Measures.SPEC_GESTART, "2024H1", AALTEN, T, T, T, "02", T)));
    assertEquals(1, count(m, key(Measures.SPEC_GESTART, "2024H1", AALTEN, T, T, T, T, T)));
    assertEquals(1, count(m, key(Measures.SPEC_GESTART, "2024H2", AALTEN, T, T, T, "onbekend", T)));
    // the 11 trajectory ends 2024-12-31 without a reason
    assertEquals(1, count(m, key(Measures.BEEINDIGD_REDEN_ONBEKEND, "2024H2", AALTEN, T, T, "11")));
    assertEquals(1, count(m, key(Measures.MET_VERBLIJF, "2024H2", AALTEN, "0-17", T, "11")));
    // no local team before: not 'na lokaal'
    assertFalse(m.containsKey(key(Measures.SPEC_GESTART_NA_LOKAAL, "2024H1", AALTEN, T, T, T, T, T)));
  }

  @Test
  void preventionFlowWindowsSnapshotsAndDataQuality() {
    // local team starts 2024-02-10 (aanmelding 2024-01-20: 21 days); specialist 03 starts 2024-08-10 =
    // exactly 6 months later (inside both windows); specialist 11 starts 2025-02-11 = 12 months + 1 day (outside)
    PersonHistory p = person("p6", 2015, "V",
        lokaal(AALTEN, "2024-02-10", null).setAanmelddatum("2024-01-20"),
        ijw("03", AALTEN, "2024-08-10", "2024-10-31").setToewijzingsdatum("2024-07-29"),
        ijw("11", AALTEN, "2025-02-11", null));
    Map<CellKey, Acc> m = contributions(p, "2024H1", "2024H2", "2025H1");
    assertEquals(1, count(m, key(Measures.LOKAAL_GESTART, "2024H1", AALTEN, "4-11", "V", T)));
    assertEquals(1, count(m, key(Measures.LOKAAL_SPEC_6M, "2024H1", AALTEN, T, T, "03")));
    assertEquals(1, count(m, key(Measures.LOKAAL_SPEC_6M, "2024H1", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.LOKAAL_SPEC_12M, "2024H1", AALTEN, T, T, "03")));
    assertFalse(m.containsKey(key(Measures.LOKAAL_SPEC_12M, "2024H1", AALTEN, T, T, "11")));
    // the 03 trajectory (H2) had local-team support that started before it
    assertEquals(1, count(m, key(Measures.SPEC_GESTART_NA_LOKAAL, "2024H2", AALTEN, T, T, T, T, T)));
    // waiting: aanmelding -> start 21 days; toewijzing -> start 12 days
    assertEquals(new TreeMap<>(Map.of(21L, 1L)), m.get(key(Measures.WACHT_AANMELDING, "2024H1", AALTEN, T, T, T)).hist());
    assertEquals(new TreeMap<>(Map.of(12L, 1L)), m.get(key(Measures.WACHT_TOEWIJZING, "2024H2", AALTEN, T, T, "03")).hist());
    // 30 April 2024: local case open, no specialist care running
    assertEquals(1, count(m, key(Measures.peilOpen("0430"), "2024H1", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.peilMetSpecialist("0430"), "2024H1", AALTEN, T, T, T)));
    // 31 August 2024: 03 runs (2024-08-10..2024-10-31); 31 December 2024: nothing specialist runs
    assertEquals(1, count(m, key(Measures.peilMetSpecialist("0831"), "2024H2", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.peilOpen("1231"), "2024H2", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.peilMetSpecialist("1231"), "2024H2", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.peilOpen("0430"), "2024H2", AALTEN, T, T, T)));
    // data quality: open without end date; started 2024-02-10: not more than a year before 2024-06-30 or 2024-12-31,
    // but more than a year before 2025-06-30
    assertEquals(1, count(m, key(Measures.DQ_OPEN, "2024H1", AALTEN, T, T, T)));
    assertFalse(m.containsKey(key(Measures.DQ_OPEN_1JAAR, "2024H2", AALTEN, T, T, T)));
    assertEquals(1, count(m, key(Measures.DQ_OPEN_1JAAR, "2025H1", AALTEN, T, T, T)));
  }

  @Test
  void ageRuleUnknownBirthYearAndJeugdreclasseringUniverse() {
    // geboortejaar unknown: class onbekend, no universe keys
    Map<CellKey, Acc> unknown = contributions(person("p7", null, "X", ijw("02", AALTEN, "2024-01-01", null)), "2024H1");
    assertEquals(1, count(unknown, key(Measures.JEUGDHULP, "2024H1", AALTEN, "onbekend", "O", T)));
    assertFalse(unknown.containsKey(key(Measures.JEUGDHULP, "2024H1", AALTEN, "0-17", T, T)));
    // born 2001: age 23 in 2024 -> onbekend (out of the 0-22 range)
    Map<CellKey, Acc> old = contributions(person("p8", 2001, "M", jr(AALTEN, "2024-01-01", null)), "2024H1");
    assertEquals(1, count(old, key(Measures.JEUGDRECLASSERING, "2024H1", AALTEN, "onbekend", "M", T)));
    assertFalse(old.containsKey(key(Measures.JEUGDRECLASSERING, "2024H1", AALTEN, "12-22", T, T)));
    // born 2004: age 20 in 2024 -> 18-22 and the 12-22 universe, not 0-17
    Map<CellKey, Acc> jr = contributions(person("p9", 2004, "V", jr(AALTEN, "2024-01-01", null)), "2024H1");
    assertEquals(1, count(jr, key(Measures.JEUGDRECLASSERING, "2024H1", AALTEN, "18-22", "V", T)));
    assertEquals(1, count(jr, key(Measures.JEUGDRECLASSERING, "2024H1", AALTEN, "12-22", "V", T)));
    assertFalse(jr.containsKey(key(Measures.JEUGDRECLASSERING, "2024H1", AALTEN, "0-17", "V", T)));
    // age in the year: born 2006, in 2023H2 17 (0-17), in 2024H1 18 (not 0-17)
    Map<CellKey, Acc> turning = contributions(person("p10", 2006, "M", ijw("02", AALTEN, "2023-01-01", null)), "2023H2", "2024H1");
    assertEquals(1, count(turning, key(Measures.JEUGDHULP, "2023H2", AALTEN, "0-17", T, T)));
    assertNull(turning.get(key(Measures.JEUGDHULP, "2024H1", AALTEN, "0-17", T, T)));
    assertEquals(1, count(turning, key(Measures.JEUGDHULP, "2024H1", AALTEN, "18-22", T, T)));
  }

  @Test
  void jeugdbeschermingWithVerblijfInTheSameGemeente() {
    PersonHistory p = person("p11", 2012, "V",
        jb(AALTEN, "2023-05-01", null),
        ijw("11", AALTEN, "2024-03-01", "2024-05-01"));
    Map<CellKey, Acc> m = contributions(p, "2024H1", "2024H2");
    assertEquals(1, count(m, key(Measures.JB_MET_VERBLIJF, "2024H1", AALTEN, "0-17", T, T)));
    assertEquals(1, count(m, key(Measures.JEUGDBESCHERMING, "2024H1", AALTEN, "0-17", T, T)));
    // H2: protection continues, no verblijf
    assertEquals(1, count(m, key(Measures.JEUGDBESCHERMING, "2024H2", AALTEN, "0-17", T, T)));
    assertFalse(m.containsKey(key(Measures.JB_MET_VERBLIJF, "2024H2", AALTEN, "0-17", T, T)));
  }

  @Test
  void nothingOutsideThePeriodsAndBadDatesFailWithoutPersonalData() {
    Map<CellKey, Acc> m = contributions(boy(), "2022H1");
    assertTrue(m.isEmpty());
    PersonHistory bad = person("pseudonym-abcdef", 2014, "M", ijw("02", AALTEN, "2024-02-30", null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> contributions(bad, "2024H1"));
    assertTrue(e.getMessage().contains("2024-02-30"), e.getMessage());
    assertFalse(e.getMessage().contains("pseudonym-abcdef"), "pseudonym must be masked: " + e.getMessage());
  }
}
