package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The suppressor's interval propagation, worked by hand. One gemeente, one half-year, rounding to 5 and 1..7
 * suppressed: a published 20 means 18..22, a published 15 means 13..17; a suppressed cell is at least 1. Hulpvormen
 * A and B of one total.
 */
class PropagationTest {
  static final IndicatorCatalogue CAT = IndicatorCatalogue.load(null);

  static String[] key(String measure, String hulpvorm) {
    return new String[] {measure, "2024H1", "GM0197", "totaal", "totaal", hulpvorm, "totaal", "totaal"};
  }

  /** A model of total = A + B (trajectories: a sum) or total covered by A and B (young people: a cover). */
  record Line(CellModel m, int total, int a, int b) {
    static Line of(String measure, long total, long a, long b) {
      CellModel m = new CellModel(new Facts(CAT), Map.of());
      int t = m.cell(key(measure, "totaal"), total);
      int ia = m.cell(key(measure, "A"), a);
      int ib = m.cell(key(measure, "B"), b);
      m.build();
      return new Line(m, t, ia, ib);
    }

    Propagation withBSuppressed(boolean[] suppressed) {
      suppressed[b] = true;
      return new Propagation(m, new Audit(m, 5, 7), suppressed);
    }
  }

  static long[] bounds(Propagation p, int c) {
    return new long[] {p.lo[c], p.hi[c]};
  }

  @Test
  void aSumBoundsTheSuppressedPartByTheOthers() {
    // trajecten_gestart 20 = A 17 + B 3: published 20 and 15, so B >= 18 - 17 = 1 and B <= 22 - 13 = 9
    Line l = Line.of("trajecten_gestart:totaal", 20, 17, 3);
    boolean[] suppressed = new boolean[l.m().size()];
    Propagation p = l.withBSuppressed(suppressed);
    assertArrayEquals(new long[] {1, 9}, bounds(p, l.b()));
    assertArrayEquals(new long[] {18, 22}, bounds(p, l.total()));
    assertArrayEquals(new long[] {13, 17}, bounds(p, l.a()));
    assertTrue(p.exposed(suppressed, 7).isEmpty(), "1..9 reaches beyond 7");
  }

  @Test
  void aSumNarrowsAPrimaryIntoOneToSeven() {
    // 21 = A 18 + B 3: both published as 20 (18..22), so B <= 22 - 18 = 4: the primary is known to be 1..4
    Line l = Line.of("trajecten_gestart:totaal", 21, 18, 3);
    boolean[] suppressed = new boolean[l.m().size()];
    Propagation p = l.withBSuppressed(suppressed);
    assertArrayEquals(new long[] {1, 4}, bounds(p, l.b()));
    assertEquals(List.of(l.b()), p.exposed(suppressed, 7));
  }

  @Test
  void youngPeopleAreACoverNotASum() {
    // the same numbers for young people: a child may have both hulpvormen, so the total does not subtract
    // (B <= total <= 22 and B >= 18 - 22 -> 1)
    Line l = Line.of("jongeren:jeugdhulp", 21, 18, 3);
    boolean[] suppressed = new boolean[l.m().size()];
    Propagation p = l.withBSuppressed(suppressed);
    assertArrayEquals(new long[] {1, 22}, bounds(p, l.b()));
    assertTrue(p.exposed(suppressed, 7).isEmpty());
  }

  @Test
  void aBoundProvenElsewhereIsCarriedOn() {
    // 20 = A 17 + B 3 as in the first case; a linear program proves B = 3. Then A >= 18 - 3 = 15 (and <= 17),
    // the total <= 17 + 3 = 20 (and >= 18), and B is pinned
    Line l = Line.of("trajecten_gestart:totaal", 20, 17, 3);
    boolean[] suppressed = new boolean[l.m().size()];
    Propagation p = l.withBSuppressed(suppressed);
    assertTrue(p.tighten(l.b(), 3, 3));
    p.propagate();
    assertArrayEquals(new long[] {15, 17}, bounds(p, l.a()));
    assertArrayEquals(new long[] {18, 20}, bounds(p, l.total()));
    assertEquals(List.of(l.b()), p.exposed(suppressed, 7));
    assertTrue(!p.tighten(l.b(), 2, 9), "a looser bound moves nothing");
  }
}
