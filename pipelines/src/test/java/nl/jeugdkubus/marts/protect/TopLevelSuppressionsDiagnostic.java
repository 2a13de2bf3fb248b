package nl.jeugdkubus.marts.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.PublishedTables;
import nl.jeugdkubus.marts.TableCatalogue;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a test (it prints and asserts nothing; it runs only with -Dprotect.diagnose=<output folder of a
 * run with --internalCube=true>, e.g. AttackAtScaleTest's with -Dattack.keep): protects the blocks of that run's
 * internal cube as ProtectTables does (the rows some table publishes, one year of one region per block) and prints
 * why each suppressed top-level cell with a count of 10 or more was suppressed (BlockProtection.Stats#topLevel),
 * for the list in docs/disclosure.md.
 */
@EnabledIfSystemProperty(named = "protect.diagnose", matches = ".+")
class TopLevelSuppressionsDiagnostic {
  @Test
  void printWhyTopLevelCellsAreSuppressed() throws Exception {
    Path out = Path.of(System.getProperty("protect.diagnose"));
    IndicatorCatalogue cat = IndicatorCatalogue.load(null);
    PublishedTables tables = new PublishedTables(TableCatalogue.load(null, cat));
    Map<String, List<CubeRow>> blocks = new TreeMap<>();
    for (CubeRow r : internal(out.resolve("internal").resolve("cube"))) {
      if (tables.published(r)) blocks.computeIfAbsent(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), k -> new ArrayList<>()).add(r);
    }
    BlockProtection p = new BlockProtection(cat, 5, 7, true);
    for (Map.Entry<String, List<CubeRow>> b : blocks.entrySet()) {
      p.protect(b.getValue());
      p.stats().topLevel.forEach((cell, why) -> {
        if (Long.parseLong(cell.substring(cell.lastIndexOf(' ') + 1)) >= 10) System.out.println("TOPLEVEL " + cell + " | " + why);
      });
    }
  }

  static List<CubeRow> internal(Path folder) throws Exception {
    List<CubeRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT indicator, periode, gemeente_code, gemeente_naam, regio, leeftijdsklasse,"
            + " geslacht, hulpvorm, verwijzer, productcategorie, teller, noemer, waarde, eenheid, cbs_status FROM read_parquet('"
            + folder.toAbsolutePath() + "/**/*.parquet', hive_partitioning = false) ORDER BY ALL")) {
      while (rs.next()) {
        rows.add(CubeRow.newBuilder().setIndicator(rs.getString(1)).setPeriode(rs.getString(2))
            .setGemeenteCode(rs.getString(3)).setGemeenteNaam(rs.getString(4)).setRegio(rs.getString(5))
            .setLeeftijdsklasse(rs.getString(6)).setGeslacht(rs.getString(7)).setHulpvorm(rs.getString(8))
            .setVerwijzer(rs.getString(9)).setProductcategorie(rs.getString(10)).setTeller(num(rs, 11))
            .setNoemer(num(rs, 12)).setWaarde(num(rs, 13)).setEenheid(rs.getString(14)).setOnderdrukt(false)
            .setCbsStatus(rs.getString(15)).setRunId("diagnose").build());
      }
    }
    return rows;
  }

  private static Double num(ResultSet rs, int col) throws java.sql.SQLException {
    double d = rs.getDouble(col);
    return rs.wasNull() ? null : d;
  }
}
