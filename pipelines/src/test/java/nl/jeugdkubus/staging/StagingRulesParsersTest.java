package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.RegistrationRow;
import org.junit.jupiter.api.Test;

/** The gemeente and date plausibility rules as the CSV readers apply them (issue 8). */
class StagingRulesParsersTest {
  /** A run of 2024H1..2024H2 on 2025-02-01: events until 2026-02-02, births from 1996-01-02. */
  static final StagingRules RULES = new StagingRules(GemeenteCodes.packaged(), DatePlausibility.forRun(
      List.of(Period.parse("2024H1"), Period.parse("2024H2")), LocalDate.of(2025, 2, 1), 366));
  private static final String HEADER = "registratie_id;bsn;geboortedatum;geslacht;gemeentecode;soort;startdatum;einddatum\n";

  private static ParseResult<RegistrationRow> registrations(String rows) {
    ParseResult<RegistrationRow> r = new ParseResult<>();
    CsvLineCount lines = new RegistrationCsvParser(ProductCategories.verwijzers(null), RULES).parse("reg.csv", TestText.utf8(HEADER + rows), r);
    assertTrue(lines.reconciles(), lines.toString());
    return r;
  }

  @Test
  void unknownGemeenteIsADeadLetterAndAMergedOneIsMapped() {
    ParseResult<RegistrationRow> r = registrations(
        "R1;999900006;2012-02-03;V;GM9999;lokaal_team;2024-01-08;\n"
            + "R2;999900018;2013-05-06;V;GM0585;lokaal_team;2024-01-08;\n"
            + "R3;999900031;2013-05-06;M;GM0197;toegang;2024-01-08;\n");
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals(Reasons.UNKNOWN_GEMEENTE, d.getReason());
    assertEquals("line 2", d.getPosition());
    assertTrue(d.getDetail().contains("gemeentecode GM9999"), d.getDetail());
    assertEquals(List.of("GM1963", "GM0197"), r.records().stream().map(RegistrationRow::getGemeenteCode).toList());
    assertEquals(Map.of(GemeenteCodes.MAPPED_NOTE, 1L), r.notes());
  }

  @Test
  void implausibleDatesAreDeadLettersThatNeverShowABirthDate() {
    ParseResult<RegistrationRow> r = registrations(
        "R1;999900006;2012-02-03;V;GM0197;lokaal_team;2099-01-08;\n" // start in 2099, open end
            + "R2;999900018;1960-05-06;V;GM0197;lokaal_team;2024-01-08;\n" // 63 years old
            + "R3;999900031;2013-05-06;M;GM0197;lokaal_team;1989-12-31;\n"
            + "R4;999900043;2013-05-06;M;GM0197;lokaal_team;2024-01-08;2042-05-05\n"); // planned end: fine
    assertEquals(List.of("R4"), r.records().stream().map(RegistrationRow::getRegistratieId).toList());
    assertEquals(3, r.deadLetters().size());
    assertTrue(r.deadLetters().stream().allMatch(d -> d.getReason().equals(Reasons.IMPLAUSIBLE_DATE)));
    assertTrue(r.deadLetters().get(0).getDetail().startsWith("startdatum '2099-01-08' is implausible: after 2026-02-02"),
        r.deadLetters().get(0).getDetail());
    String birth = r.deadLetters().get(1).getDetail();
    assertTrue(birth.startsWith("geboortedatum (birth date) is implausible: before 1996-01-02"), birth);
    assertFalse(TestText.all(r.deadLetters().get(1)).contains("1960"), "no birth date in the dead letter");
    assertTrue(r.deadLetters().get(2).getDetail().startsWith("startdatum '1989-12-31' is implausible: before 1990-01-01"));
  }

  @Test
  void declarationsAndFinanceApplyTheSameRules() {
    String decl = "gemeentecode;aanbieder;declaratienummer;referentienummer;bsn;periode_begin;periode_eind;bedrag;debet_credit\n"
        + "GM9999;A1;D1;R1;999900006;2024-01-01;2024-01-31;10,00;D\n"
        + "GM0197;A1;D1;R2;999900006;2099-01-01;2099-01-31;10,00;D\n"
        + "GM1927;A1;D1;R3;999900006;2024-01-01;2024-01-31;10,00;D\n";
    ParseResult<DeclaratieRegel> d = new ParseResult<>();
    new DeclarationCsvParser(ProductCategories.load(null), RULES).parse("d.csv", TestText.utf8(decl), d);
    assertEquals(List.of(Reasons.UNKNOWN_GEMEENTE, Reasons.IMPLAUSIBLE_DATE), d.deadLetters().stream().map(DeadLetter::getReason).toList());
    assertTrue(d.deadLetters().get(1).getDetail().contains("periode_begin '2099-01-01'"), d.deadLetters().get(1).getDetail());
    assertTrue(d.deadLetters().get(1).getDetail().contains("periode_eind '2099-01-31'"), "every implausible date is named");
    assertEquals("GM1978", d.records().get(0).getGemeenteCode()); // Molenwaard -> Molenlanden

    String fin = "gemeente;jaar;post;bedrag\nGM9999;2023;6.72;100,00\nGM0689;2018;6.72;100,00\n";
    ParseResult<CbsCell> f = new ParseResult<>();
    new FinanceCsvParser(RULES).parse("f.csv", TestText.utf8(fin), f);
    assertEquals(List.of(Reasons.UNKNOWN_GEMEENTE), f.deadLetters().stream().map(DeadLetter::getReason).toList());
    assertEquals("GM1978", f.records().get(0).getRegioCode());
    assertEquals(Map.of(GemeenteCodes.MAPPED_NOTE, 1L), f.notes());
  }
}
