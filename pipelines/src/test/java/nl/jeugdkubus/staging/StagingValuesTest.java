package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StagingValuesTest {

  @Test
  void euroCommaToCentsIsExact() {
    assertEquals(125000L, StagingValues.euroCommaToCents("1250,00"));
    assertEquals(1250L, StagingValues.euroCommaToCents("12,5")); // 12.50 euro
    assertEquals(5L, StagingValues.euroCommaToCents("0,05"));
    assertEquals(700L, StagingValues.euroCommaToCents("7"));
    // 0,1 + 0,2 in doubles is 0.30000000000000004; in cents it must be exactly 10 + 20 = 30
    assertEquals(30L, StagingValues.euroCommaToCents("0,1") + StagingValues.euroCommaToCents("0,2"));
    // 12345678901,99 euro = 1234567890199 cents, beyond exact float cents
    assertEquals(1234567890199L, StagingValues.euroCommaToCents("12345678901,99"));
  }

  @Test
  void euroCommaRejectsOtherForms() {
    assertNull(StagingValues.euroCommaToCents("1.250,00")); // thousands separator
    assertNull(StagingValues.euroCommaToCents("1250.00")); // decimal point
    assertNull(StagingValues.euroCommaToCents("12,345")); // three decimals
    assertNull(StagingValues.euroCommaToCents("-50,00")); // sign
    assertNull(StagingValues.euroCommaToCents("abc"));
    assertNull(StagingValues.euroCommaToCents(","));
  }

  @Test
  void bsnNormalisation() {
    assertEquals("999900006", StagingValues.normaliseBsn("999900006"));
    assertEquals("999900006", StagingValues.normaliseBsn(" 9999 000 06 "));
    assertEquals("012345611", StagingValues.normaliseBsn("12345611")); // leading zero restored
    assertNull(StagingValues.normaliseBsn("1234567")); // 7 digits
    assertNull(StagingValues.normaliseBsn("9999000061")); // 10 digits
    assertNull(StagingValues.normaliseBsn("99990000A"));
    // issue 8: one rule with docs/pseudonymisation.md: spaces, dots and dashes are removed first
    assertEquals("815252821", StagingValues.normaliseBsn("8152.52.821"));
    assertEquals("815252821", StagingValues.normaliseBsn("815-252-821"));
    assertEquals("815252821", StagingValues.normaliseBsn(" 8152 52.821 "));
    assertNull(StagingValues.normaliseBsn("8152/52/821")); // other separators are not removed
    assertNull(StagingValues.normaliseBsn("8152.52.8211")); // 10 digits after removal

    // no eleven-test at staging: 123456789 fails it ((9*1+8*2+...+2*8-9) = 147, mod 11 = 4) but passes through
    assertEquals("123456789", StagingValues.normaliseBsn("123456789"));
  }

  @Test
  void gemeenteCodes() {
    assertEquals("GM0363", StagingValues.gmCode("gm0363"));
    assertNull(StagingValues.gmCode("0363"));
    assertNull(StagingValues.gmCode("GM363"));
    assertEquals("GM0384", StagingValues.gmFromIjw("0384"));
    assertNull(StagingValues.gmFromIjw("384"));
    assertNull(StagingValues.gmFromIjw("GM0384"));
  }

  @Test
  void ijwDatesAreStrictIso() {
    assertEquals("2026-04-01", StagingValues.ijwDate("2026-04-01"));
    assertThrows(IllegalArgumentException.class, () -> StagingValues.ijwDate("2027-06-31"));
    assertThrows(IllegalArgumentException.class, () -> StagingValues.ijwDate("01-04-2026")); // xs:date is ISO only
  }

  @Test
  void cod046() {
    assertEquals("O", StagingValues.geslachtCod046("0"));
    assertEquals("M", StagingValues.geslachtCod046("1"));
    assertEquals("V", StagingValues.geslachtCod046("2"));
    assertNull(StagingValues.geslachtCod046("3"));
  }

  @Test
  void safeMasksLongDigitRuns() {
    String s = StagingValues.safe("999900006");
    assertFalse(s.contains("999900006"));
    assertEquals("'*******06'", s);
    assertEquals("'GM12'", StagingValues.safe("GM12"));
  }
}
