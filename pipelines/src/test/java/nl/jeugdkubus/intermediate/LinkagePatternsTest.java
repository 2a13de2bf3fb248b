package nl.jeugdkubus.intermediate;

import static nl.jeugdkubus.intermediate.PersonLinkerTest.assertReconciles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.GemeenteWissel;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.Trajectory;
import nl.jeugdkubus.model.ZorgMutatie;
import org.junit.jupiter.api.Test;

/**
 * The patterns of real iJw traffic (docs/linkage.md): a move to another gemeente, a toewijzing changed under
 * the same ToewijzingNummer, withdrawn JW305/JW307 messages, declarations under another productcategorie.
 * Every expected value is worked out by hand in the comments.
 */
class LinkagePatternsTest {
  static final String P = "p1";
  static final String AALTEN = "GM0197";
  static final String DOETINCHEM = "GM0222";
  final PersonLinker linker = new PersonLinker(LinkConfig.load(null));
  int pos = 0;

  /** A JW301 version: besluit = Toewijzingsdatum, reden = JZ002 RedenWijziging (null in a first version). */
  Toewijzing toew(String gemeente, String nr, String cat, String besluit, String ingang, String eind, String reden) {
    return Toewijzing.newBuilder().setPseudonym(P).setSourceFile("jw301.xml").setPosition("p" + (pos++))
        .setGeboortejaar(2010).setGeslacht("M").setGemeenteCode(gemeente).setAanbiederCode("12345678")
        .setToewijzingNummer(nr).setProductCategorie(cat).setToewijzingsdatum(besluit).setIngangsdatum(ingang)
        .setEinddatum(eind).setRedenWijziging(reden).build();
  }

  ZorgMutatie start(String gemeente, String nr, String begin, String status) {
    return ZorgMutatie.newBuilder().setPseudonym(P).setSourceFile("jw305.xml").setPosition("p" + (pos++)).setBerichtType("JW305")
        .setGemeenteCode(gemeente).setAanbiederCode("12345678").setToewijzingNummer(nr).setProductCategorie("45")
        .setProductCode("45A01").setBegindatum(begin).setStatusAanlevering(status).build();
  }

  ZorgMutatie stop(String gemeente, String nr, String begin, String eind, String reden, String status) {
    return ZorgMutatie.newBuilder().setPseudonym(P).setSourceFile("jw307.xml").setPosition("p" + (pos++)).setBerichtType("JW307")
        .setGemeenteCode(gemeente).setAanbiederCode("12345678").setToewijzingNummer(nr).setProductCategorie("45")
        .setProductCode("45A01").setBegindatum(begin).setEinddatum(eind).setRedenBeeindiging(reden)
        .setStatusAanlevering(status).build();
  }

  Declaratie decl(String gemeente, String rn, String nr, String cat, String begin, long cents) {
    return Declaratie.newBuilder().setPseudonym(P).setSourceFile("jw323.xml").setPosition("p" + (pos++))
        .setSourceFormat("JW323").setGemeenteCode(gemeente).setAanbiederCode("12345678").setDeclaratieNummer("DN1")
        .setReferentieNummer(rn).setToewijzingNummer(nr).setProductCategorie(cat).setPeriodeBegin(begin)
        .setPeriodeEind(begin.substring(0, 8) + "28").setBedragCenten(cents).setDebetCredit("D").build();
  }

  @Test
  void aMoveToAnotherGemeenteContinuesTheTrajectoryAndTheNewGemeenteIsResponsibleFromTheMove() {
    // Aalten decides on 2023-01-02 (toewijzing A, 45 ambulant, until 2023-12-31); care starts 01-09. The client
    // moves to Doetinchem on 2023-05-15: Aalten re-sends A with RedenWijziging 07 and Einddatum 05-14, the
    // aanbieder stops A on 05-14 (JZ588 35). Doetinchem decides B on 05-10, from 05-15; care goes on 05-15 and
    // ends 10-31 volgens plan (31).
    List<Toewijzing> t = List.of(
        toew(AALTEN, "A", "45", "2023-01-02", "2023-01-02", "2023-12-31", null),
        toew(AALTEN, "A", "45", "2023-05-20", "2023-01-02", "2023-05-14", "07"),
        toew(DOETINCHEM, "B", "45", "2023-05-10", "2023-05-15", "2023-12-31", null));
    List<ZorgMutatie> m = List.of(
        start(AALTEN, "A", "2023-01-09", "1"), stop(AALTEN, "A", "2023-01-09", "2023-05-14", "35", "1"),
        start(DOETINCHEM, "B", "2023-05-15", "1"), stop(DOETINCHEM, "B", "2023-05-15", "2023-10-31", "31", "1"));
    PersonLinker.Result r = linker.link(P, List.of(), t, m, List.of());
    List<Trajectory> ts = r.history.getTrajecten();
    // A ends 05-14, B starts 05-15: adjacent, which would be two trajectories; the move joins them (CBS: a move
    // makes no new record): 01-09 .. 10-31, reason of the last part (31 -> CBS 01), Aalten until 05-14 and
    // Doetinchem from 05-15; the waiting time starts at Aalten's decision 01-02; not herhaald beroep.
    assertEquals(1, ts.size(), ts.toString());
    Trajectory x = ts.get(0);
    assertEquals("2023-01-09", x.getStartdatum());
    assertEquals("2023-10-31", x.getEinddatum());
    assertEquals("01", x.getRedenBeeindigingCbs());
    assertEquals(AALTEN, x.getGemeenteCode());
    assertEquals(List.of(GemeenteWissel.newBuilder().setVanaf("2023-05-15").setGemeenteCode(DOETINCHEM).build()), x.getGemeenteWissels());
    assertEquals(List.of("A", "B"), x.getToewijzingNummers());
    assertEquals("2023-01-02", x.getToewijzingsdatum());
    assertFalse(x.getHerhaaldBeroep());
    // the first version of A is replaced by the 07 version; B and the current A are linked
    assertEquals(1L, r.counts.get("toewijzingen.unlinked.VERVANGEN"));
    assertEquals(2L, r.counts.get("toewijzingen.linked"));
    assertReconciles(r, 0, 3, 4, 0);
  }

  @Test
  void withoutAMoveSignalOrAfterAGapOfMoreThanAMonthCareInAnotherGemeenteIsANewTrajectory() {
    // A (Aalten) ends 05-14 volgens plan (31, no 07): B in Doetinchem from 05-15 is a new trajectory.
    // C (Aalten) ends 2024-02-29 for a move (35) but D in Doetinchem starts 2024-04-01: 32 days after, > 31.
    List<Toewijzing> t = List.of(
        toew(AALTEN, "A", "45", "2023-01-02", "2023-01-02", "2023-12-31", null),
        toew(DOETINCHEM, "B", "45", "2023-05-10", "2023-05-15", "2023-12-31", null),
        toew(AALTEN, "C", "45", "2024-01-02", "2024-01-02", "2024-12-31", null),
        toew(DOETINCHEM, "D", "45", "2024-03-25", "2024-04-01", "2024-12-31", null));
    List<ZorgMutatie> m = List.of(
        start(AALTEN, "A", "2023-01-09", "1"), stop(AALTEN, "A", "2023-01-09", "2023-05-14", "31", "1"),
        start(DOETINCHEM, "B", "2023-05-15", "1"), stop(DOETINCHEM, "B", "2023-05-15", "2023-10-31", "31", "1"),
        start(AALTEN, "C", "2024-01-05", "1"), stop(AALTEN, "C", "2024-01-05", "2024-02-29", "35", "1"),
        start(DOETINCHEM, "D", "2024-04-01", "1"));
    List<Trajectory> ts = linker.link(P, List.of(), t, m, List.of()).history.getTrajecten();
    assertEquals(4, ts.size(), ts.toString());
    for (Trajectory x : ts) assertTrue(x.getGemeenteWissels().isEmpty(), x.toString());
    assertEquals(List.of(AALTEN, DOETINCHEM, AALTEN, DOETINCHEM), ts.stream().map(Trajectory::getGemeenteCode).toList());
  }

  @Test
  void theLatestVersionOfAToewijzingReplacesTheEarlierOnesAndTheFirstDecisionStartsTheWait() {
    // A: first decided 2023-03-01 (Ingangsdatum 03-15, Einddatum 06-30), extended on 06-20 (04 verlenging) to
    // 12-31. The extension comes first in the input: the version order is by Toewijzingsdatum, not by file.
    // Care starts 03-22 and has no JW307, so the current version's Einddatum 12-31 ends it (not 06-30).
    // The waiting time starts at the first decision 03-01: not at the change (06-20), not at Ingangsdatum (03-15).
    Toewijzing a2 = toew(AALTEN, "A", "45", "2023-06-20", "2023-03-15", "2023-12-31", "04");
    Toewijzing a1 = toew(AALTEN, "A", "45", "2023-03-01", "2023-03-15", "2023-06-30", null);
    // B: original and a same-day 05 verkorting (to 08-31); the changed version wins although it comes first.
    Toewijzing b2 = toew(AALTEN, "B", "43", "2023-05-01", "2023-05-01", "2023-08-31", "05");
    Toewijzing b1 = toew(AALTEN, "B", "43", "2023-05-01", "2023-05-01", "2023-12-31", null);
    List<ZorgMutatie> m = List.of(start(AALTEN, "A", "2023-03-22", "1"), start(AALTEN, "B", "2023-05-10", "1"));
    PersonLinker.Result r = linker.link(P, List.of(), List.of(a2, a1, b2, b1), m, List.of());
    List<Trajectory> ts = r.history.getTrajecten();
    Trajectory a = PersonLinkerTest.find(ts, "02", "2023-03-22");
    assertEquals("2023-12-31", a.getEinddatum());
    assertNull(a.getRedenBeeindigingCbs());
    assertEquals("2023-03-01", a.getToewijzingsdatum());
    Trajectory b = PersonLinkerTest.find(ts, "14", "2023-05-10");
    assertEquals("2023-08-31", b.getEinddatum());
    assertEquals(2L, r.counts.get("toewijzingen.unlinked.VERVANGEN"));
    assertEquals(2L, r.counts.get("toewijzingen.linked"));
    assertReconciles(r, 0, 4, 2, 0);
  }

  @Test
  void aToewijzingWithdrawnAsVerwijderdCountsAsNeverSent() {
    // C decided 02-01, then re-sent on 02-03 with JZ002 13 (Einddatum = Ingangsdatum): to be considered never
    // sent. Its start and its declaration have no toewijzing: no trajectory; the money still counts (unlinked).
    List<Toewijzing> t = List.of(
        toew(AALTEN, "C", "45", "2023-02-01", "2023-02-01", "2023-12-31", null),
        toew(AALTEN, "C", "45", "2023-02-03", "2023-02-01", "2023-02-01", "13"));
    PersonLinker.Result r = linker.link(P, List.of(), t, List.of(start(AALTEN, "C", "2023-02-05", "1")),
        List.of(decl(AALTEN, "RN1", "C", "45", "2023-02-01", 12_000)));
    assertTrue(r.history.getTrajecten().isEmpty(), r.history.getTrajecten().toString());
    assertEquals(1L, r.counts.get("toewijzingen.unlinked.VERVANGEN"));
    assertEquals(1L, r.counts.get("toewijzingen.unlinked.VERWIJDERD"));
    assertEquals(1L, r.counts.get("mutaties.unlinked.TOEWIJZING_VERWIJDERD"));
    assertEquals(1L, r.counts.get("declaraties.unlinked.TOEWIJZING_VERWIJDERD"));
    CostLine k = r.history.getKosten().get(0);
    assertEquals(12_000, k.getNettoCenten());
    assertFalse(k.getGekoppeld());
    assertReconciles(r, 0, 2, 1, 1);
  }

  @Test
  void aWithdrawnStartOrStopCancelsTheMessageItRepeats() {
    // A: the aanbieder reported a start on 01-05 by mistake, withdrew it (status 3, same content) and reported
    // 01-20. It also sent a stop 01-20..04-30 (35) by mistake and withdrew it; no other stop arrived, so the
    // care runs to the toewijzing's Einddatum 12-31 without a reason. Start 01-20 (not 01-05), end 12-31 (not 04-30).
    // B: a start 02-01, its withdrawal, and the same start sent again: the second copy counts (one withdrawal
    // cancels one message). E: a withdrawal that repeats nothing we received.
    List<Toewijzing> t = List.of(
        toew(AALTEN, "A", "45", "2023-01-01", "2023-01-01", "2023-12-31", null),
        toew(AALTEN, "B", "43", "2023-01-15", "2023-01-15", "2023-12-31", null));
    List<ZorgMutatie> m = List.of(
        start(AALTEN, "A", "2023-01-05", "1"), start(AALTEN, "A", "2023-01-05", "3"), start(AALTEN, "A", "2023-01-20", "1"),
        stop(AALTEN, "A", "2023-01-20", "2023-04-30", "35", "1"), stop(AALTEN, "A", "2023-01-20", "2023-04-30", "35", "3"),
        start(AALTEN, "B", "2023-02-01", "1"), start(AALTEN, "B", "2023-02-01", "3"), start(AALTEN, "B", "2023-02-01", "1"),
        start(AALTEN, "E", "2023-03-01", "3"));
    PersonLinker.Result r = linker.link(P, List.of(), t, m, List.of());
    List<Trajectory> ts = r.history.getTrajecten();
    assertEquals(2, ts.size(), ts.toString());
    Trajectory a = PersonLinkerTest.find(ts, "02", "2023-01-20");
    assertEquals("2023-12-31", a.getEinddatum());
    assertNull(a.getRedenBeeindigingCbs());
    PersonLinkerTest.find(ts, "14", "2023-02-01");
    // withdrawals that cancelled a message: 3; cancelled: 3; used: A's 01-20 start and B's second copy; E: no original
    assertEquals(3L, r.counts.get("mutaties.unlinked.INGETROKKEN"));
    assertEquals(3L, r.counts.get("mutaties.unlinked.GEANNULEERD"));
    assertEquals(2L, r.counts.get("mutaties.linked"));
    assertEquals(1L, r.counts.get("mutaties.unlinked.INGETROKKEN_ZONDER_ORIGINEEL"));
    assertReconciles(r, 0, 2, 9, 0);
  }

  @Test
  void costsCountUnderTheDeclaredProductcategorie() {
    // toewijzing A is 41 dagbehandeling (hulpvorm 03); the aanbieder declares one month as 41 and one as 45
    // ambulant (hulpvorm 02). What was delivered and paid is the declaration's: 100.00 under 41/03 and
    // 250.00 under 45/02, both linked to A. A line without a category we know keeps the toewijzing's.
    List<Toewijzing> t = List.of(toew(AALTEN, "A", "41", "2023-01-01", "2023-01-01", "2023-12-31", null));
    List<Declaratie> d = List.of(
        decl(AALTEN, "RN1", "A", "41", "2023-01-01", 10_000),
        decl(AALTEN, "RN2", "A", "45", "2023-02-01", 25_000),
        decl(AALTEN, "RN3", "A", null, "2023-03-01", 7_000));
    PersonLinker.Result r = linker.link(P, List.of(), t, List.of(start(AALTEN, "A", "2023-01-03", "1")), d);
    List<CostLine> k = r.history.getKosten();
    assertEquals(3, k.size());
    assertEquals(List.of("41|03|10000", "45|02|25000", "41|03|7000"), k.stream()
        .map(c -> c.getProductCategorie() + "|" + c.getHulpvorm() + "|" + c.getNettoCenten()).toList());
    assertTrue(k.stream().allMatch(CostLine::getGekoppeld));
    assertEquals(3L, r.counts.get("declaraties.linked"));
    assertEquals(1L, r.counts.get("notes.ANDERE_PRODUCTCATEGORIE"));
    assertReconciles(r, 0, 1, 1, 3);
  }
}
