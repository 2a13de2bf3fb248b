package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdkubus.generator.GenerateRegion;
import nl.jeugdkubus.generator.GeneratorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job with {@code --boundaries=2023} on a generated Voorne aan Zee GM1992 that straddles its formation
 * (docs/mappings.md "Herindeling and boundaries"): the generator writes its registrations before 2022-07-01 and its CBS
 * rows of periods that begin before that day (03759ned 2022, 85098NED/85097NED/85100NED 2022H1 and 2022) under Brielle
 * GM0501; a hand-made CBS CSV download adds a second old code, Hellevoetsluis GM0530 (2022: 40 young people per year
 * of age 0-22, so 720 aged 0-17; jeugdhulp 20.0 % in 2022H1 and 2022 and no other 85098NED measure; 85100NED 50
 * jongeren met jeugdzorg in 2022H1; 85097NED 100 started trajectories in 2022H1, 30 of verwijzer 01).
 * Every expected number is computed here from the input files, not through the job's parsers.
 */
class MergedGemeenteBoundariesRunTest {
  @TempDir static Path dir;
  static Path input;
  static Path output;
  static List<Map<String, Object>> rows;
  static List<String> tableFiles;
  /** Generated Brielle GM0501 (and GM1992 itself): regio|periode|measure|dimension key -> value (null = '.'). */
  static Map<String, Double> generated = new HashMap<>();
  static long briellePop017;

  static final int HELLEVOET_PER_AGE = 40;
  static final long HELLEVOET_POP017 = 18 * HELLEVOET_PER_AGE;
  static final double HELLEVOET_JEUGDHULP = 20.0;

  @BeforeAll
  static void generateAndRun() throws Exception {
    input = dir.resolve("input");
    GenerateRegion.generate(GeneratorConfig.defaults().withRegion("GM1992").withScale(0.02).withRange("2022H1", "2022H2")
        .withSeed(3).withOldCode("GM1992", "GM0501", LocalDate.of(2022, 7, 1)), input);
    Path cbs = input.resolve("cbs");
    StringBuilder pop = new StringBuilder("ID;Geslacht;Leeftijd;RegioS;Perioden;BevolkingOp1Januari_1\n");
    for (int a = 0; a <= 22; a++) {
      pop.append(a).append(";T001038;").append(String.format("LFT%03d", a)).append(";GM0530    ;2022JJ00;").append(HELLEVOET_PER_AGE).append('\n');
    }
    Files.writeString(cbs.resolve("03759ned.csv"), pop.toString());
    Files.writeString(cbs.resolve("85098NED.csv"), "ID;RegioS;Perioden;JongerenMetJeugdhulpInNatura_1\n"
        + "0;GM0530    ;2022HJ01;20.0\n1;GM0530    ;2022JJ00;20.0\n2;GM0530    ;2022HJ02;99.9\n");
    Files.writeString(cbs.resolve("85100NED.csv"), "ID;Persoonskenmerken;RegioS;Perioden;JongerenMetJeugdzorg_1\n"
        + "0;T009002;GM0530    ;2022HJ01;50\n");
    Files.writeString(cbs.resolve("85097NED.csv"), "ID;VerwijzerJeugdzorg;RegioS;Perioden;BegonnenJeugdhulptrajecten_1\n"
        + "0;VJ_TOTAAL;GM0530    ;2022HJ01;100\n1;VJ_01;GM0530    ;2022HJ01;30\n");
    readGenerated(cbs);

    Path key = dir.resolve("k.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
    output = dir.resolve("out");
    PublishedRunTest.Result r = PublishedRunTest.executeWith(input, output, key, "--runId=boundaries", "--periods=2022H1-2022H2",
        "--boundaries=2023", "--internalCube=false", "--declarationsCsv=none");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    Path tables = output.resolve("tables").toRealPath(); // the atomic publish makes tables/ a link to the current version
    try (Stream<Path> s = Files.walk(tables)) {
      tableFiles = s.filter(Files::isRegularFile).map(p -> tables.relativize(p).toString()).sorted().toList();
    }
    rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + output.resolve("tables") + "/**/*.parquet', hive_partitioning = false)")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 1; i <= n; i++) m.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        rows.add(m);
      }
    }
  }

  /** The generated CBS JSON files, by region, period, topic and dimension key ('' without one). */
  static void readGenerated(Path cbs) throws Exception {
    ObjectMapper om = new ObjectMapper();
    for (String t : List.of("03759ned", "85098NED", "85097NED", "85100NED")) {
      for (JsonNode row : om.readTree(cbs.resolve(t + "_TypedDataSet.json").toFile()).get("value")) {
        String regio = row.get("RegioS").asText().trim();
        String per = row.get("Perioden").asText();
        if (t.equals("03759ned")) {
          int age = Integer.parseInt(row.get("Leeftijd").asText().substring(3));
          if (regio.equals("GM0501") && per.equals("2022JJ00") && row.get("Geslacht").asText().equals("T001038") && age <= 17) {
            briellePop017 += row.get("BevolkingOp1Januari_1").asLong();
          }
          continue;
        }
        String dim = row.has("VerwijzerJeugdzorg") ? row.get("VerwijzerJeugdzorg").asText() : "";
        var fields = row.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          if (!f.getKey().matches(".*_\\d+")) continue;
          generated.put(regio + "|" + per + "|" + f.getKey() + "|" + dim, f.getValue().isNull() ? null : f.getValue().asDouble());
        }
      }
    }
    assertTrue(briellePop017 > 0, "Brielle has a population in 2022");
    assertFalse(generated.keySet().stream().anyMatch(k -> k.startsWith("GM0501|2022HJ02")), "2022H2 is GM1992's own");
  }

  static Map<String, Object> row(String tabel, String indicator, String periode, String verwijzer) {
    Map<String, Object> found = null;
    for (Map<String, Object> r : rows) {
      if (r.get("tabel").equals(tabel) && r.get("indicator").equals(indicator) && r.get("periode").equals(periode)
          && r.get("gemeente_code").equals("GM1992") && r.get("leeftijdsklasse").equals("totaal") && r.get("geslacht").equals("totaal")
          && r.get("hulpvorm").equals("totaal") && r.get("verwijzer").equals(verwijzer) && r.get("productcategorie").equals("totaal")) {
        assertNull(found, "two rows " + indicator + " " + periode);
        found = r;
      }
    }
    assertNotNull(found, "no row " + tabel + " " + indicator + " " + periode + " " + verwijzer);
    return found;
  }

  static Double waarde(Map<String, Object> r) {
    return r.get("waarde") == null ? null : ((Number) r.get("waarde")).doubleValue();
  }

  static double round1(double x) {
    return java.math.BigDecimal.valueOf(x).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  @Test
  void everyRowIsOnTheGemeenteOfTheBoundariesAndNoOldCodeIsPublished() {
    assertTrue(rows.size() > 100, "rows: " + rows.size());
    for (Map<String, Object> r : rows) {
      String g = (String) r.get("gemeente_code");
      assertTrue(g.equals("GM1992") || g.startsWith("REG_"), r.toString());
    }
    for (String f : tableFiles) assertFalse(f.contains("GM0501") || f.contains("GM0530"), f);
    assertTrue(tableFiles.stream().anyMatch(f -> f.contains("gemeente=GM1992")), tableFiles.toString());
  }

  @Test
  void thePopulationDenominatorIsTheSumOverTheOldCodes() {
    long expected = briellePop017 + HELLEVOET_POP017;
    // from public inputs only: never suppressed
    assertEquals((double) expected, ((Number) row("financien", "lasten_jeugd_per_jongere", "2022", "totaal").get("noemer")).doubleValue());
    int published = 0;
    for (String p : List.of("2022H1", "2022H2", "2022")) {
      Map<String, Object> r = row("jongeren_jeugdzorg", "jongeren_jeugdhulp_pct", p, "totaal");
      if (Boolean.TRUE.equals(r.get("onderdrukt"))) continue;
      assertEquals((double) expected, ((Number) r.get("noemer")).doubleValue(), p);
      published++;
    }
    assertTrue(published > 0, "a published jongeren_jeugdhulp_pct");
  }

  @Test
  void aBenchmarkOfTheMergedGemeenteIsThePopulationWeightedValue() {
    String jh = "JongerenMetJeugdhulpInNatura_1";
    for (String p : List.of("2022H1", "2022")) {
      String k = p.equals("2022") ? "2022JJ00" : "2022HJ01";
      Double brielle = generated.get("GM0501|" + k + "|" + jh + "|");
      assertNotNull(brielle, "the generated Brielle figure of " + k);
      double expected = round1((brielle * briellePop017 + HELLEVOET_JEUGDHULP * HELLEVOET_POP017) / (briellePop017 + HELLEVOET_POP017));
      Map<String, Object> r = row("benchmark", "jongeren_jeugdhulp_pct_cbs", p, "totaal");
      assertEquals(expected, waarde(r), p);
      assertEquals("voorlopig", r.get("cbs_status"), p); // 2022 is the last year of the generated range
    }
    // 2022H2: CBS's own GM1992 figure wins over the sum (Hellevoetsluis's 99.9 is not used)
    assertEquals(generated.get("GM1992|2022HJ02|" + jh + "|"), waarde(row("benchmark", "jongeren_jeugdhulp_pct_cbs", "2022H2", "totaal")));
    // Hellevoetsluis has a population but no jeugdbescherming figure: not available
    assertNull(waarde(row("benchmark", "jongeren_jeugdbescherming_pct_cbs", "2022H1", "totaal")));
  }

  @Test
  void countBenchmarksAreSummedOverTheOldCodes() {
    Double brielleJz = generated.get("GM0501|2022HJ01|JongerenMetJeugdzorg_1|");
    Double expectedJz = brielleJz == null ? null : brielleJz + 50;
    assertEquals(expectedJz, waarde(row("benchmark", "jongeren_jeugdzorg_cbs", "2022H1", "totaal")));
    String m = "BegonnenJeugdhulptrajecten_1";
    Double b01 = generated.get("GM0501|2022HJ01|" + m + "|VJ_01");
    Double bAll = generated.get("GM0501|2022HJ01|" + m + "|VJ_TOTAAL");
    Double expected = b01 == null || bAll == null ? null : round1(100 * (b01 + 30) / (bAll + 100));
    assertEquals(expected, waarde(row("verwijzers", "specialist_gestart_verwijzer_aandeel_cbs", "2022H1", "01")));
  }
}
