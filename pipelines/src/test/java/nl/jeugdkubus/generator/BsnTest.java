package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BsnTest {

  @Test
  void elevenTestOnWorkedExamples() {
    // 123456782: 9+16+21+24+25+24+21+16-2 = 154 = 14*11 -> valid
    assertTrue(Bsn.elevenTest("123456782"));
    // 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6*11 -> valid
    assertTrue(Bsn.elevenTest("111222333"));
    // 123456789: 154-2+... = 9+16+21+24+25+24+21+16-9 = 147, 147 mod 11 = 4 -> invalid
    assertFalse(Bsn.elevenTest("123456789"));
    // 999999999: 9*44-9 = 387, 387 mod 11 = 2 -> invalid; 000000000 passes the arithmetic
    assertFalse(Bsn.elevenTest("999999999"));
    assertTrue(Bsn.elevenTest("000000000"));
    assertFalse(Bsn.elevenTest("12345678")); // 8 digits
    assertFalse(Bsn.elevenTest("12345678a"));
  }

  @Test
  void spaceGivesUniqueValidNonTestBsns() {
    Bsn.Space space = new Bsn.Space(42);
    Set<String> seen = new HashSet<>();
    int leadingZero = 0;
    int n = 200_000;
    for (long k = 0; k < n; k++) {
      String b = space.bsn(k);
      assertEquals(9, b.length());
      assertTrue(Fixtures.elf(b), b);
      assertFalse(b.startsWith("9999"), "test range: " + b);
      assertFalse(Bsn.isPlaceholder(b));
      assertTrue(seen.add(b), "duplicate " + b);
      if (b.charAt(0) == '0') leadingZero++;
    }
    // prefixes are spread uniformly over 0000001..9998999: about 10% start with a 0
    assertTrue(leadingZero > n * 0.08 && leadingZero < n * 0.12, "leading zeros: " + leadingZero);
    // the top end of the index space is valid too
    assertTrue(Fixtures.elf(space.bsn(space.size() - 1)));
  }

  @Test
  void seedChangesTheMapping() {
    assertNotEquals(new Bsn.Space(1).bsn(0), new Bsn.Space(2).bsn(0));
    assertEquals(new Bsn.Space(7).bsn(12345), new Bsn.Space(7).bsn(12345));
  }
}
