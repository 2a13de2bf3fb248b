package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nl.jeugdkubus.common.ConfTables;

/**
 * conf/tables.csv + conf/indicators.csv are the one place that says which indicators, dimensions and tables
 * exist. These tests fail when the code (IndicatorCalculator's measures, CubeDeriver's rows) and the catalogue
 * disagree, on the hand-worked scenario of {@link EveryIndicatorTest} (every code has a row there).
 */
class CatalogueTest {
  private static final Path CONF = Path.of("..", "conf");

  @BeforeAll
  static void derive() {
    EveryIndicatorTest.derive();
  }

  private static List<CubeRow> rows() {
    return EveryIndicatorTest.rows;
  }

  @Test
  void everyDerivedCodeIsInTheCatalogueAndEveryCatalogueCodeIsDerived() {
    Set<String> derived = new TreeSet<>();
    for (CubeRow r : rows()) derived.add(r.getIndicator());
    Set<String> catalogue = new TreeSet<>(IndicatorCatalogue.load(ConfTables.load(CONF.toString())).byCode().keySet());
    Set<String> onlyCode = new TreeSet<>(derived);
    onlyCode.removeAll(catalogue);
    Set<String> onlyCatalogue = new TreeSet<>(catalogue);
    onlyCatalogue.removeAll(derived);
    assertEquals(Set.of(), onlyCode, "derived by the code but not in conf/indicators.csv");
    assertEquals(Set.of(), onlyCatalogue, "in conf/indicators.csv but never derived");
  }

  @Test
  void everyRowCarriesTheCatalogueUnitAndItsTellerIsTheCountOfItsMaat() {
    Map<CellKey, Acc> cells = EveryIndicatorTest.cells;
    for (CubeRow r : rows()) {
      IndicatorCatalogue.Entry e = Indicators.entry(r.getIndicator());
      assertEquals(e.eenheid(), r.getEenheid(), r.getIndicator());
      if (!e.isCount()) continue;
      String age = r.getLeeftijdsklasse();
      CellKey k = new CellKey(e.maat(), r.getPeriode(), r.getGemeenteCode(), age, r.getGeslacht(), r.getHulpvorm(),
          r.getVerwijzer(), r.getProductcategorie());
      Acc a = cells.get(k);
      assertTrue(a != null, "no cell " + k + " for " + r.getIndicator());
      assertEquals((double) a.count(), r.getTeller(), r.getIndicator() + " at " + k);
    }
  }

  @Test
  void everyMeasureOfTheCalculatorIsTheMaatOfACatalogueIndicator() {
    Set<String> maten = new LinkedHashSet<>();
    for (IndicatorCatalogue.Entry e : IndicatorCatalogue.load(ConfTables.load(CONF.toString())).entries()) {
      maten.add(e.maat());
      for (IndicatorCatalogue.Relation rel : e.relations()) maten.addAll(rel.children());
    }
    Set<String> measures = new TreeSet<>();
    for (CellKey k : EveryIndicatorTest.cells.keySet()) measures.add(k.measure());
    measures.removeAll(maten);
    assertEquals(Set.of(), measures, "measures of IndicatorCalculator that no catalogue row names");
  }

  @Test
  void everyPublishedTableHasRowsForEachOfItsIndicators() {
    List<CubeRow> rows = rows();
    for (TableCatalogue.Table t : TableCatalogue.load(ConfTables.load(CONF.toString())).tables()) {
      for (String code : t.indicators()) {
        boolean found = false;
        for (CubeRow r : rows) found |= r.getIndicator().equals(code) && PublishedTables.belongsTo(t, r);
        assertTrue(found, "table " + t.id() + ": no row of " + code);
      }
    }
  }

  /**
   * trajecten_crisis is published per full year only (docs/disclosure.md "Tables published per year"): the crisis
   * split of 2024 is in it, that of 2024H1 in no table, while trajecten_gestart of 2024H1 is still published (in
   * trajecten_hulpvorm). Worked from EveryIndicatorTest's scenario: S6 is the one crisis start, in 2024H1.
   */
  @Test
  void theCrisisSplitIsPublishedForFullYearsOnly() {
    PublishedTables t = new PublishedTables(TableCatalogue.load(ConfTables.load(CONF.toString())));
    CubeRow crisisH1 = find("trajecten_gestart_crisis", "2024H1");
    CubeRow crisisYear = find("trajecten_gestart_crisis", "2024");
    assertEquals(1.0, crisisH1.getTeller());
    assertEquals(1.0, crisisYear.getTeller()); // the year of a flow: H1 + H2 = 1 + 0
    assertEquals(List.of(), t.tablesOf(crisisH1));
    assertEquals(List.of("trajecten_crisis"), t.tablesOf(crisisYear));
    assertEquals(List.of("trajecten_hulpvorm", "trajecten_leeftijd_geslacht"), t.tablesOf(find("trajecten_gestart", "2024H1")));
    assertEquals(List.of("trajecten_hulpvorm", "trajecten_crisis", "trajecten_leeftijd_geslacht"), t.tablesOf(find("trajecten_gestart", "2024")));
  }

  /** The row of a code in Aalten, every dimension totaal. */
  private static CubeRow find(String code, String periode) {
    for (CubeRow r : rows()) {
      if (r.getIndicator().equals(code) && r.getPeriode().equals(periode) && r.getGemeenteCode().equals("GM0197")
          && r.getLeeftijdsklasse().equals("totaal") && r.getGeslacht().equals("totaal") && r.getHulpvorm().equals("totaal")
          && r.getVerwijzer().equals("totaal") && r.getProductcategorie().equals("totaal")) return r;
    }
    throw new AssertionError("no row " + code + " " + periode);
  }

  @Test
  void aTableWithThreeDimensionsOrAnUnknownCodeIsRejected(@TempDir Path dir) throws Exception {
    // a --confDir holds every table: a copy of conf/ with a broken tables.csv
    try (java.util.stream.Stream<Path> s = Files.list(CONF)) {
      for (Path f : s.filter(f -> f.toString().endsWith(".csv")).toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    Files.writeString(dir.resolve("tables.csv"), "tabel;titel;indicatoren;dimensies;perioden\n"
        + "t1;T;jongeren_jeugdzorg;leeftijdsklasse,geslacht,hulpvorm;halfjaar,jaar\n");
    assertThrows(IllegalStateException.class, () -> TableCatalogue.load(ConfTables.load(dir.toString())));
    Files.writeString(dir.resolve("tables.csv"), "tabel;titel;indicatoren;dimensies;perioden\nt1;T;jongeren_onbekend;;halfjaar,jaar\n");
    assertThrows(IllegalStateException.class, () -> TableCatalogue.load(ConfTables.load(dir.toString())));
    // perioden is 'halfjaar,jaar' or 'jaar': a table of half-years only (its year derivable from nothing) is not one
    Files.writeString(dir.resolve("tables.csv"), "tabel;titel;indicatoren;dimensies;perioden\nt1;T;jongeren_jeugdzorg;;halfjaar\n");
    assertThrows(IllegalStateException.class, () -> TableCatalogue.load(ConfTables.load(dir.toString())));
    // the packaged catalogue is valid and covers every indicator
    assertEquals(15, TableCatalogue.load(ConfTables.load(CONF.toString())).tables().size());
  }
}
