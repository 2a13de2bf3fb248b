package nl.jeugdkubus.intermediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BsnTest {
  @Test
  void elevenTestOnWorkedExamples() {
    // 123456782: 9+16+21+24+25+24+21+16-2 = 154 = 14*11
    assertTrue(Bsn.elevenTest("123456782"));
    // 123456781: 155, not divisible by 11
    assertFalse(Bsn.elevenTest("123456781"));
    // 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6*11
    assertTrue(Bsn.elevenTest("111222333"));
  }

  @Test
  void eightDigitsGetALeadingZero() {
    // 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10*11
    assertEquals("012345672", Bsn.normalise("12345672"));
    assertEquals(Bsn.Kind.VALID, Bsn.classify("12345672"));
    assertEquals("123456782", Bsn.normalise(" 1234.56.782 "));
    assertNull(Bsn.normalise("1234567"));
    assertNull(Bsn.normalise("12345678A"));
  }

  @Test
  void placeholdersAreRecognisedExplicitly() {
    assertEquals(Bsn.Kind.UNKNOWN, Bsn.classify("999999999"));
    assertEquals(Bsn.Kind.UNBORN, Bsn.classify("000000000"));
    // 000000000 passes the eleven-test (sum 0) but is not a person
    assertTrue(Bsn.elevenTest("000000000"));
    assertEquals(Bsn.Kind.INVALID, Bsn.classify("123456781"));
    assertEquals(Bsn.Kind.INVALID, Bsn.classify(null));
  }
}
