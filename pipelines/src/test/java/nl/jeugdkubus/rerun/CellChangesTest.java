package nl.jeugdkubus.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff of two published versions of some cells, and the change report drawn from it (hand-made cells). */
class CellChangesTest {
  static Map<String, String> dims(String leeftijd) {
    Map<String, String> d = new LinkedHashMap<>();
    for (String n : nl.jeugdkubus.marts.TableCatalogue.DIMENSIONS) d.put(n, "totaal");
    d.put("leeftijdsklasse", leeftijd);
    return d;
  }

  static PublishedCell cell(String indicator, String gm, String leeftijd, Double teller, Double noemer, Double waarde,
      boolean onderdrukt, String status) {
    return new PublishedCell("benchmark", indicator, "2023H2", gm, "Naam " + gm, dims(leeftijd), teller, noemer, waarde,
        "procent", onderdrukt, status);
  }

  // before and after of six cells: A unchanged, B corrected and definitive, C definitive only, D gone, E new, F suppressed now
  static final List<PublishedCell> BEFORE = List.of(
      cell("a_pct", "GM0197", "totaal", 40.0, 400.0, 10.0, false, "n.v.t."),
      cell("b_pct_cbs", "GM0197", "totaal", null, null, 10.0, false, "voorlopig"),
      cell("c_pct_cbs", "GM0197", "totaal", null, null, 8.5, false, "voorlopig"),
      cell("d_pct", "GM0197", "0-3", 10.0, 100.0, 10.0, false, "n.v.t."),
      cell("f_pct", "GM0200", "totaal", 20.0, 100.0, 20.0, false, "n.v.t."));
  static final List<PublishedCell> AFTER = List.of(
      cell("a_pct", "GM0197", "totaal", 40.0, 400.0, 10.0, false, "n.v.t."),
      cell("b_pct_cbs", "GM0197", "totaal", null, null, 12.3, false, "definitief"),
      cell("c_pct_cbs", "GM0197", "totaal", null, null, 8.5, false, "definitief"),
      cell("e_pct", "GM0197", "4-11", 15.0, 100.0, 15.0, false, "n.v.t."),
      cell("f_pct", "GM0200", "totaal", null, null, null, true, "n.v.t."));

  @Test
  void everyChangedAddedAndRemovedCellIsListedInKeyOrder() {
    List<CellChanges.Change> c = CellChanges.between(BEFORE, AFTER);
    assertEquals(List.of("b_pct_cbs CHANGED", "c_pct_cbs CHANGED", "d_pct REMOVED", "e_pct ADDED", "f_pct CHANGED"),
        c.stream().map(x -> x.cell().indicator() + " " + x.kind()).toList());
    assertEquals(10.0, c.get(0).before().waarde());
    assertEquals(12.3, c.get(0).after().waarde());
    assertEquals("voorlopig → definitief", c.get(0).statusChange());
    assertEquals("voorlopig → definitief", c.get(1).statusChange());
    assertNull(c.get(4).statusChange());
    assertTrue(c.get(4).after().onderdrukt());
    assertNull(c.get(2).after());
    assertNull(c.get(3).before());
  }

  @Test
  void theSameCellsMakeNoChange() {
    assertEquals(List.of(), CellChanges.between(BEFORE, BEFORE));
  }

  @Test
  void twoCellsWithOneKeyAreAnError() {
    assertThrows(IllegalArgumentException.class, () -> CellChanges.between(List.of(BEFORE.get(0), BEFORE.get(0)), AFTER));
  }

  @Test
  void theChangeReportCountsTheChangesAndSummarisesThemInDutch() {
    ChangeReport r = new ChangeReport("rerun1", "first", List.of("2023H2"), List.of("2023", "2023H2"), Map.of("2023H1", "kept"),
        CellChanges.between(BEFORE, AFTER));
    assertEquals(Map.of("changed", 3L, "added", 1L, "removed", 1L), r.counts());
    assertEquals(Map.of("voorlopig → definitief", 2L), r.statusChanges());
    String md = r.markdown();
    assertTrue(md.contains("Vorige versie: run `first`. Herberekend: 2023H2. Vervangen perioden: 2023, 2023H2."), md);
    assertTrue(md.contains("- 2023H1: meeberekend, cijfers ongewijzigd"), md);
    assertTrue(md.contains("3 cellen gewijzigd, 1 toegevoegd, 1 vervallen. CBS-status gewijzigd: voorlopig → definitief (2 cellen)."), md);
    assertTrue(md.contains("| gewijzigd | benchmark | b_pct_cbs | GM0197 | 2023H2 | totaal | 10.0 | 12.3 | voorlopig → definitief |"), md);
    assertTrue(md.contains("| vervallen | benchmark | d_pct | GM0197 | 2023H2 | leeftijdsklasse=0-3 | 10.0 | – | n.v.t. |"), md);
    assertTrue(md.contains("| gewijzigd | benchmark | f_pct | GM0200 | 2023H2 | totaal | 20.0 | onderdrukt | n.v.t. |"), md);
    Map<String, Object> json = r.json();
    assertEquals("first", json.get("previous_run_id"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("changes");
    assertEquals(5, rows.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> oud = (Map<String, Object>) rows.get(0).get("oud");
    assertEquals(Map.of("teller", "null", "noemer", "null", "waarde", "10.0", "onderdrukt", "false", "cbs_status", "voorlopig"),
        stringValues(oud));
  }

  static Map<String, String> stringValues(Map<String, Object> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
