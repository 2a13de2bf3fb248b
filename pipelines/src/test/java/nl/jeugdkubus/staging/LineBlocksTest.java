package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LineBlocksTest {
  @Test
  void fiveLinesInBlocksOfTwoGiveTwoFullBlocksAndTheRest() {
    LineBlocks b = new LineBlocks(2);
    assertNull(b.add("a"));
    assertEquals("a\nb", b.add("b"));
    assertNull(b.add("c"));
    assertEquals("c\nd", b.add("d"));
    assertNull(b.add("e"));
    assertEquals("e", b.rest());
    assertNull(b.rest(), "nothing left after the rest");
  }

  @Test
  void noLinesNoBlockAndACapBelowOneIsRefused() {
    assertNull(new LineBlocks(1000).rest());
    LineBlocks one = new LineBlocks(1);
    assertEquals("a", one.add("a"));
    assertNull(one.rest());
    assertThrows(IllegalArgumentException.class, () -> new LineBlocks(0));
  }
}
