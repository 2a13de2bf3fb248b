package nl.jeugdkubus.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  /**
   * A consistent run, worked out by hand: 10 registration rows read, 1 malformed (staging dead);
   * 9 pseudonymised, 1 invalid BSN; 8 linked: 7 linked, 1 unlinked; 20 iJw records (5 toewijzingen,
   * 5 mutaties, 10 declaraties), 1 duplicate declaration; dead letters 1 + 1 + 1 = 3;
   * 100 derived cells = 90 in some published table + 10 internal only; the 90 make 150 table rows (a cell
   * can be in several tables) = 110 published + 40 suppressed.
   */
  static Map<String, Long> consistent() {
    Map<String, Long> m = new TreeMap<>();
    m.put("staging.registraties.records", 9L);
    m.put("staging.registraties.dead", 1L);
    m.put("staging.ijw.records", 20L);
    m.put("pseudonymisation.registraties.in", 9L);
    m.put("pseudonymisation.registraties.out", 8L);
    m.put("pseudonymisation.registraties.dead", 1L);
    m.put("linkage.registraties.in", 8L);
    m.put("linkage.registraties.linked", 7L);
    m.put("linkage.registraties.unlinked.TOEWIJZING_NIET_ONTVANGEN", 1L);
    for (String t : List.of("toewijzingen", "mutaties")) {
      m.put("pseudonymisation." + t + ".in", 5L);
      m.put("pseudonymisation." + t + ".out", 5L);
      m.put("linkage." + t + ".in", 5L);
      m.put("linkage." + t + ".linked", 5L);
    }
    m.put("pseudonymisation.declaraties.in", 10L);
    m.put("pseudonymisation.declaraties.out", 10L);
    m.put("linkage.declaraties.in", 10L);
    m.put("linkage.declaraties.linked", 9L);
    m.put("linkage.declaraties.dead.DUPLICATE_PRESTATIE", 1L);
    m.put("deadletters.staging.MALFORMED_ROW", 1L);
    m.put("deadletters.pseudonymisation.INVALID_BSN", 1L);
    m.put("deadletters.linkage.DUPLICATE_PRESTATIE", 1L);
    m.put("marts.cells.derived", 100L);
    m.put("marts.tables.cube_rows", 90L);
    m.put("marts.tables.internal_only", 10L);
    m.put("marts.tables.rows", 150L);
    m.put("marts.tables.published", 110L);
    m.put("marts.tables.suppressed", 40L);
    return m;
  }

  static List<String> failing(Map<String, Long> m) {
    return new RunSummary(m).checks().stream().filter(c -> !c.ok()).map(RunSummary.Check::name).toList();
  }

  @Test
  void aConsistentRunReconciles() {
    assertEquals(List.of(), failing(consistent()));
    assertTrue(new RunSummary(consistent()).reconciles());
    assertTrue(new RunSummary(consistent()).render().contains("Tables: 150 rows written (40 suppressed"));
  }

  /** The console's closing table, worked out by hand from the counters. */
  @Test
  void theClosingTableNamesReadRejectedAcceptedPerSourceAndCellsPerTable() {
    java.util.Map<String, Long> m = new java.util.TreeMap<>(consistent());
    m.put("staging.registraties.records", 98L);
    m.put("staging.registraties.dead", 2L);
    m.put("rejects.registraties.staging.INVALID_DATE", 2L);
    m.put("rejects.registraties.pseudonymisation.INVALID_BSN", 3L);
    m.put("marts.table.verwijzers.published", 12L);
    m.put("marts.table.verwijzers.suppressed", 30L);
    m.put("marts.table.preventie.published", 7L);
    String t = new RunSummary(m).closingTable();
    // 98 + 2 read, 2 + 3 rejected, 95 accepted
    assertTrue(t.contains(String.format("%-28s %10d %10d %10d", "registraties", 100, 5, 95)), t);
    assertTrue(t.contains(String.format("%-28s %10d %10d", "verwijzers", 12, 30)), t);
    assertTrue(t.contains(String.format("%-28s %10d %10d", "preventie", 7, 0)), t);
    assertTrue(t.indexOf("preventie") < t.indexOf("verwijzers"), "tables sorted by name");
    assertTrue(t.lines().count() < 25, "one screen");
  }

  @Test
  void eachKindOfLossIsNamed() {
    Map<String, Long> m = consistent();
    m.put("marts.tables.cube_rows", 100L); // a step counted twice
    m.put("marts.tables.rows", 160L); // rows multiplied
    assertEquals(List.of("derived cells reach the tables or stay internal", "table rows published or suppressed"), failing(m));

    m = consistent();
    m.put("deadletters.linkage.DUPLICATE_PRESTATIE", 0L); // a dead letter not written
    assertEquals(List.of("dead letters written"), failing(m));

    m = consistent();
    m.put("linkage.registraties.linked", 6L); // a record vanished in linkage
    assertEquals(List.of("linkage registraties"), failing(m));

    m = consistent();
    m.put("marts.internal.rows", 99L);
    assertEquals(List.of("derived cells reach the internal cube"), failing(m));
    assertFalse(new RunSummary(m).reconciles());
  }

  @Test
  void mappedGemeentenAndMissingCbsValuesAreNotedNotFailed() {
    Map<String, Long> m = consistent();
    m.put("staging.registraties.gemeente.mapped", 3L);
    m.put("staging.cbs.values.missing", 7L);
    RunSummary s = new RunSummary(m);
    assertTrue(s.reconciles(), "notes are no reconciliation checks");
    assertEquals(List.of(
        "registraties: 3 record(s) carried the code of a merged-away gemeente and were mapped to the gemeente it merged into (conf/herindelingen.csv)",
        "cbs: 7 value(s) were '.' or null (CBS: secret or not available) and are kept as missing (missingReason SECRET_OR_UNKNOWN)"),
        s.notes());
    assertTrue(s.render().contains("registraties: 3 record(s) carried"), s.render());
    assertEquals(List.of(), new RunSummary(consistent()).notes());
  }
}
