package nl.jeugdkubus.marts.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.model.CubeRow;

/** The rows of a run's internal cube (--internalCube=true) read back as cube rows, for the diagnostics. */
public final class InternalCube {
  private InternalCube() {}

  public static List<CubeRow> rows(Path folder) throws Exception {
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
