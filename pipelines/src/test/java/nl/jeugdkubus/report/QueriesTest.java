package nl.jeugdkubus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every docs/queries/*.sql runs in DuckDB from the folder of a published output (the hand-made tables of
 * {@link HandMadeTables}: value = base + 10 x area + period index) and its result is checked against values
 * worked out by hand.
 */
class QueriesTest {
  static final Path QUERIES = Path.of("..", "docs", "queries");

  @TempDir
  static Path dir;
  static Path output;

  @BeforeAll
  static void tables() throws Exception {
    output = HandMadeTables.write(dir.resolve("out"));
  }

  /** The rows of a query as "a|b|c" strings (NULL as 'null'). */
  static List<String> run(String file) throws Exception {
    String sql = Files.readString(QUERIES.resolve(file), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET file_search_path = '" + output.toAbsolutePath() + "'");
      try (ResultSet rs = s.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            if (i > 1) b.append('|');
            Object o = rs.getObject(i);
            b.append(o instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(o));
          }
          out.add(b.toString());
        }
      }
    }
    return out;
  }

  @Test
  void everyQueryIsTested() throws Exception {
    try (Stream<Path> s = Files.list(QUERIES)) {
      assertEquals(List.of("01-jeugdhulp-per-1000.sql", "02-tegen-cbs-en-nederland.sql", "03-verwijzers.sql",
          "04-lokaal-naar-specialist.sql", "05-kosten-per-client-hulpvorm.sql", "06-referentiegroep.sql"),
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList());
    }
  }

  @Test
  void jeugdhulpPer1000() throws Exception {
    List<String> rows = run("01-jeugdhulp-per-1000.sql");
    assertEquals(8, rows.size(), "2 gemeenten x 4 half-years, no region");
    // Aalten: 100 + period index; 2023H2 suppressed
    assertEquals(List.of("GM0197|Aalten|2023H1|100|false", "GM0197|Aalten|2023H2|null|true", "GM0197|Aalten|2024H1|102|false",
        "GM0197|Aalten|2024H2|103|false"), rows.subList(0, 4));
    assertEquals("GM1859|Berkelland|2024H2|113|false", rows.get(7));
  }

  @Test
  void againstCbsAndTheNetherlands() throws Exception {
    List<String> rows = run("02-tegen-cbs-en-nederland.sql");
    assertEquals(8, rows.size());
    // Aalten 2024H2: own 10 + 3, CBS 11 + 3, NL 12 + 3
    assertEquals("GM0197|2024H2|13|14|15|voorlopig", rows.get(3));
  }

  @Test
  void referrerMix() throws Exception {
    List<String> rows = run("03-verwijzers.sql");
    assertEquals(24, rows.size(), "2 gemeenten x 4 half-years x 3 verwijzers");
    assertEquals(List.of("GM0197|2024H1|01|50|false", "GM0197|2024H1|02|null|true", "GM0197|2024H1|06|20|false"), rows.subList(6, 9));
  }

  @Test
  void localTeamToSpecialistCare() throws Exception {
    List<String> rows = run("04-lokaal-naar-specialist.sql");
    assertEquals(8, rows.size());
    // Berkelland 2023H1: lokaal_gestart 50 + 10, 12-month share 30 + 10
    assertEquals("GM1859|2023H1|60|40|false", rows.get(4));
  }

  @Test
  void costPerClientByHulpvorm() throws Exception {
    List<String> rows = run("05-kosten-per-client-hulpvorm.sql");
    assertEquals(16, rows.size());
    assertEquals(List.of("GM0197|2024H2|02|5003|false", "GM0197|2024H2|11|40003|false"), rows.subList(6, 8));
  }

  @Test
  void againstTheReferenceGroup() throws Exception {
    List<String> rows = run("06-referentiegroep.sql");
    assertEquals(8, rows.size());
    // Berkelland 2024H1: own 10 + 10 + 2, refgroep 13 + 10 + 2
    assertEquals("GM1859|Berkelland|2024H1|22|25", rows.get(6));
  }
}
