package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.staging.DatePlausibility.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePlausibilityTest {
  /** Periods 2024H1 and 2024H2, run on 2025-03-01: horizon = 2025-03-01 (later than 2024-12-31). */
  static final DatePlausibility RUN = DatePlausibility.forRun(
      List.of(Period.parse("2024H1"), Period.parse("2024H2")), LocalDate.of(2025, 3, 1), 366);

  @Test
  void boundsWorkedOutByHand() {
    assertEquals(LocalDate.of(1990, 1, 1), RUN.earliest(Kind.EVENT));
    assertEquals(LocalDate.of(1990, 1, 1), RUN.earliest(Kind.END));
    // 2025-03-01 + 366 days = 2026-03-02 (2025 is not a leap year: 365 days to 2026-03-01, one more)
    assertEquals(LocalDate.of(2026, 3, 2), RUN.latest(Kind.EVENT));
    assertEquals(LocalDate.of(2050, 3, 1), RUN.latest(Kind.END));
    // 27 on 2024-01-01 at most: born after 1996-01-01 (a person born 1996-01-01 is 28 that day)
    assertEquals(LocalDate.of(1996, 1, 2), RUN.earliest(Kind.BIRTH));
    assertEquals(LocalDate.of(2025, 3, 1), RUN.latest(Kind.BIRTH));
  }

  @Test
  void theHorizonIsTheEndOfTheLastPeriodWhenThatIsLater() {
    DatePlausibility d = DatePlausibility.forRun(List.of(Period.parse("2030H2")), LocalDate.of(2025, 3, 1), 10);
    assertEquals(LocalDate.of(2031, 1, 10), d.latest(Kind.EVENT)); // 2030-12-31 + 10 days
    assertEquals(LocalDate.of(2030, 12, 31), d.latest(Kind.BIRTH));
    assertEquals(LocalDate.of(2002, 7, 2), d.earliest(Kind.BIRTH)); // 2030-07-01 - 28 years + 1 day
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "startdatum, 2099-01-01, false",
      "startdatum, 2026-03-02, true",
      "startdatum, 2026-03-03, false",
      "startdatum, 1990-01-01, true",
      "startdatum, 1989-12-31, false",
      "aanmelddatum, 1900-01-01, false",
      "einddatum, 2042-06-30, true", // a toewijzing until the 18th birthday of a young child
      "einddatum, 2050-03-01, true",
      "einddatum, 2050-03-02, false",
      "ToewijzingEinddatum, 2099-12-31, false",
      "Einddatum, 2040-01-01, true",
      "ProductPeriode/Einddatum, 2040-01-01, true",
      "periode_eind, 2040-01-01, false", // a declaration period is an event, not a planned end
  })
  void eventAndEndDates(String field, String date, boolean plausible) {
    Issues issues = new Issues();
    String out = RUN.check(field, date, false, issues);
    assertEquals(plausible, issues.isEmpty(), issues.detail());
    if (plausible) {
      assertEquals(date, out);
    } else {
      assertNull(out);
      assertEquals(Reasons.IMPLAUSIBLE_DATE, issues.reason());
      assertTrue(issues.detail().startsWith(field + " '" + date + "' is implausible"), issues.detail());
    }
  }

  @ParameterizedTest(name = "born {0}: {1}")
  @CsvSource({
      "1996-01-01, false", // 28 on the first day of 2024H1
      "1996-01-02, true", // 27
      "2024-12-31, true",
      "2025-03-01, true",
      "2025-03-02, false", // after the run
      "1950-05-05, false",
  })
  void birthDatesNeverNamed(String date, boolean plausible) {
    Issues issues = new Issues();
    RUN.check("geboortedatum", date, true, issues);
    assertEquals(plausible, issues.isEmpty(), issues.detail());
    if (!plausible) {
      assertEquals(Reasons.IMPLAUSIBLE_DATE, issues.reason());
      assertTrue(issues.detail().startsWith("geboortedatum (birth date) is implausible"), issues.detail());
      assertFalse(issues.detail().contains(date), "the birth date itself never appears: " + issues.detail());
    }
  }

  @Test
  void nullIsNotChecked() {
    Issues issues = new Issues();
    assertNull(RUN.check("einddatum", null, false, issues));
    assertTrue(issues.isEmpty());
  }

  @Test
  void kindFromTheFieldName() {
    assertEquals(Kind.BIRTH, Kind.of("Geboortedatum", true));
    assertEquals(Kind.END, Kind.of("einddatum", false));
    assertEquals(Kind.END, Kind.of("ToewijzingEinddatum", false));
    assertEquals(Kind.EVENT, Kind.of("ToewijzingIngangsdatum", false));
    assertEquals(Kind.EVENT, Kind.of("periode_eind", false));
  }
}
