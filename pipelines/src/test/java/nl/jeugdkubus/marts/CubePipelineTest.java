package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.DerivedCubeScenario.INDEX_BASE;
import static nl.jeugdkubus.marts.DerivedCubeScenario.find;
import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;
import nl.jeugdkubus.model.PersonHistory;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marts layer end to end on the DirectRunner: BuildCube -> ProtectTables -> WriteTables, then the
 * written Parquet read as a BI tool would, with DuckDB. Answers from {@link DerivedCubeScenario}.
 */
class CubePipelineTest {
  @TempDir static Path out;

  @BeforeAll
  static void runPipeline() {
    MartsConfig cfg = DerivedCubeScenario.config();
    // the expected rows, computed without Beam
    Map<CellKey, Acc> cells = Fixtures.combined(DerivedCubeScenario.persons(), "2023H2", "2024H1");
    List<CubeRow> pureInternal = new CubeDeriver(cfg, GemeenteInfo.load(null), Fixtures.tables(DerivedCubeScenario.cbsCells()),
        CubeDeriver.scopeOf(cells.keySet())).deriveAll(cells);

    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    PCollection<PersonHistory> persons = p.apply("Persons", Create.of(DerivedCubeScenario.persons()).withCoder(AvroCoder.of(PersonHistory.class)));
    PCollection<CbsCell> cbs = p.apply("Cbs", Create.of(DerivedCubeScenario.cbsCells()).withCoder(AvroCoder.of(CbsCell.class)));
    PCollection<CubeRow> internal = PCollectionTuple.of(Tags.PERSONS, persons).and(Tags.CBS_CELLS, cbs).apply(new BuildCube(cfg));
    PAssert.that(internal).containsInAnyOrder(pureInternal);
    PCollection<PublishedRow> published = internal.apply(new ProtectTables(5, 7, false, INDEX_BASE, null));
    PAssert.that(published).satisfies(rows -> {
      List<CubeRow> list = new ArrayList<>();
      for (PublishedRow r : rows) if (r.getTabel().equals("jongeren_jeugdzorg") || r.getTabel().equals("benchmark")) list.add(asCube(r));
      CubeRow pct = find(list, "jongeren_jeugdhulp_pct", "2024H1", AALTEN, T, T);
      assertEquals(70.0, pct.getTeller()); // 71 rounded to a multiple of 5
      assertEquals(246.0, pct.getNoemer()); // population: public, not rounded
      assertEquals(28.5, pct.getWaarde()); // from the published 70/246 = 28.46 (not the unrounded 71/246 = 28.9)
      assertTrue(find(list, "jongeren_met_verblijf_aandeel", "2024H1", AALTEN, T, T).getOnderdrukt()); // teller 4
      CubeRow index = find(list, "jongeren_jeugdhulp_pct_index", "2024H1", AALTEN, T, T);
      CubeRow base = find(list, "jongeren_jeugdhulp_pct", INDEX_BASE.toString(), AALTEN, T, T);
      // from the published values of both periods
      assertEquals(PublishedValues.index(pct.getWaarde(), base.getWaarde()), index.getWaarde());
      return null;
    });
    published.apply(new WriteTables(out.toString(), null));
    p.run().waitUntilFinish();
  }

  private static List<Map<String, Object>> query(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 1; i <= n; i++) m.put(r.getMetaData().getColumnName(i), r.getObject(i));
        rows.add(m);
      }
      return rows;
    }
  }

  private static CubeRow asCube(PublishedRow r) {
    return CubeRow.newBuilder().setIndicator(r.getIndicator()).setPeriode(r.getPeriode()).setGemeenteCode(r.getGemeenteCode())
        .setGemeenteNaam(r.getGemeenteNaam()).setRegio(r.getRegio()).setLeeftijdsklasse(r.getLeeftijdsklasse())
        .setGeslacht(r.getGeslacht()).setHulpvorm(r.getHulpvorm()).setVerwijzer(r.getVerwijzer())
        .setProductcategorie(r.getProductcategorie()).setTeller(r.getTeller()).setNoemer(r.getNoemer()).setWaarde(r.getWaarde())
        .setEenheid(r.getEenheid()).setOnderdrukt(r.getOnderdrukt()).setCbsStatus(r.getCbsStatus()).setRunId(r.getRunId()).build();
  }

  /** Every published table as one relation (a BI tool reads tables/<tabel>/ one at a time, or all with union_by_name). */
  private static String cube() {
    return "(select distinct * exclude (tabel) from read_parquet('" + out.resolve("tables") + "/*/*/*/*.parquet', hive_partitioning = true))";
  }

  private static String table(String tabel) {
    return "read_parquet('" + out.resolve("tables").resolve(tabel) + "/**/*.parquet', hive_partitioning = true)";
  }

  private static Map<String, Object> one(String where) throws Exception {
    List<Map<String, Object>> rows = query("select * from " + cube() + " where gemeente = 'GM0197' and periode = '2024H1' and " + where);
    assertEquals(1, rows.size(), where);
    return rows.get(0);
  }

  private static final String TOTALS =
      "leeftijdsklasse = 'totaal' and geslacht = 'totaal' and hulpvorm = 'totaal' and verwijzer = 'totaal' and productcategorie = 'totaal'";

  @Test
  void hivePartitionedFiles() throws Exception {
    Path part = out.resolve("tables/jongeren_jeugdzorg/periode=2024H1/gemeente=GM0197");
    assertTrue(Files.isDirectory(part), part.toString());
    try (Stream<Path> files = Files.list(part)) {
      List<Path> ps = files.toList();
      assertFalse(ps.isEmpty());
      for (Path f : ps) assertTrue(f.getFileName().toString().matches("part-.*\\.parquet"), f.toString());
    }
    assertTrue(Files.isDirectory(out.resolve("tables/trajecten_hulpvorm/periode=2023H2/gemeente=REG_Achterhoek")));
    // the partition columns: periode from the folder (same value as in the file), gemeente added
    Map<String, Object> desc = new HashMap<>();
    for (Map<String, Object> r : query("describe select * from " + table("jongeren_jeugdzorg"))) desc.put((String) r.get("column_name"), r.get("column_type"));
    assertEquals("VARCHAR", desc.get("periode"));
    assertEquals("VARCHAR", desc.get("gemeente"));
    assertEquals("VARCHAR", desc.get("gemeente_code"));
    assertEquals("DOUBLE", desc.get("waarde"));
    assertEquals("BOOLEAN", desc.get("onderdrukt"));
    assertEquals("VARCHAR", desc.get("tabel"));
    assertTrue(query("select * from " + table("jongeren_jeugdzorg") + " where gemeente <> gemeente_code").isEmpty());
  }

  @Test
  void aBiToolReadsTheHandWorkedValues() throws Exception {
    Map<String, Object> pct = one("indicator = 'jongeren_jeugdhulp_pct' and " + TOTALS);
    assertEquals(70.0, pct.get("teller"));
    assertEquals(246.0, pct.get("noemer"));
    assertEquals(28.5, pct.get("waarde")); // 70 / 246 (the published teller), not 71 / 246 = 28.9
    assertEquals("procent", pct.get("eenheid"));
    assertEquals(false, pct.get("onderdrukt"));
    assertEquals("n.v.t.", pct.get("cbs_status"));
    assertEquals("Aalten", pct.get("gemeente_naam"));
    assertEquals("test-run", pct.get("run_id"));
    // boys aged 4-11 (40 of 56): a complementary cell of the small cells of Aalten by age and geslacht (deep in the
    // breakdown, so the top-level row above stays published): suppressed, shown as suppressed
    Map<String, Object> boys = one("indicator = 'jongeren_jeugdhulp_pct' and leeftijdsklasse = '4-11' and geslacht = 'M'");
    assertEquals(true, boys.get("onderdrukt"));
    assertNull(boys.get("waarde"));
    // the count of all ages (71; the rate above counts 0-17 only) is suppressed: Aalten is its region's only
    // gemeente and one young woman of 18-22 has jeugdreclassering, whom the all-ages rows (jeugdzorg, jeugdhulp,
    // specialistisch) would pin into 1..4 (16 cells of her breakdowns; the LP audit before 2026-12-03 left them so, by its own
    // count). No inner cell opens her, so this top-level row goes; the 0-17 row above stays
    assertEquals(true, one("indicator = 'jongeren_jeugdhulp' and " + TOTALS).get("onderdrukt"));
    // small cells: 4 with verblijf, 2 with jeugdbescherming, 1 with jeugdreclassering, 1 client with costs
    for (String code : List.of("jongeren_met_verblijf_aandeel", "jongeren_jeugdbescherming_pct", "jongeren_jeugdreclassering",
        "kosten_netto", "kosten_per_client")) {
      Map<String, Object> r = one("indicator = '" + code + "' and " + TOTALS);
      assertEquals(true, r.get("onderdrukt"), code);
      assertNull(r.get("waarde"), code);
      assertNull(r.get("teller"), code);
    }
    // benchmark rows
    Map<String, Object> cbs = one("indicator = 'jongeren_jeugdhulp_pct_cbs'");
    assertEquals(27.5, cbs.get("waarde"));
    assertEquals("voorlopig", cbs.get("cbs_status"));
    assertEquals(12.0, one("indicator = 'jongeren_jeugdhulp_pct_nl'").get("waarde"));
    assertEquals(28.8, one("indicator = 'jongeren_jeugdhulp_pct_refgroep'").get("waarde"));
    // differences and the index from our PUBLISHED value 28.5
    assertEquals(1.0, one("indicator = 'jongeren_jeugdhulp_pct_verschil_cbs'").get("waarde")); // 28.5 - 27.5
    assertEquals(-0.3, one("indicator = 'jongeren_jeugdhulp_pct_verschil_refgroep'").get("waarde")); // 28.5 - 28.8
    List<Map<String, Object>> base = query("select waarde from " + cube() + " where gemeente = 'GM0197' and periode = '"
        + INDEX_BASE + "' and indicator = 'jongeren_jeugdhulp_pct' and " + TOTALS);
    assertEquals(PublishedValues.index(28.5, (Double) base.get(0).get("waarde")), one("indicator = 'jongeren_jeugdhulp_pct_index'").get("waarde"));
    // no published count is 1..7
    assertTrue(query("select * from " + cube() + " where eenheid = 'aantal' and not onderdrukt and waarde between 1 and 7").isEmpty());
  }

  @Test
  void dimensionTables() throws Exception {
    List<Map<String, Object>> g = query("select * from read_parquet('" + out.resolve("dimensions/gemeente.parquet") + "') where code in ('GM0197', 'REG_Achterhoek') order by code");
    assertEquals(2, g.size());
    assertEquals("Aalten", g.get(0).get("naam"));
    assertEquals("Gelderland", g.get(0).get("provincie"));
    assertEquals("Achterhoek", g.get(0).get("regio"));
    assertEquals("Regio Achterhoek", g.get(1).get("naam"));
    List<Map<String, Object>> n = query("select count(*) as n from read_parquet('" + out.resolve("dimensions/indicator.parquet") + "')");
    assertEquals((long) IndicatorCatalogue.load(null).entries().size(), ((Number) n.get(0).get("n")).longValue());
    // every indicator of the cube is in the dimension table (a BI join finds them all)
    List<Map<String, Object>> missing = query("select distinct c.indicator from " + cube() + " c anti join read_parquet('"
        + out.resolve("dimensions/indicator.parquet") + "') i on c.indicator = i.code");
    assertEquals(List.of(), missing);
    Set<String> units = new HashSet<>();
    for (Map<String, Object> r : query("select distinct eenheid from read_parquet('" + out.resolve("dimensions/indicator.parquet") + "')")) {
      units.add((String) r.get("eenheid"));
    }
    assertTrue(units.containsAll(Set.of("aantal", "procent", "euro", "dagen", "index", "procentpunt")), units.toString());
  }
}
