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
    assertEquals(-1, lp.complement(herhaald, suppressed, x -> !m.topLevel(x)), "no complement inside the breakdowns exists");
    int q = lp.complement(herhaald, suppressed, m::topLevel);
    assertEquals(nieuw, q, "a part before the total of measures (CellModel#price)");
    suppressed[q] = true;
    assertTrue(lp.exposed(new Propagation(m, rounding, suppressed), suppressed, null).isEmpty());
  }

  static String[] key(String measure, String age, String sex) {
    return new String[] {measure, "2024H1", "GM0197", age, sex, "totaal", "totaal", "totaal"};
  }

  /**
   * The same top-level leak behind breakdowns by age, sex and hulpvorm with more published inner cells than the
   * candidates tried ({@link LpAudit#CANDIDATES}, 40, cheapest first): none of them opens herhaald, so the second
   * search must look at the top-level cells only. When it tried every cell again, inner ones first, it never reached
   * them and returned -1 (the leak stayed; seen on the sample with another price order).
   */
  @Test
  void theTopLevelSearchIsNotCrowdedOutByInnerCells() {
    CellModel m = new CellModel(new Facts(CAT), Map.of());
    List<String> ages = List.of("0-3", "4-11", "12-17", "18-22", "onbekend");
    long[] nieuwBy = {11, 21, 31, 41, 51}; // per age class; M gets 10 more than V
    int gestart = -1, nieuw = -1, nieuw02 = -1, nieuwAM = -1, nieuwA = -1;
    long totalNieuw = 0;
    for (int a = 0; a < ages.size(); a++) {
      String age = ages.get(a);
      long v = nieuwBy[a], mm = nieuwBy[a] + 10;
      long h = "12-17".equals(age) ? 1 : 0; // the one herhaald start: 12-17, M
      int cm = m.cell(key("trajecten_gestart:nieuw", age, "M"), mm);
      if (h == 1) nieuwAM = cm;
      m.cell(key("trajecten_gestart:nieuw", age, "V"), v);
      int ct = m.cell(key("trajecten_gestart:nieuw", age, "totaal"), mm + v);
      if (h == 1) nieuwA = ct;
      m.cell(key("trajecten_gestart:totaal", age, "M"), mm + h);
      m.cell(key("trajecten_gestart:totaal", age, "V"), v);
      m.cell(key("trajecten_gestart:totaal", age, "totaal"), mm + v + h);
      totalNieuw += mm + v;
    }
    List<String> hulpvormen = List.of("02", "03", "04", "11", "12", "13", "14", "01");
    long rest = totalNieuw;
    for (int i = 0; i < hulpvormen.size(); i++) {
      long n = i == hulpvormen.size() - 1 ? rest : 20 + 3 * i;
      rest -= n;
      String[] kn = key("trajecten_gestart:nieuw");
      kn[CellModel.HV] = hulpvormen.get(i);
      String[] kg = key("trajecten_gestart:totaal");
      kg[CellModel.HV] = hulpvormen.get(i);
      int cn = m.cell(kn, n);
      if (i == 0) nieuw02 = cn;
      m.cell(kg, n + (i == 0 ? 1 : 0));
    }
    String[] kh = key("trajecten_gestart:herhaald");
    kh[CellModel.HV] = "02";
    int hH = m.cell(kh, 1);
    int nieuwM = m.cell(key("trajecten_gestart:nieuw", "totaal", "M"), totalNieuw / 2 + 25);
    m.cell(key("trajecten_gestart:nieuw", "totaal", "V"), totalNieuw / 2 - 25);
    m.cell(key("trajecten_gestart:totaal", "totaal", "M"), totalNieuw / 2 + 26);
    m.cell(key("trajecten_gestart:totaal", "totaal", "V"), totalNieuw / 2 - 25);
    int hM = m.cell(key("trajecten_gestart:herhaald", "12-17", "M"), 1);
    int hA = m.cell(key("trajecten_gestart:herhaald", "12-17", "totaal"), 1);
    int hS = m.cell(key("trajecten_gestart:herhaald", "totaal", "M"), 1);
    int herhaald = m.cell(key("trajecten_gestart:herhaald"), 1);
    nieuw = m.cell(key("trajecten_gestart:nieuw"), totalNieuw);
    gestart = m.cell(key("trajecten_gestart:totaal"), totalNieuw + 1);
    m.build();
    Audit rounding = new Audit(m, 5, 7);
    boolean[] suppressed = new boolean[m.size()];
    // herhaald and its breakdowns are suppressed, with earlier complements inside the breakdowns (nieuw 12-17 M,
    // 12-17, M and 02) that open them: what still pins herhaald is its top-level sum
    for (int c : new int[] {hM, hA, hS, hH, herhaald, nieuwAM, nieuwA, nieuwM, nieuw02}) suppressed[c] = true;
    Propagation pr = new Propagation(m, rounding, suppressed);
    LpAudit lp = new LpAudit(m, rounding, 7, new boolean[m.size()]);
    assertTrue(lp.exposed(pr, suppressed, null).contains(herhaald), "the top-level herhaald is exposed");
    int inner = 0;
    for (int c : lp.neighbourhood(herhaald)) if (!suppressed[c] && !m.topLevel(c)) inner++;
    assertTrue(inner > LpAudit.CANDIDATES, "more inner candidates than are tried: " + inner);
    assertEquals(-1, lp.complement(herhaald, suppressed, x -> !m.topLevel(x)), "no inner cell opens it");
    int q = lp.complement(herhaald, suppressed, m::topLevel);
    assertTrue(q == gestart || q == nieuw, "a top-level member of herhaald's sum: " + q);
    suppressed[q] = true;
    assertTrue(!lp.exposed(new Propagation(m, rounding, suppressed), suppressed, null).contains(herhaald));
  }
}
