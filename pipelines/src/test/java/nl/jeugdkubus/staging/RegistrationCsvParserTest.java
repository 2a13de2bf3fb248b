package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.RegistrationRow;
import org.junit.jupiter.api.Test;

class RegistrationCsvParserTest {
  private static final String HEADER = "registratie_id;bsn;geboortedatum;geslacht;postcode;gemeentecode;wijk;soort;"
      + "type_ondersteuning;signaleerder;verwijzer_cod327;aanmelddatum;startdatum;einddatum;toewijzingnummer";

  private static ParseResult<RegistrationRow> parse(String csv) {
    ParseResult<RegistrationRow> r = new ParseResult<>();
    new RegistrationCsvParser().parse("reg.csv", TestText.utf8(csv), r);
    return r;
  }

  @Test
  void readsGoodRowsWithBomCrlfQuotesAndReorderedColumns() {
    // columns in another order than the contract, plus an unknown column "opmerking" that is ignored
    String csv = "\uFEFFsoort;registratie_id;opmerking;bsn;geboortedatum;geslacht;gemeentecode;wijk;startdatum;einddatum;"
        + "aanmelddatum;verwijzer_cod327;toewijzingnummer\r\n"
        + "lokaal_team;R1;\"vrij; tekst\";999900031;2012-03-04;M;GM0363;\"De \"\"Hoek\"\"\";2024-01-10;2024-05-31;2024-01-05;;\r\n"
        + "toegang;R2;;12345611;14-02-2010;v;gm0384;;01-02-2024;;;04;300201\r\n";
    ParseResult<RegistrationRow> r = parse(csv);
    assertEquals(0, r.deadLetters().size(), () -> r.deadLetters().toString());
    assertEquals(2, r.records().size());

    RegistrationRow a = r.records().get(0);
    assertEquals("reg.csv", a.getSourceFile());
    assertEquals("line 2", a.getPosition());
    assertEquals("R1", a.getRegistratieId());
    assertEquals("999900031", a.getBsn());
    assertEquals("2012-03-04", a.getGeboortedatum());
    assertEquals("M", a.getGeslacht());
    assertEquals("GM0363", a.getGemeenteCode());
    assertEquals("De \"Hoek\"", a.getWijk());
    assertEquals("lokaal_team", a.getSoort());
    assertEquals("2024-01-05", a.getAanmelddatum());
    assertEquals("2024-01-10", a.getStartdatum());
    assertEquals("2024-05-31", a.getEinddatum());
    assertNull(a.getPostcode()); // column absent: optional
    assertNull(a.getVerwijzerCode()); // empty field

    RegistrationRow b = r.records().get(1);
    assertEquals("line 3", b.getPosition());
    assertEquals("012345611", b.getBsn()); // 8 digits: leading zero restored
    assertEquals("2010-02-14", b.getGeboortedatum()); // dd-MM-yyyy to ISO
    assertEquals("V", b.getGeslacht()); // lower case accepted
    assertEquals("GM0384", b.getGemeenteCode());
    assertEquals("toegang", b.getSoort());
    assertEquals("2024-02-01", b.getStartdatum());
    assertNull(b.getEinddatum());
    assertEquals("04", b.getVerwijzerCode());
    assertEquals("300201", b.getToewijzingNummer());
  }

  @Test
  void badRowsBecomeDeadLettersWithLineAndReason() {
    String csv = HEADER + "\n"
        + "R1;999900006;2011-01-01;M;;GM0363;;lokaal_team;;;;;2024-01-01;;\n" // line 2: good
        + "R2;999900018;2011-02-30;M;;GM0363;;lokaal_team;;;;;2024-01-01;;\n" // line 3: impossible birth date
        + "R3;1234567;2011-01-01;M;;GM0363;;lokaal_team;;;;;2024-01-01;;\n" // line 4: 7-digit bsn
        + "R4;999900043;2011-01-01;X;;GM0363;;lokaal_team;;;;;2024-01-01;;\n" // line 5: geslacht X
        + "R5;999900055;2011-01-01;M;;GM0363;;lokaal_team;;;;;;;\n" // line 6: lokaal_team without startdatum
        + "R6;999900067;2011-01-01;M;;GM0363\n" // line 7: 6 fields, header has 15
        + "R7;999900079;2011-01-01;M;;0363;;lokaal_team;;;;;2024-01-01;;\n" // line 8: gemeente without GM
        + "R8;999900080;2011-01-01;M;;GM0363;;lokaal_team;;;;;2024-06-31;;\n" // line 9: impossible startdatum
        + "R9;999900092;2011-01-01;M;;GM0363;;thuiszorg;;;;;2024-01-01;;\n" // line 10: unknown soort
        + ";999900109;2011-01-01;M;;GM0363;;lokaal_team;;;;;2024-01-01;;\n" // line 11: no registratie_id
        + "R11;999900110;2011-01-01;M;;GM0363;;toegang;;;;;;;\n"; // line 12: toegang may lack startdatum: good
    ParseResult<RegistrationRow> r = parse(csv);
    // 11 data rows = 2 records + 9 dead letters: nothing dropped
    assertEquals(List.of("R1", "R11"), r.records().stream().map(RegistrationRow::getRegistratieId).toList());
    List<DeadLetter> d = r.deadLetters();
    assertEquals(9, d.size());
    assertEquals(List.of("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10", "line 11"),
        d.stream().map(DeadLetter::getPosition).toList());
    assertEquals(List.of("INVALID_DATE", "INVALID_BSN", "INVALID_CODE", "MISSING_FIELD", "MALFORMED_ROW",
            "INVALID_CODE", "INVALID_DATE", "INVALID_CODE", "MISSING_FIELD"),
        d.stream().map(DeadLetter::getReason).toList());
    for (DeadLetter x : d) {
      assertEquals("registraties", x.getSource());
      assertEquals("reg.csv", x.getSourceFile());
      assertEquals("staging", x.getStage());
      assertEquals("REGISTRATIE", x.getRecordType());
    }
    // the birth date itself is not repeated; the bsn only masked
    assertFalse(TestText.all(d.get(0)).contains("2011-02-30"));
    assertTrue(d.get(0).getDetail().contains("geboortedatum"));
    assertEquals("*******18", d.get(0).getMaskedId());
    assertFalse(TestText.all(d.get(1)).contains("1234567"));
    assertEquals("*****67", d.get(1).getMaskedId());
    // a non-personal date is named with its value
    assertTrue(d.get(6).getDetail().contains("startdatum '2024-06-31'"), d.get(6).getDetail());
  }

  @Test
  void allProblemsOfARowAreListedUnderTheFirstReason() {
    String csv = HEADER + "\nR1;999900006;2011-01-01;Q;;GM99;;lokaal_team;;;;;2024-13-01;;\n";
    ParseResult<RegistrationRow> r = parse(csv);
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("INVALID_CODE", d.getReason()); // geslacht is checked before gemeentecode and dates
    assertTrue(d.getDetail().contains("geslacht"));
    assertTrue(d.getDetail().contains("gemeentecode"));
    assertTrue(d.getDetail().contains("startdatum"));
  }

  @Test
  void missingRequiredColumnGivesOneDeadLetterForTheFile() {
    String csv = "registratie_id;geboortedatum;geslacht;gemeentecode;soort;startdatum\n"
        + "R1;2011-01-01;M;GM0363;lokaal_team;2024-01-01\n"
        + "R2;2011-01-01;M;GM0363;lokaal_team;2024-01-01\n";
    ParseResult<RegistrationRow> r = parse(csv);
    assertEquals(0, r.records().size());
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("MISSING_COLUMN", d.getReason());
    assertEquals("line 1", d.getPosition());
    assertTrue(d.getDetail().contains("bsn"), d.getDetail());
    assertTrue(d.getDetail().contains("2 data row(s) not read"), d.getDetail());
  }

  @Test
  void emptyFileIsReported() {
    ParseResult<RegistrationRow> r = parse("");
    assertEquals(1, r.deadLetters().size());
    assertEquals("EMPTY_FILE", r.deadLetters().get(0).getReason());
  }

  @Test
  void headerOnlyGivesNothing() {
    ParseResult<RegistrationRow> r = parse(HEADER + "\r\n");
    assertEquals(0, r.records().size());
    assertEquals(0, r.deadLetters().size());
  }

  @Test
  void aVerwijzerOutsideCod327IsAnUnknownCode() {
    // COD327 has 01-06 and 08; 07 does not exist. An empty verwijzer is fine (local-team rows have none).
    String csv = HEADER + "\n"
        + "R1;999900031;2012-03-04;M;;GM0363;;toegang;;;02;;2024-01-10;;300201\n"
        + "R2;999900031;2012-03-04;M;;GM0363;;toegang;;;07;;2024-01-10;;300202\n"
        + "R3;999900031;2012-03-04;M;;GM0363;;lokaal_team;;huisarts;;;2024-01-10;;\n";
    ParseResult<RegistrationRow> r = parse(csv);
    assertEquals(List.of("R1", "R3"), r.records().stream().map(RegistrationRow::getRegistratieId).toList());
    assertEquals("02", r.records().get(0).getVerwijzerCode());
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("line 3", d.getPosition());
    assertEquals(Reasons.UNKNOWN_CODE, d.getReason());
    assertTrue(d.getDetail().contains("07"), d.getDetail());
  }
}
