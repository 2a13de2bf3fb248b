package nl.jeugdkubus.intermediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.staging.IjwMessageParser;
import org.junit.jupiter.api.Test;

/**
 * Duplicates, conflicts and credits of declaration lines in linkage (docs/linkage.md "Declarations"),
 * hand-worked: the amounts in the comments are the expected figures.
 */
class DeclarationLinesTest {
  static final String P = "p1";
  final PersonLinker linker = new PersonLinker(LinkConfig.load(null));
  int pos = 0;

  Declaratie decl(String fmt, String dn, String rn, String nr, String begin, String eind, long cents, String dc) {
    return Declaratie.newBuilder().setPseudonym(P).setSourceFile(fmt.equals("CSV") ? "d.csv" : "jw323.xml")
        .setPosition(fmt.equals("CSV") ? "line " + (++pos) : "Prestatie[" + (++pos) + "]")
        .setSourceFormat(fmt).setGemeenteCode("GM0197").setAanbiederCode("12345678").setDeclaratieNummer(dn)
        .setReferentieNummer(rn).setToewijzingNummer(nr).setProductCategorie("45").setPeriodeBegin(begin)
        .setPeriodeEind(eind).setBedragCenten(cents).setDebetCredit(dc).build();
  }

  Declaratie jan(String fmt, String dn, String rn, long cents, String dc) {
    return decl(fmt, dn, rn, "A", "2023-01-01", "2023-01-31", cents, dc);
  }

  Toewijzing toew(String nr) {
    return Toewijzing.newBuilder().setPseudonym(P).setSourceFile("jw301.xml").setPosition("p" + (pos++))
        .setGeboortejaar(2010).setGeslacht("M").setGemeenteCode("GM0197").setAanbiederCode("12345678")
        .setToewijzingNummer(nr).setProductCategorie("45").setToewijzingsdatum("2023-01-01").setIngangsdatum("2023-01-01").build();
  }

  PersonLinker.Result link(Declaratie... d) {
    return linker.link(P, List.of(), List.of(toew("A")), List.of(), List.of(d));
  }

  static long net(PersonLinker.Result r) {
    return r.history.getKosten().stream().mapToLong(CostLine::getNettoCenten).sum();
  }

  static List<String> reasons(PersonLinker.Result r) {
    return r.deadLetters.stream().map(DeadLetter::getReason).toList();
  }

  @Test
  void theRealExampleKeepsBothRn004MonthsAndReportsTheConflict() throws Exception {
    // client 2 of voorbeeldberichten/JW323.xml: RN003 5000 (April), RN004 24000 (April), RN004 21000 (March)
    List<Declaratie> lines = new ArrayList<>();
    IjwMessageParser.Result parsed = new IjwMessageParser.Result();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("ijw-voorbeeldberichten/JW323.xml")) {
      assertNotNull(in);
      new IjwMessageParser().parse("JW323.xml", in, parsed);
    }
    for (DeclaratieRegel d : parsed.declaraties) {
      if (!d.getBsn().equals("999900018")) continue;
      lines.add(Declaratie.newBuilder().setPseudonym(P).setSourceFile(d.getSourceFile()).setPosition(d.getPosition())
          .setSourceFormat(d.getSourceFormat()).setGemeenteCode(d.getGemeenteCode()).setAanbiederCode(d.getAanbiederCode())
          .setDeclaratieNummer(d.getDeclaratieNummer()).setReferentieNummer(d.getReferentieNummer())
          .setToewijzingNummer(d.getToewijzingNummer()).setProductCategorie(d.getProductCategorie()).setProductCode(d.getProductCode())
          .setPeriodeBegin(d.getPeriodeBegin()).setPeriodeEind(d.getPeriodeEind()).setBedragCenten(d.getBedragCenten())
          .setDebetCredit(d.getDebetCredit()).build());
    }
    assertEquals(3, lines.size());
    PersonLinker.Result r = linker.link(P, List.of(), List.of(), List.of(), lines);
    // 5000 + 24000 + 21000 = 50000: the March line is not lost
    assertEquals(50000L, net(r));
    assertEquals(List.of("2026-03-01", "2026-04-01", "2026-04-01"),
        r.history.getKosten().stream().map(CostLine::getPeriodeBegin).toList());
    assertEquals(List.of("CONFLICTING_PRESTATIE"), reasons(r));
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]", d.getPosition());
    assertEquals("prestatie DN001/RN004 (D) was declared before with other content (2026-04-01..2026-04-30, 240,00);"
        + " this line (2026-03-01..2026-03-31, 210,00) counts as well: both are in the costs", d.getDetail());
    assertEquals("linkage", d.getStage());
    assertEquals(1L, r.counts.get("reported.declaraties.CONFLICTING_PRESTATIE"));
    // all three lines counted (no toewijzing given: unlinked), none rejected
    assertEquals(3L, r.counts.get("declaraties.unlinked.GEEN_TOEWIJZING"));
    PersonLinkerTest.assertReconciles(r, 0, 0, 0, 3);
  }

  @Test
  void anIdenticalRedeliveryCountsOnceInEitherSource() {
    // RN1 24000 three times (twice JW323, once CSV) and RN2 21000 in CSV only: 24000 + 21000 = 45000
    PersonLinker.Result r = link(
        jan("JW323", "DN1", "RN1", 24000, "D"), jan("JW323", "DN1", "RN1", 24000, "D"), jan("CSV", "DN1", "RN1", 24000, "D"),
        jan("CSV", "DN1", "RN2", 21000, "D"));
    assertEquals(45000L, net(r));
    assertEquals(List.of("DUPLICATE_PRESTATIE", "DUPLICATE_ACROSS_SOURCES"), reasons(r));
    assertEquals(2L, r.counts.get("declaraties.linked"));
    PersonLinkerTest.assertReconciles(r, 0, 1, 0, 4);
  }

  @Test
  void theSameReferenceWithOtherContentInTheOtherSourceDoesNotCountTwice() {
    // JW323 says RN1 = 50000, the CSV says RN1 = 45000 for the same month: the JW323 copy counts, 50000
    // (and the CSV's identical copy of RN4 is a plain duplicate): 50000 + 10000 = 60000
    PersonLinker.Result r = link(jan("JW323", "DN1", "RN1", 50000, "D"), jan("CSV", "DN1", "RN1", 45000, "D"),
        jan("JW323", "DN1", "RN4", 10000, "D"), jan("CSV", "DN1", "RN4", 10000, "D"));
    assertEquals(60000L, net(r));
    assertEquals(List.of("CONFLICT_ACROSS_SOURCES", "DUPLICATE_ACROSS_SOURCES"), reasons(r));
    assertTrue(r.deadLetters.get(0).getDetail().contains("arrived in the JW323 source with other content (2023-01-01..2023-01-31, 500,00);"
        + " that copy counts, this line (2023-01-01..2023-01-31, 450,00) does not"), r.deadLetters.get(0).getDetail());
    assertEquals("declaraties_csv", r.deadLetters.get(0).getSource());
    PersonLinkerTest.assertReconciles(r, 0, 1, 0, 4);
  }

  @Test
  void aCorrectionCancelsItsDebitTheIjwWay() {
    // DN1/RN1 50000 D, then correction declaration DN2: RN2 50000 C (the credit of RN1) and RN3 45000 D
    // net = 50000 - 50000 + 45000 = 45000; nothing reported
    PersonLinker.Result r = link(jan("JW323", "DN1", "RN1", 50000, "D"), jan("JW323", "DN2", "RN2", 50000, "C"),
        jan("JW323", "DN2", "RN3", 45000, "D"));
    assertEquals(45000L, net(r));
    assertEquals(List.of(), reasons(r));
    PersonLinkerTest.assertReconciles(r, 0, 1, 0, 3);
  }

  @Test
  void aCreditWithoutItsDebitDoesNotLowerTheCosts() {
    // JW323: a credit 20000 for January, no January debit (only February 30000): the credit does not count
    PersonLinker.Result r = link(jan("JW323", "DN2", "RN2", 20000, "C"),
        decl("JW323", "DN1", "RN1", "A", "2023-02-01", "2023-02-28", 30000, "D"));
    assertEquals(30000L, net(r));
    assertEquals(List.of("CREDIT_WITHOUT_DEBIT"), reasons(r));
    assertEquals("credit 200,00 (prestatie DN2/RN2, toewijzing A, 2023-01-01..2023-01-31) has no debit of this person"
        + " left to cancel (debits 0,00, credited before 0,00); not counted", r.deadLetters.get(0).getDetail());
    assertEquals(1L, r.counts.get("declaraties.dead.CREDIT_WITHOUT_DEBIT"));
    PersonLinkerTest.assertReconciles(r, 0, 1, 0, 2);
  }

  @Test
  void creditsInTheFlatCsvCannotTakeMoreThanWasDebited() {
    // CSV: debit 50000, credits 30000 and 30000 for the same delivery: the first cancels 30000 (20000 left),
    // the second would take 30000 of the 20000 left: CREDIT_WITHOUT_DEBIT. Net 50000 - 30000 = 20000
    PersonLinker.Result r = link(jan("CSV", "DN1", "RN1", 50000, "D"), jan("CSV", "DN2", "RN2", 30000, "C"),
        jan("CSV", "DN3", "RN3", 30000, "C"));
    assertEquals(20000L, net(r));
    assertEquals(List.of("CREDIT_WITHOUT_DEBIT"), reasons(r));
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("declaraties_csv", d.getSource());
    assertEquals("DECLARATIE_CSV", d.getRecordType());
    assertTrue(d.getDetail().contains("prestatie DN3/RN3") && d.getDetail().contains("(debits 500,00, credited before 300,00)"),
        d.getDetail());
    PersonLinkerTest.assertReconciles(r, 0, 1, 0, 3);
  }

  @Test
  void aCreditOfAnotherAanbiederOrGemeenteCancelsNothing() {
    // debit 50000 by aanbieder 12345678; the credit 50000 comes from aanbieder 87654321: not counted, net 50000
    Declaratie other = Declaratie.newBuilder(jan("CSV", "DN2", "RN2", 50000, "C")).setAanbiederCode("87654321").build();
    PersonLinker.Result r = link(jan("CSV", "DN1", "RN1", 50000, "D"), other);
    assertEquals(50000L, net(r));
    assertEquals(List.of("CREDIT_WITHOUT_DEBIT"), reasons(r));
  }
}
