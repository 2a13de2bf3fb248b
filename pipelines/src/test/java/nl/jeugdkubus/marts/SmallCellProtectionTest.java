package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.DerivedCubeScenario.find;
import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.ACHTERHOEK;
import static nl.jeugdkubus.marts.Fixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PersonHistory;
import org.junit.jupiter.api.Test;

class SmallCellProtectionTest {

  // ---------------------------------------------------------------------------------------------
  // helpers

  static List<CubeRow> internalCube(List<PersonHistory> persons, MartsConfig cfg, List<nl.jeugdkubus.model.CbsCell> cbs,
      String... periods) {
    Map<CellKey, Acc> cells = Fixtures.combined(persons, periods);
    return new CubeDeriver(cfg, GemeenteInfo.load(null), Fixtures.tables(cbs), CubeDeriver.scopeOf(cells.keySet()))
        .deriveAll(cells);
  }

  /** Protection as ProtectSmallCells runs it: one partition per (year, regio). */
  static List<CubeRow> protect(List<CubeRow> rows, int roundTo, int upTo, boolean secondary) {
    Map<String, List<CubeRow>> parts = new TreeMap<>();
    for (CubeRow r : rows) parts.computeIfAbsent(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), k -> new ArrayList<>()).add(r);
    List<CubeRow> out = new ArrayList<>();
    for (List<CubeRow> p : parts.values()) out.addAll(new SmallCellProtection(roundTo, upTo, secondary).protect(p));
    return out;
  }

  private static final List<String> DIMS =
      List.of("leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie", "gemeente_code", "periode");

  private static String get(CubeRow r, String dim) {
    return switch (dim) {
      case "indicator" -> r.getIndicator();
      case "leeftijdsklasse" -> r.getLeeftijdsklasse();
      case "geslacht" -> r.getGeslacht();
      case "hulpvorm" -> r.getHulpvorm();
      case "verwijzer" -> r.getVerwijzer();
      case "productcategorie" -> r.getProductcategorie();
      case "gemeente_code" -> r.getGemeenteCode();
      case "periode" -> r.getPeriode();
      default -> throw new IllegalArgumentException(dim);
    };
  }

  private static String keyWithout(CubeRow r, String dim, boolean withIndicator) {
    StringBuilder sb = new StringBuilder(withIndicator ? r.getIndicator() : "");
    for (String d : DIMS) sb.append('|').append(d.equals(dim) ? "*" : get(r, d));
    return sb.toString();
  }

  private static String fullKey(CubeRow r) {
    return keyWithout(r, "", true);
  }

  /**
   * The attack: in every table (indicator), along every dimension, take a published total and subtract
   * the published parts.
   *
   * <p>Tables whose rows stand for one count each (counts, percentages and rates of the population,
   * means and amounts of one group of units): where the total is the sum of its parts (true for
   * trajectories; for young people only where nobody is in two parts, else the difference is not a
   * part), the attack succeeds when exactly one part is suppressed (it is the difference) or when the
   * total is suppressed and all parts are published (it is their sum). Also along the published
   * relations between indicators (started = new + repeat, ...).
   *
   * <p>Tables whose rows combine two counts (shares, cost per client): a row can be suppressed because
   * of its noemer while its teller is an ordinary published count. There the attack computes, field by
   * field, total minus published parts, and succeeds when that equals the true value of the one
   * suppressed part and that value is a small count (1..7): a disclosed small cell.
   *
   * <p>Returns what was recovered, with the true value from the unprotected cube.
   */
  static List<String> attack(List<CubeRow> published, Map<String, CubeRow> truth) {
    List<String> recovered = new ArrayList<>();
    for (String dim : DIMS) {
      Map<String, Map<String, CubeRow>> groups = new HashMap<>();
      for (CubeRow r : published) groups.computeIfAbsent(keyWithout(r, dim, true), k -> new TreeMap<>()).put(get(r, dim), r);
      for (Map<String, CubeRow> g : groups.values()) {
        for (Map.Entry<String, CubeRow> e : g.entrySet()) {
          List<CubeRow> parts = partsOf(dim, e.getKey(), e.getValue(), g);
          if (parts == null || parts.isEmpty()) continue;
          if (Indicators.get(e.getValue().getIndicator()).refs().size() == 1) {
            check(e.getValue(), parts, truth, recovered, dim);
          } else {
            checkValues(e.getValue(), parts, truth, recovered, dim);
          }
        }
      }
    }
    // relations between indicators at the same dimensions
    Map<String, CubeRow> byKey = new HashMap<>();
    for (CubeRow r : published) byKey.put(fullKey(r), r);
    String[][] relations = {
        {"trajecten_gestart", "trajecten_gestart_nieuw", "trajecten_gestart_herhaald"},
        {"trajecten_gestart", "trajecten_gestart_crisis", "trajecten_gestart_zonder_crisis"},
        {"trajecten_beeindigd", "trajecten_beeindigd_volgens_plan", "trajecten_beeindigd_voortijdig", "trajecten_beeindigd_reden_onbekend"},
    };
    for (CubeRow r : published) {
      for (String[] rel : relations) {
        if (!r.getIndicator().equals(rel[0])) continue;
        List<CubeRow> parts = new ArrayList<>();
        for (int i = 1; i < rel.length; i++) {
          CubeRow p = byKey.get(rel[i] + fullKey(r).substring(rel[0].length()));
          if (p != null) parts.add(p);
        }
        check(r, parts, truth, recovered, "kenmerk");
      }
    }
    return recovered;
  }

  private static void checkValues(CubeRow total, List<CubeRow> parts, Map<String, CubeRow> truth, List<String> recovered, String dim) {
    List<CubeRow> hidden = new ArrayList<>();
    for (CubeRow p : parts) if (p.getOnderdrukt()) hidden.add(p);
    if (total.getOnderdrukt() || hidden.size() != 1) return;
    CubeRow h = truth.get(fullKey(hidden.get(0)));
    for (int f = 0; f < 2; f++) {
      Double t = f == 0 ? total.getTeller() : total.getNoemer();
      Double truthValue = f == 0 ? h.getTeller() : h.getNoemer();
      if (t == null || truthValue == null) continue;
      double rest = t;
      for (CubeRow p : parts) {
        if (p.getOnderdrukt()) continue;
        Double v = f == 0 ? p.getTeller() : p.getNoemer();
        rest -= v == null ? 0 : v;
      }
      if (Math.abs(rest - truthValue) < 1e-9 && truthValue >= 1 && truthValue <= 7) {
        recovered.add((f == 0 ? "teller" : "noemer") + " of " + fullKey(h) + " along " + dim + " = " + truthValue);
      }
    }
  }

  /** The parts of a total along a dimension, or null when the value is not a total. */
  private static List<CubeRow> partsOf(String dim, String value, CubeRow total, Map<String, CubeRow> group) {
    List<CubeRow> parts = new ArrayList<>();
    switch (dim) {
      case "gemeente_code" -> {
        if (!value.startsWith("REG_")) return null;
        for (CubeRow r : group.values()) {
          if (!r.getGemeenteCode().startsWith("REG_") && GemeenteInfo.regionCode(r.getRegio()).equals(value)) parts.add(r);
        }
      }
      case "periode" -> {
        if (value.contains("H")) return null;
        for (CubeRow r : group.values()) if (r.getPeriode().startsWith(value + "H")) parts.add(r);
      }
      default -> {
        if (!value.equals(Dims.TOTAAL)) return null;
        for (CubeRow r : group.values()) if (!get(r, dim).equals(Dims.TOTAAL)) parts.add(r);
      }
    }
    return parts;
  }

  private static void check(CubeRow total, List<CubeRow> parts, Map<String, CubeRow> truth, List<String> recovered, String dim) {
    // does the total add up in truth? Counts and amounts: the teller; means: their number of units (noemer)
    Double t = amount(truth.get(fullKey(total)));
    double sum = 0;
    for (CubeRow p : parts) {
      Double v = amount(truth.get(fullKey(p)));
      sum += v == null ? 0 : v;
    }
    // net amounts always add up (the rows hold them rounded to whole euros, so do not test it there)
    boolean amounts = total.getIndicator().equals("kosten_netto");
    // rows with only a derived value (index, difference, CBS figure) hold no sum to subtract from
    if (t == null) return;
    if (!amounts && t != null && Math.abs(t - sum) > 1e-6) return;
    List<CubeRow> hidden = new ArrayList<>();
    for (CubeRow p : parts) if (p.getOnderdrukt()) hidden.add(p);
    if (!total.getOnderdrukt() && hidden.size() == 1) {
      CubeRow h = hidden.get(0);
      recovered.add("part " + fullKey(h) + " along " + dim + " (true teller " + truth.get(fullKey(h)).getTeller() + ")");
    }
    if (total.getOnderdrukt() && hidden.isEmpty()) {
      recovered.add("total " + fullKey(total) + " along " + dim + " (true teller " + truth.get(fullKey(total)).getTeller() + ")");
    }
  }

  private static Double amount(CubeRow r) {
    return r.getTeller() != null ? r.getTeller() : r.getNoemer();
  }

  static Map<String, CubeRow> index(List<CubeRow> rows) {
    Map<String, CubeRow> m = new HashMap<>();
    for (CubeRow r : rows) m.put(fullKey(r), r);
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // tests

  /**
   * Aalten 2024H1, all boys born 2014 (4-11): 20 with ambulant care (02), 3 with daghulp (03), 10 with
   * network care (04). jongeren_zonder_verblijf by hulpvorm: totaal 33, 02: 20, 03: 3, 04: 10.
   * 03 (3) is suppressed (primary); totaal - 02 - 04 would reveal it, so the smallest other part, 04
   * (10), is suppressed too (secondary). Published: totaal 33 -> 35, 02: 20.
   */
  @Test
  void handWorkedPrimaryAndSecondarySuppression() {
    List<PersonHistory> ps = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      String hv = i < 20 ? "02" : i < 23 ? "03" : "04";
      ps.add(Fixtures.person("k" + i, 2014, "M", Fixtures.ijw(hv, AALTEN, "2024-01-01", null)));
    }
    List<CubeRow> internal = internalCube(ps, DerivedCubeScenario.config(), List.of(), "2024H1");
    List<CubeRow> out = protect(internal, 5, 7, true);
    String code = "jongeren_zonder_verblijf";
    CubeRow tot = find(out, code, "2024H1", AALTEN, T, T, T, T, T);
    assertFalse(tot.getOnderdrukt());
    assertEquals(35.0, tot.getTeller()); // 33 rounded to a multiple of 5
    assertEquals(35.0, tot.getWaarde());
    assertEquals(20.0, find(out, code, "2024H1", AALTEN, T, T, "02", T, T).getWaarde());
    CubeRow h03 = find(out, code, "2024H1", AALTEN, T, T, "03", T, T);
    assertTrue(h03.getOnderdrukt());
    assertNull(h03.getTeller());
    assertNull(h03.getWaarde());
    assertTrue(find(out, code, "2024H1", AALTEN, T, T, "04", T, T).getOnderdrukt()); // secondary
    // the percentage and rate of the same young people share the suppression
    assertTrue(find(out, code + "_pct", "2024H1", AALTEN, "4-11", "M", "03", T, T).getOnderdrukt());
    assertTrue(find(out, code + "_per1000", "2024H1", AALTEN, "4-11", "M", "04", T, T).getOnderdrukt());
    // and the region, which holds the same young people
    assertTrue(find(out, code, "2024H1", ACHTERHOEK, T, T, "03", T, T).getOnderdrukt());
    assertFalse(find(out, code, "2024H1", ACHTERHOEK, T, T, "02", T, T).getOnderdrukt());
    // trajectories of the same cells: 03 and 04 suppressed, 02 published
    assertTrue(find(out, "trajecten_lopend", "2024H1", AALTEN, T, T, "03", T, T).getOnderdrukt());
    assertTrue(find(out, "trajecten_lopend", "2024H1", AALTEN, T, T, "04", T, T).getOnderdrukt());
    assertEquals(20.0, find(out, "trajecten_lopend", "2024H1", AALTEN, T, T, "02", T, T).getWaarde());
    assertEquals(List.of(), attack(out, index(internal)));
  }

  @Test
  void aMeanIsSuppressedWithItsCountAndAShareWithItsNoemer() {
    // 5 trajectories end in Aalten 2024H1: the mean duration must go with the count
    List<PersonHistory> ps = new ArrayList<>();
    for (int i = 0; i < 5; i++) ps.add(Fixtures.person("e" + i, 2010, "V", Fixtures.ijw("02", AALTEN, "2024-01-01", "2024-03-01")));
    List<CubeRow> out = protect(internalCube(ps, DerivedCubeScenario.config(), List.of(), "2024H1"), 5, 7, true);
    assertTrue(find(out, "trajecten_beeindigd", "2024H1", AALTEN, T, T).getOnderdrukt());
    assertTrue(find(out, "trajectduur_gemiddeld", "2024H1", AALTEN, T, T).getOnderdrukt());
    assertTrue(find(out, "trajectduur_mediaan", "2024H1", AALTEN, T, T).getOnderdrukt());
    assertTrue(find(out, "trajecten_beeindigd_terugkeer_12m_pct", "2024H1", AALTEN, T, T) == null);
  }

  @Test
  void thresholdsAreConfigurable() {
    List<PersonHistory> ps = new ArrayList<>();
    for (int i = 0; i < 9; i++) ps.add(Fixtures.person("c" + i, 2010, "V", Fixtures.ijw("02", AALTEN, "2024-01-01", null)));
    List<CubeRow> internal = internalCube(ps, DerivedCubeScenario.config(), List.of(), "2024H1");
    // 9 > 7: published, rounded to 10
    assertEquals(10.0, find(protect(internal, 5, 7, true), "jongeren_jeugdhulp", "2024H1", AALTEN, T, T).getWaarde());
    // suppress up to 10: suppressed
    assertTrue(find(protect(internal, 5, 10, true), "jongeren_jeugdhulp", "2024H1", AALTEN, T, T).getOnderdrukt());
    // round to 1 (no rounding), suppress nothing: exact
    assertEquals(9.0, find(protect(internal, 1, 0, true), "jongeren_jeugdhulp", "2024H1", AALTEN, T, T).getWaarde());
  }

  /**
   * The attack on a random population with many small cells: no suppressed value can be recovered by
   * subtracting published cells from a published total, along any dimension, for any indicator. Without
   * secondary suppression the same attack does recover values (so the attack works).
   */
  @Test
  void noSuppressedCellCanBeRecoveredFromTotals() {
    List<PersonHistory> ps = RandomScenario.persons(20240601L, 1000);
    MartsConfig cfg = new MartsConfig(Fixtures.periods("2023H1", "2023H2", "2023"), "t", null, List.of(), Fixtures.periods("2023H1").get(0));
    List<CubeRow> internal = internalCube(ps, cfg, RandomScenario.population(), "2023H1", "2023H2", "2023");
    Map<String, CubeRow> truth = index(internal);

    List<CubeRow> primaryOnly = protect(internal, 1, 7, false);
    List<String> broken = attack(primaryOnly, truth);
    assertTrue(broken.size() > 50, "the attack must work on primary suppression alone, found " + broken.size());

    for (int roundTo : new int[] {1, 5}) {
      List<CubeRow> out = protect(internal, roundTo, 7, true);
      assertEquals(internal.size(), out.size());
      long suppressed = out.stream().filter(CubeRow::getOnderdrukt).count();
      assertTrue(suppressed > 100, "scenario must have many small cells: " + suppressed);
      assertTrue(out.size() - suppressed > 5_000, "not everything suppressed: " + suppressed + " of " + out.size());
      // the headline figures of every gemeente (about 250 young people each) are published
      for (String g : RandomScenario.GEMEENTEN) {
        assertFalse(find(out, "jongeren_jeugdhulp", "2023H1", g, T, T).getOnderdrukt(), g);
        assertFalse(find(out, "trajecten_lopend", "2023", g, T, T).getOnderdrukt(), g);
      }
      List<String> recovered = attack(out, truth);
      assertEquals(List.of(), recovered.subList(0, Math.min(10, recovered.size())), recovered.size() + " recoveries");
      // published counts are never 1..7, suppressed rows carry no numbers
      for (CubeRow r : out) {
        if (r.getOnderdrukt()) {
          assertNull(r.getTeller());
          assertNull(r.getNoemer());
          assertNull(r.getWaarde());
        } else if (r.getEenheid().equals("aantal")) {
          assertFalse(truth.get(fullKey(r)).getTeller() >= 1 && truth.get(fullKey(r)).getTeller() <= 7, fullKey(r));
          assertEquals(0.0, r.getTeller() % roundTo, fullKey(r));
        }
      }
    }
  }

  @Test
  void indexRowsFollowTheirBasePeriod() {
    Function<Boolean, CubeRow> base = hidden -> CubeRow.newBuilder(row("jongeren_jeugdhulp_pct", "2023H2", 24.4)).setOnderdrukt(hidden).build();
    CubeRow index = row("jongeren_jeugdhulp_pct_index", "2024H1", 118.3);
    var p = nl.jeugdkubus.common.Period.parse("2023H2");
    assertFalse(SmallCellProtection.suppressIndexRows(List.of(base.apply(false), index), p).get(1).getOnderdrukt());
    CubeRow out = SmallCellProtection.suppressIndexRows(List.of(base.apply(true), index), p).get(1);
    assertTrue(out.getOnderdrukt());
    assertNull(out.getWaarde());
    // no base row at all: suppressed too
    assertTrue(SmallCellProtection.suppressIndexRows(List.of(index), p).get(0).getOnderdrukt());
  }

  private static CubeRow row(String indicator, String periode, double waarde) {
    return CubeRow.newBuilder().setIndicator(indicator).setPeriode(periode).setGemeenteCode(AALTEN).setGemeenteNaam("Aalten")
        .setRegio("Achterhoek").setLeeftijdsklasse(T).setGeslacht(T).setHulpvorm(T).setVerwijzer(T).setProductcategorie(T)
        .setWaarde(waarde).setEenheid("procent").setOnderdrukt(false).setCbsStatus("n.v.t.").setRunId("t").build();
  }
}
