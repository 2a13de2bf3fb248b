package nl.jeugdkubus.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.Period;

/**
 * The benchmark's baseline (issue 11; scripts/bench.sh, docs/performance.md): runs scripts/bench-core-cube.sql in
 * DuckDB (JDBC, in this JVM) on the CSV forms of a generated input and prints its wall time and row count.
 * Not a test: a main class of the test tree, where the DuckDB driver is.
 *
 * <pre>  DuckDbBaseline INPUT OUTPUT PERIODS KEYFILE [CONF]   e.g. in/ out/ 2024H1,2024H2 bench.key conf</pre>
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: DuckDbBaseline INPUT OUTPUT PERIODS KEYFILE [CONF]");
      System.exit(2);
    }
    Path root = Path.of(System.getProperty("jeugdkubus.root", "."));
    String sql = Files.readString(root.resolve("scripts/bench-core-cube.sql"), StandardCharsets.UTF_8)
        .replace("${input}", Path.of(args[0]).toAbsolutePath().toString())
        .replace("${output}", Path.of(args[1]).toAbsolutePath().toString())
        .replace("${periods}", periodValues(args[2]))
        .replace("${key}", Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).trim().replace("'", "''"))
        .replace("${conf}", (args.length > 4 ? Path.of(args[4]) : root.resolve("conf")).toAbsolutePath().toString());
    long t0 = System.nanoTime();
    long rows;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String statement : statements(sql)) s.execute(statement);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('"
          + Path.of(args[1]).toAbsolutePath() + "/*/*/*.parquet')")) {
        rs.next();
        rows = rs.getLong(1);
      }
    }
    System.out.printf("duckdb core cube: %d rows in %.2f s%n", rows, (System.nanoTime() - t0) / 1e9);
  }

  /** "2024H1-2024H2" (Period.parseList) as SQL VALUES rows ('2024H1', DATE '2024-01-01', DATE '2024-06-30'), ... */
  static String periodValues(String spec) {
    List<String> rows = new ArrayList<>();
    for (Period period : Period.parseList(spec)) {
      rows.add("('" + period + "', DATE '" + period.start() + "', DATE '" + period.end() + "')");
    }
    return String.join(", ", rows);
  }

  /** The statements of a script: split at ';' at line ends, '--' comment lines left out. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (line.strip().startsWith("--")) continue;
      cur.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) out.add(cur.toString().strip());
    return out;
  }
}
