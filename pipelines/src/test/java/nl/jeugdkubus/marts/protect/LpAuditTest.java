package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The LP audit's choice of complement on the leak it was built for (docs/disclosure.md "The LP audit, measured"):
 * one small gemeente, one half-year, top-level rows only. trajecten_gestart 14 = nieuw 13 + herhaald 1. herhaald is a
 * primary (suppressed); 14 and 13 are both published as 15, so each is known to be in 13..17, and herhaald = gestart
 * - nieuw is at most 17 - 13 = 4 and at least 1: narrowed into 1..7. Both other members are top-level rows, so no
 * complement inside the breakdowns exists; the audit must then take a top-level row (the total, the nearest), after
 * which herhaald is unbounded above.
 */
class LpAuditTest {
  static final IndicatorCatalogue CAT = IndicatorCatalogue.load(null);

  static String[] key(String measure) {
    return new String[] {measure, "2024H1", "GM0197", "totaal", "totaal", "totaal", "totaal", "totaal"};
  }

  @Test
  void aTopLevelComplementOnlyWhenNothingElseOpensTheCell() {
    CellModel m = new CellModel(new Facts(CAT), Map.of());
    int gestart = m.cell(key("trajecten_gestart:totaal"), 14);
    int nieuw = m.cell(key("trajecten_gestart:nieuw"), 13);
    int herhaald = m.cell(key("trajecten_gestart:herhaald"), 1);
    m.build();
    Audit rounding = new Audit(m, 5, 7);
    boolean[] suppressed = new boolean[m.size()];
    suppressed[herhaald] = true;
    Propagation pr = new Propagation(m, rounding, suppressed);
    assertEquals(14, pr.lo[gestart]); // at least nieuw's 13 plus herhaald's 1
    assertEquals(17, pr.hi[gestart]);
    assertEquals(13, pr.lo[nieuw]);
    assertEquals(1, pr.lo[herhaald]);
    assertEquals(4, pr.hi[herhaald]);
    LpAudit lp = new LpAudit(m, rounding, 7, new boolean[m.size()]);
    assertEquals(List.of(herhaald), lp.exposed(pr, suppressed, null));
    assertEquals(-1, lp.complement(herhaald, suppressed, false), "no complement inside the breakdowns exists");
    int q = lp.complement(herhaald, suppressed, true);
    assertEquals(gestart, q);
    suppressed[q] = true;
    assertTrue(lp.exposed(new Propagation(m, rounding, suppressed), suppressed, null).isEmpty());
  }
}
