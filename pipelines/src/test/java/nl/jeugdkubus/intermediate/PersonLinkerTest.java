package nl.jeugdkubus.intermediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.Trajectory;
import nl.jeugdkubus.model.ZorgMutatie;
import org.junit.jupiter.api.Test;

/** Hand-worked linkage cases; the expected answers are derived in the comments. */
class PersonLinkerTest {
  static final String P = "p1";
  final PersonLinker linker = new PersonLinker(LinkConfig.load(null));
  int pos = 0;

  Toewijzing toew(String nr, String cat, String ingang, String eind) {
    return Toewijzing.newBuilder().setPseudonym(P).setSourceFile("jw301.xml").setPosition("p" + (pos++))
        .setGeboortejaar(2010).setGeslacht("M").setGemeenteCode("GM0197").setAanbiederCode("12345678")
        .setToewijzingNummer(nr).setProductCategorie(cat).setToewijzingsdatum(ingang).setIngangsdatum(ingang).setEinddatum(eind).build();
  }

  ZorgMutatie start(String nr, String cat, String begin) {
    return ZorgMutatie.newBuilder().setPseudonym(P).setSourceFile("jw305.xml").setPosition("p" + (pos++)).setBerichtType("JW305")
        .setGemeenteCode("GM0197").setAanbiederCode("12345678").setToewijzingNummer(nr).setProductCategorie(cat)
        .setBegindatum(begin).setStatusAanlevering("1").build();
  }

  ZorgMutatie stop(String nr, String cat, String begin, String eind, String reden) {
    return ZorgMutatie.newBuilder().setPseudonym(P).setSourceFile("jw307.xml").setPosition("p" + (pos++)).setBerichtType("JW307")
        .setGemeenteCode("GM0197").setAanbiederCode("12345678").setToewijzingNummer(nr).setProductCategorie(cat)
        .setBegindatum(begin).setEinddatum(eind).setRedenBeeindiging(reden).setStatusAanlevering("1").build();
  }

  Declaratie decl(String fmt, String dn, String rn, String nr, String cat, String begin, long cents, String dc) {
    return Declaratie.newBuilder().setPseudonym(P).setSourceFile(fmt.equals("CSV") ? "d.csv" : "jw323.xml").setPosition("p" + (pos++))
        .setSourceFormat(fmt).setGemeenteCode("GM0197").setAanbiederCode("12345678").setDeclaratieNummer(dn)
        .setReferentieNummer(rn).setToewijzingNummer(nr).setProductCategorie(cat).setPeriodeBegin(begin)
        .setPeriodeEind(begin.substring(0, 8) + "28").setBedragCenten(cents).setDebetCredit(dc).build();
  }

  LocalRegistration reg(String soort, String start, String eind, String signaleerder, String verwijzer, String nr) {
    return LocalRegistration.newBuilder().setPseudonym(P).setSourceFile("reg.csv").setPosition("line " + (pos++))
        .setRegistratieId("R" + pos).setGeboortejaar(2010).setGeslacht("M").setGemeenteCode("GM0197").setSoort(soort)
        .setSignaleerder(signaleerder).setVerwijzerCode(verwijzer).setAanmelddatum(start).setStartdatum(start)
        .setEinddatum(eind).setToewijzingNummer(nr).build();
  }

  static Trajectory find(List<Trajectory> ts, String hulpvorm, String start) {
    return ts.stream().filter(t -> t.getHulpvorm().equals(hulpvorm) && t.getStartdatum().equals(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no trajectory " + hulpvorm + " " + start + " in " + ts));
  }

  @Test
  void overlappingSameHulpvormMergesAndRepeatNeedsOneDayBetween() {
    List<Toewijzing> t = List.of(
        toew("A", "45", "2023-01-01", "2023-12-31"),
        toew("B", "45", "2023-04-15", "2023-12-31"),
        toew("C", "45", "2023-10-01", "2024-06-30"),   // starts 2023-10-02: one full day (10-01) after B's end
        toew("D", "43", "2023-03-01", "2023-12-31"));  // other hulpvorm (14), overlapping: not merged
    List<ZorgMutatie> m = List.of(
        start("A", "45", "2023-01-10"), stop("A", "45", "2023-01-10", "2023-05-31", "31"),
        start("B", "45", "2023-05-01"), stop("B", "45", "2023-05-01", "2023-09-30", "32"),
        start("C", "45", "2023-10-02"),
        start("D", "43", "2023-03-05"));
    List<Trajectory> ts = linker.link(P, List.of(), t, m, List.of()).history.getTrajecten();
    // A [01-10, 05-31] and B [05-01, 09-30] overlap -> one trajectory 01-10 .. 09-30, end reason of B:
    // JZ588 32 (door client) -> CBS 03. C starts 10-02 > 09-30 + 1 day -> separate, herhaald beroep.
    assertEquals(3, ts.size(), ts.toString());
    Trajectory ab = find(ts, "02", "2023-01-10");
    assertEquals("2023-09-30", ab.getEinddatum());
    assertEquals("03", ab.getRedenBeeindigingCbs());
    assertEquals(List.of("A", "B"), ab.getToewijzingNummers());
    assertFalse(ab.getHerhaaldBeroep());
    Trajectory c = find(ts, "02", "2023-10-02");
    assertTrue(c.getHerhaaldBeroep());
    // no JW307 for C: the toewijzing's end date closes it, without an end reason
    assertEquals("2024-06-30", c.getEinddatum());
    assertNull(c.getRedenBeeindigingCbs());
    Trajectory d = find(ts, "14", "2023-03-05");
    assertEquals("jeugdhulp", d.getZorgsoort());
    // D (14) started 03-05 while A was running: not herhaald beroep (nothing had ended before it)
    assertFalse(d.getHerhaaldBeroep());
  }

  @Test
  void restartTheDayAfterAnEndIsNotHerhaaldBeroep() {
    List<Toewijzing> t = List.of(toew("A", "45", "2023-01-01", null), toew("B", "45", "2023-06-01", null));
    List<ZorgMutatie> m = List.of(
        start("A", "45", "2023-01-10"), stop("A", "45", "2023-01-10", "2023-05-31", "31"),
        start("B", "45", "2023-06-01"));
    List<Trajectory> ts = linker.link(P, List.of(), t, m, List.of()).history.getTrajecten();
    // B starts 06-01, the day after A's end 05-31: no day between -> two trajectories (no overlap), B not herhaald
    assertEquals(2, ts.size());
    Trajectory b = find(ts, "02", "2023-06-01");
    assertFalse(b.getHerhaaldBeroep());
    assertNull(b.getEinddatum()); // no stop, no toewijzing end: still running
    assertEquals("01", find(ts, "02", "2023-01-10").getRedenBeeindigingCbs()); // JZ588 31 -> CBS 01
  }

  @Test
  void declarationsAreDedupedNettedAndMatched() {
    List<Toewijzing> t = List.of(toew("A", "45", "2023-01-01", null));
    List<Declaratie> d = List.of(
        decl("JW323", "DN1", "RN1", "A", "45", "2023-01-01", 50000, "D"),
        decl("JW323", "DN1", "RN1", "A", "45", "2023-01-01", 50000, "D"),   // same prestatie twice
        decl("CSV", "DN1", "RN1", "A", "45", "2023-01-01", 50000, "D"),     // same prestatie, other source
        decl("JW323", "DN2", "RN2", "A", "45", "2023-01-01", 20000, "C"),   // credit
        decl("JW323", "DN2", "RN3", "A", "45", "2023-01-01", 45000, "D"),   // corrected debit
        decl("JW323", "DN3", "RN4", "X", "54", "2023-02-01", 10000, "D"));  // unknown toewijzing
    PersonLinker.Result r = linker.link(P, List.of(), t, List.of(), d);
    List<CostLine> k = r.history.getKosten();
    // kept: +50000, -20000, +45000 (A, linked) and +10000 (X, unlinked): net linked = 75000
    assertEquals(4, k.size());
    assertEquals(75000L, k.stream().filter(CostLine::getGekoppeld).mapToLong(CostLine::getNettoCenten).sum());
    assertEquals(10000L, k.stream().filter(c -> !c.getGekoppeld()).mapToLong(CostLine::getNettoCenten).sum());
    assertEquals("02", k.stream().filter(c -> !c.getGekoppeld()).findFirst().get().getHulpvorm()); // JZ020 54 -> 02
    assertEquals(2, r.deadLetters.size());
    assertEquals("DUPLICATE_PRESTATIE", r.deadLetters.get(0).getReason());
    assertEquals("DUPLICATE_ACROSS_SOURCES", r.deadLetters.get(1).getReason());
    // no JW305: the first declared period starts the trajectory
    assertEquals("2023-01-01", r.history.getTrajecten().get(0).getStartdatum());
    assertReconciles(r, 0, 1, 0, 6);
  }

  @Test
  void verwijzerComesFromTheToegangRegistrationAndLocalTeamFromSignaleerder() {
    List<LocalRegistration> regs = List.of(
        reg("toegang", "2023-02-01", null, null, "02", "A"),
        reg("toegang", "2023-02-01", null, null, "01", "NOT_RECEIVED"),
        reg("lokaal_team", "2022-11-01", null, "huisarts", null, null),
        reg("lokaal_team", "2022-11-01", "2023-01-31", "primair_onderwijs", null, null));
    List<Toewijzing> t = List.of(toew("A", "45", "2023-02-01", null), toew("E", "42", "2023-02-01", null));
    List<ZorgMutatie> m = List.of(start("A", "45", "2023-02-15"));
    PersonLinker.Result r = linker.link(P, regs, t, m, List.of());
    List<Trajectory> ts = r.history.getTrajecten();
    assertEquals("02", find(ts, "02", "2023-02-15").getVerwijzerCode());
    // two local-team episodes from 2022-11-01, overlapping -> merged, open (one has no end)
    List<Trajectory> lt = ts.stream().filter(x -> x.getBron().equals("lokaal_team")).toList();
    assertEquals(1, lt.size());
    assertNull(lt.get(0).getEinddatum());
    assertEquals("02", lt.get(0).getVerwijzerCode()); // huisarts -> COD327 02
    // E is vervoer (JZ020 42, no care form of its own): no trajectory
    assertEquals(2, ts.size());
    Map<String, Long> c = r.counts;
    assertEquals(3L, c.get("registraties.linked")); // toegang A + two local-team rows
    assertEquals(1L, c.get("registraties.unlinked.TOEWIJZING_NIET_ONTVANGEN"));
    assertEquals(1L, c.get("toewijzingen.unlinked.GEEN_HULPVORM"));
    assertReconciles(r, 4, 2, 1, 0);
  }

  @Test
  void startStopWithoutToewijzingStillFormsATrajectoryAndInconsistentStopsAreDeadLettered() {
    List<ZorgMutatie> m = List.of(
        start("Z", "54", "2023-03-01"),
        stop("Z", "54", "2023-03-01", "2023-02-01", "31")); // ends before it begins
    PersonLinker.Result r = linker.link(P, List.of(), List.of(), m, List.of());
    assertEquals(1, r.history.getTrajecten().size());
    assertNull(r.history.getTrajecten().get(0).getEinddatum());
    assertEquals("END_BEFORE_START", r.deadLetters.get(0).getReason());
    assertEquals(1L, r.counts.get("mutaties.unlinked.ZONDER_TOEWIJZING"));
    assertReconciles(r, 0, 0, 2, 0);
  }

  @Test
  void herhaaldBeroepLooksBackFiveYearsWithinTheSameZorgsoort() {
    // A: ambulant (45 -> 02, jeugdhulp) 2018-03-01 .. 2018-03-31.
    // B starts 2023-03-31: five years before is 2018-03-31, A ended on that day -> inside the window -> herhaald.
    List<Trajectory> ts = linker.link(P, List.of(),
        List.of(toew("A", "45", "2018-03-01", null), toew("B", "45", "2023-03-01", null)),
        List.of(start("A", "45", "2018-03-01"), stop("A", "45", "2018-03-01", "2018-03-31", "31"),
            start("B", "45", "2023-03-31")), List.of()).history.getTrajecten();
    assertTrue(find(ts, "02", "2023-03-31").getHerhaaldBeroep());

    // the same, B starting one day later (2023-04-01): the window starts 2018-04-01, A ended before -> new
    ts = linker.link(P, List.of(),
        List.of(toew("A", "45", "2018-03-01", null), toew("B", "45", "2023-03-01", null)),
        List.of(start("A", "45", "2018-03-01"), stop("A", "45", "2018-03-01", "2018-03-31", "31"),
            start("B", "45", "2023-04-01")), List.of()).history.getTrajecten();
    assertFalse(find(ts, "02", "2023-04-01").getHerhaaldBeroep());

    // a jeugdbescherming measure (48 -> JB) that ended in 2022 does not make jeugdhulp a herhaald beroep,
    // but a later jeugdbescherming measure is one
    ts = linker.link(P, List.of(),
        List.of(toew("J", "48", "2022-01-01", null), toew("H", "45", "2023-01-01", null), toew("K", "48", "2023-06-01", null)),
        List.of(start("J", "48", "2022-01-01"), stop("J", "48", "2022-01-01", "2022-06-30", "31"),
            start("H", "45", "2023-01-02"), start("K", "48", "2023-06-01")), List.of()).history.getTrajecten();
    assertEquals("jeugdbescherming", find(ts, "JB", "2022-01-01").getZorgsoort());
    assertFalse(find(ts, "02", "2023-01-02").getHerhaaldBeroep());
    assertTrue(find(ts, "JB", "2023-06-01").getHerhaaldBeroep());
  }

  @Test
  void historyOrdersLocalTeamAndSpecialistCareByStart() {
    // local team from 2022-09-01 (ended 2023-01-31), then crisis care (46 -> 02, crisis) from 2022-12-01,
    // then pleegzorg (35 -> 11) from 2023-03-01: the flow local team -> specialist care is in this order
    List<LocalRegistration> regs = List.of(reg("lokaal_team", "2022-09-01", "2023-01-31", "huisarts", null, null));
    List<Trajectory> ts = linker.link(P, regs,
        List.of(toew("P", "35", "2023-03-01", null), toew("C", "46", "2022-12-01", "2022-12-31")),
        List.of(start("P", "35", "2023-03-01"), start("C", "46", "2022-12-01")), List.of()).history.getTrajecten();
    assertEquals(List.of("2022-09-01", "2022-12-01", "2023-03-01"), ts.stream().map(Trajectory::getStartdatum).toList());
    assertEquals(List.of("lokaal_team", "ijw", "ijw"), ts.stream().map(Trajectory::getBron).toList());
    assertEquals(List.of("01", "02", "11"), ts.stream().map(Trajectory::getHulpvorm).toList());
    assertTrue(ts.get(1).getCrisis());
    assertFalse(ts.get(2).getCrisis());
    assertEquals("2022-12-31", ts.get(1).getEinddatum()); // no JW307: the toewijzing's end closes it
  }

  /** in = linked + unlinked.* + dead.* for every record type. */
  static void assertReconciles(PersonLinker.Result r, int regs, int toews, int muts, int decls) {
    Map<String, Integer> in = Map.of("registraties", regs, "toewijzingen", toews, "mutaties", muts, "declaraties", decls);
    for (Map.Entry<String, Integer> e : in.entrySet()) {
      long accounted = r.counts.entrySet().stream().filter(x -> x.getKey().startsWith(e.getKey() + "."))
          .mapToLong(Map.Entry::getValue).sum();
      assertEquals((long) e.getValue(), accounted, e.getKey() + " " + r.counts);
    }
  }

  @Test
  void positionsSortNaturally() {
    List<String> l = new ArrayList<>(List.of("line 10", "line 9", "line 100"));
    l.sort(PersonLinker::comparePositions);
    assertEquals(List.of("line 9", "line 10", "line 100"), l);
  }
}
