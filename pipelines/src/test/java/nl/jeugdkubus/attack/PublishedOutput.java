package nl.jeugdkubus.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an outsider gets from a run's output folder with DuckDB: the published rows (the new
 * {@code tables/} layout, or the old single {@code cube/}), and the disclosure parameters from
 * {@code manifest.json}. {@link #internal} reads the owner-only internal cube: the truth, used only to
 * check the attacker, never by it.
 */
final class PublishedOutput {
  private PublishedOutput() {}

  /** The rounding base and the largest count that is suppressed, as the manifest publishes them. */
  record Parameters(int roundTo, int suppressUpTo) {}

  static Parameters parameters(Path output) throws IOException {
    Path manifest = output.resolve("manifest.json");
    String json = Files.exists(manifest) ? Files.readString(manifest) : "";
    return new Parameters(intField(json, "round_to", 5), intField(json, "suppress_up_to", 7));
  }

  private static int intField(String json, String name, int fallback) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
    return m.find() ? Integer.parseInt(m.group(1)) : fallback;
  }

  /** The published folder: tables/ when present, otherwise the old cube/. */
  static Path publishedFolder(Path output) {
    Path tables = output.resolve("tables");
    return Files.isDirectory(tables) ? tables : output.resolve("cube");
  }

  static List<Row> published(Path output) throws SQLException {
    return read(publishedFolder(output));
  }

  /** gemeente code -> its region's area code (REG_ + regio with '_' for spaces), from dimensions/gemeente.parquet. */
  static java.util.Map<String, String> regions(Path output) throws SQLException {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    Path dim = output.resolve("dimensions").resolve("gemeente.parquet");
    if (!Files.exists(dim)) return out;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT code, regio FROM read_parquet('" + dim.toAbsolutePath()
            + "') WHERE code LIKE 'GM%' AND regio IS NOT NULL")) {
      while (rs.next()) out.put(rs.getString(1), "REG_" + rs.getString(2).replace(' ', '_'));
    }
    return out;
  }

  static List<Row> internal(Path output) throws SQLException {
    return read(output.resolve("internal").resolve("cube"));
  }

  static List<Row> read(Path folder) throws SQLException {
    List<Row> rows = new ArrayList<>();
    String glob = folder.toAbsolutePath() + "/**/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      boolean hasTabel;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('" + glob
          + "', union_by_name = true)) WHERE column_name = 'tabel'")) {
        rs.next();
        hasTabel = rs.getLong(1) > 0;
      }
      String sql = "SELECT " + (hasTabel ? "tabel" : "NULL") + ", indicator, periode, gemeente_code, leeftijdsklasse,"
          + " geslacht, hulpvorm, verwijzer, productcategorie, teller, noemer, waarde, eenheid, onderdrukt"
          + " FROM read_parquet('" + glob + "', union_by_name = true, hive_partitioning = false)"
          // a fixed order: DuckDB scans files in parallel, and the attacker's unknowns are numbered in the order
          // it meets them (its LP neighbourhoods are cut at a number of unknowns), so an unordered read made
          // the recoveries differ from run to run on the same output
          + " ORDER BY ALL";
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), num(rs, 10), num(rs, 11),
              num(rs, 12), rs.getString(13), rs.getBoolean(14)));
        }
      }
    }
    return rows;
  }

  private static Double num(ResultSet rs, int col) throws SQLException {
    double d = rs.getDouble(col);
    return rs.wasNull() ? null : d;
  }
}
