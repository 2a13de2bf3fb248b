package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.jeugdkubus.generator.GenerateRegion;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An independent oracle: the core counts of the cube recomputed in SQL (DuckDB) straight from the
 * generated input files, without any of the project's readers, pseudonymisation, linkage or marts code,
 * and compared cell by cell with the internal (unprotected) cube of a real run.
 *
 * <p>Inputs reach DuckDB like this: the CSVs through DuckDB's own {@code read_csv}; the iJw XML through
 * a plain javax.xml DOM walk in this test (local element names only) and the DuckDB appender;
 * conf/hulpvorm-mapping.csv through {@code read_csv} skipping '#' lines. People are grouped by BSN
 * (one pseudonym per BSN, so the same grouping as the pipeline).
 *
 * <p>Rules mirrored from docs/linkage.md (and where the doc is silent, from what PersonLinker does;
 * those choices are marked "SEMANTICS" in the SQL below):
 * <ul>
 *   <li>local-team registration = episode of hulpvorm 01, bron lokaal_team (needs a startdatum, and an
 *       einddatum not before it); merged only with other local-team episodes;</li>
 *   <li>iJw episode per (BSN, ToewijzingNummer), latest toewijzing version (greatest Toewijzingsdatum,
 *       then a version with RedenWijziging);
 *       start = min JW305 Begindatum, else min JW307 Begindatum, else the first declared period;
 *       end = JW307 Einddatum (the latest) else the toewijzing's Einddatum; JZ020 with hulpvorm GEEN
 *       has no episode; a JW305/JW307 with StatusAanlevering 3 cancels one earlier message with the same
 *       type, ToewijzingNummer, Begindatum (and Einddatum for JW307), and neither counts;</li>
 *   <li>merge (CBS protocol 3.3): same BSN, bron and hulpvorm, overlapping (next start on or before the
 *       running end; open = infinite) = one trajectory: first start, last end, open if any part open;
 *       after a move (the episode with the running end has RedenWijziging 07 or JW307 reason 35) an episode
 *       in another gemeente starting at most 31 days after that end continues the trajectory too;</li>
 *   <li>gemeente (woonplaatsbeginsel): each episode that extended the trajectory's end makes its gemeente
 *       responsible from its start; a trajectory runs in every gemeente responsible on a day of its care in
 *       the period, starts in the one responsible on its start, ends in the one responsible on its end;</li>
 *   <li>declarations: JW323 + CSV, a prestatie = declaratienummer + referentienummer + D/C counted once,
 *       credit negative, in the half-year of its ProductPeriode Begindatum, gemeente of the line.</li>
 * </ul>
 */
class DuckDbOracleTest {
  @TempDir static Path dir;
  static Path input;
  static Path output;
  static Connection db;
  static nl.jeugdkubus.common.RunSummary summary;

  @BeforeAll
  static void runBothSides() throws Exception {
    // -Doracle.input=DIR -Doracle.output=DIR: compare against an existing run (for investigating)
    if (System.getProperty("oracle.input") != null) {
      input = Paths.get(System.getProperty("oracle.input"));
      output = Paths.get(System.getProperty("oracle.output"));
      db = DriverManager.getConnection("jdbc:duckdb:");
      loadXml();
      loadCsvAndConf();
      buildOracle();
      return;
    }
    input = dir.resolve("input");
    output = dir.resolve("out");
    GenerateRegion.main(new String[] {"--out", input.toString(), "--seed", "7", "--scale", "0.05",
        "--from", "2022H1", "--to", "2023H2", "--defects", "0"});
    Path key = dir.resolve("oracle.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    System.setOut(sink);
    System.setErr(sink);
    JeugdkubusPipeline.RunOutcome r;
    try {
      JeugdkubusOptions o = PipelineOptionsFactory.fromArgs(
          "--input=" + input, "--output=" + output, "--keyFile=" + key,
          "--periods=2022H1-2023H2", "--internalCube=true", "--runId=oracle",
          // the oracle checks the figures, not the reject threshold (generated data rejects > 2 % in one source)
          "--maxRejectPercent=100",
          // embedded Flink: the DirectRunner takes minutes on a whole-job run (docs/flink.md)
          "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2").as(JeugdkubusOptions.class);
      r = JeugdkubusPipeline.run(o);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertTrue(r.summary().reconciles(), r.summary().render());
    assertTrue(r.published(), "exit code " + r.exitCode());
    summary = r.summary();

    db = DriverManager.getConnection("jdbc:duckdb:");
    loadXml();
    loadCsvAndConf();
    buildOracle();
  }

  @AfterAll
  static void close() throws SQLException {
    if (db != null) db.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Loading
  // ---------------------------------------------------------------------------------------------

  static void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Text of the first descendant element with this local name, trimmed; null when absent or empty. */
  static String text(Element parent, String localName) {
    NodeList nl = parent.getElementsByTagNameNS("*", localName);
    if (nl.getLength() == 0) return null;
    String t = nl.item(0).getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  /** Text of a direct child path such as "ProductPeriode/Begindatum" (local names). */
  static String path(Element parent, String... names) {
    Element cur = parent;
    for (String n : names) {
      Element next = null;
      for (Node c = cur.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element e && n.equals(e.getLocalName())) {
          next = e;
          break;
        }
      }
      if (next == null) return null;
      cur = next;
    }
    String t = cur.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  static List<Element> all(Element parent, String localName) {
    NodeList nl = parent.getElementsByTagNameNS("*", localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
    return out;
  }

  static void row(DuckDBAppender a, String... values) throws SQLException {
    a.beginRow();
    for (String v : values) {
      if (v == null) a.appendNull();
      else a.append(v);
    }
    a.endRow();
  }

  static void loadXml() throws Exception {
    exec("CREATE TABLE toew (bsn VARCHAR, gemeente VARCHAR, nummer VARCHAR, categorie VARCHAR,"
        + " toewijzingsdatum VARCHAR, ingangsdatum VARCHAR, einddatum VARCHAR, reden VARCHAR, file VARCHAR, pos VARCHAR)");
    exec("CREATE TABLE mut (bsn VARCHAR, soort VARCHAR, gemeente VARCHAR, nummer VARCHAR, categorie VARCHAR,"
        + " begindatum VARCHAR, einddatum VARCHAR, reden VARCHAR, status VARCHAR, file VARCHAR, pos VARCHAR)");
    exec("CREATE TABLE jw323 (bsn VARCHAR, gemeente VARCHAR, declaratienummer VARCHAR, referentienummer VARCHAR,"
        + " toewijzingnummer VARCHAR, categorie VARCHAR, periode_begin VARCHAR, bedrag VARCHAR, debet_credit VARCHAR,"
        + " file VARCHAR, pos VARCHAR)");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    DuckDBConnection dc = (DuckDBConnection) db;
    try (DuckDBAppender toew = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "toew");
        DuckDBAppender mut = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "mut");
        DuckDBAppender decl = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "jw323");
        Stream<Path> files = Files.list(input.resolve("ijw"))) {
      for (Path p : files.filter(x -> x.toString().endsWith(".xml")).sorted().toList()) {
        Document d = b.parse(p.toFile());
        Element root = d.getDocumentElement();
        String ns = root.getNamespaceURI();
        String type = ns.substring(ns.indexOf("/jw3") + 1, ns.indexOf("/jw3") + 6).toUpperCase();
        Element header = all(root, "Header").get(0);
        String file = p.getFileName().toString();
        switch (type) {
          case "JW301" -> {
            String gemeente = "GM" + path(header, "Afzender");
            for (Element c : all(root, "Client")) {
              String bsn = path(c, "Bsn");
              int i = 0;
              for (Element tp : all(c, "ToegewezenProduct")) {
                i++;
                row(toew, bsn, gemeente, path(tp, "ToewijzingNummer"), path(tp, "Product", "Categorie"),
                    path(tp, "Toewijzingsdatum"), path(tp, "Ingangsdatum"), path(tp, "Einddatum"),
                    path(tp, "RedenWijziging"), file, String.valueOf(i));
              }
            }
          }
          case "JW305", "JW307" -> {
            String gemeente = "GM" + path(header, "Ontvanger");
            for (Element c : all(root, "Client")) {
              String bsn = path(c, "Bsn");
              int i = 0;
              for (Element sp : all(c, type.equals("JW305") ? "StartProduct" : "StopProduct")) {
                i++;
                row(mut, bsn, type, gemeente, path(sp, "ToewijzingNummer"), path(sp, "Product", "Categorie"),
                    path(sp, "Begindatum"), path(sp, "Einddatum"), path(sp, "RedenBeeindiging"),
                    path(sp, "StatusAanlevering"), file, String.valueOf(i));
              }
            }
          }
          case "JW323" -> {
            String gemeente = "GM" + path(header, "Ontvanger");
            for (Element dcl : all(root, "Declaratie")) {
              String nummer = path(dcl, "DeclaratieNummer");
              for (Element c : all(dcl, "Client")) {
                String bsn = path(c, "Bsn");
                int i = 0;
                for (Element pr : all(c, "Prestatie")) {
                  i++;
                  row(decl, bsn, gemeente, nummer, path(pr, "ProductReferentie", "ReferentieNummer"),
                      path(pr, "ToewijzingNummer"), path(pr, "ProductCategorie"),
                      path(pr, "ProductPeriode", "Begindatum"), path(pr, "IngediendBedrag", "Bedrag"),
                      path(pr, "IngediendBedrag", "DebetCredit"), file, String.valueOf(i));
                }
              }
            }
          }
          default -> throw new AssertionError("unexpected message type " + type + " in " + file);
        }
      }
    }
    assertTrue(count("SELECT count(*) FROM toew") > 100, "JW301 products loaded");
    assertTrue(count("SELECT count(*) FROM mut") > 100, "JW305/JW307 products loaded");
    assertTrue(count("SELECT count(*) FROM jw323") > 100, "JW323 prestaties loaded");
  }

  static void loadCsvAndConf() throws Exception {
    Path conf = confDir().resolve("hulpvorm-mapping.csv");
    exec("CREATE TABLE regs AS SELECT * FROM read_csv('" + input.resolve("registraties") + "/*.csv',"
        + " delim=';', header=true, all_varchar=true, quote='\"')");
    exec("CREATE TABLE declcsv AS SELECT * FROM read_csv('" + input.resolve("declaraties") + "/*.csv',"
        + " delim=';', header=true, all_varchar=true, quote='\"', filename=true)");
    exec("CREATE TABLE financien AS SELECT * FROM read_csv('" + input.resolve("financien") + "/*.csv',"
        + " delim=';', header=true, all_varchar=true)");
    // conf: skip the '#' comment lines, then the header line 'jz020;omschrijving;...'
    exec("CREATE TABLE mapping AS SELECT column0 AS jz020, column2 AS hulpvorm, column3 AS zorgsoort FROM read_csv('"
        + conf + "', delim=';', header=false, all_varchar=true, comment='#', skip=0)"
        + " WHERE column0 <> 'jz020'");
    assertEquals(24, count("SELECT count(*) FROM mapping"), "hulpvorm mapping rows (31-38, 40-55)");
  }

  static Path confDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("conf/hulpvorm-mapping.csv"))) return p.resolve("conf");
    }
    throw new AssertionError("conf/hulpvorm-mapping.csv not found");
  }

  // ---------------------------------------------------------------------------------------------
  // The oracle, in SQL
  // ---------------------------------------------------------------------------------------------

  static final String D = "coalesce(try_strptime(%s, '%%Y-%%m-%%d'), try_strptime(%s, '%%d-%%m-%%Y'))::DATE";

  static String date(String col) {
    return String.format(D, col, col);
  }

  static void buildOracle() throws Exception {
    // periods of the run
    exec("CREATE TABLE periods AS SELECT * FROM (VALUES"
        + " ('2022H1', DATE '2022-01-01', DATE '2022-06-30'), ('2022H2', DATE '2022-07-01', DATE '2022-12-31'),"
        + " ('2023H1', DATE '2023-01-01', DATE '2023-06-30'), ('2023H2', DATE '2023-07-01', DATE '2023-12-31'))"
        + " p(periode, pstart, pend)");

    // all declaration lines of both sources, with cents
    exec("CREATE TABLE decl AS"
        + " SELECT bsn, gemeente, declaratienummer, referentienummer, toewijzingnummer, categorie,"
        + "   " + date("periode_begin") + " AS periode_begin, CAST(bedrag AS BIGINT) AS cents, debet_credit,"
        + "   0 AS src_order, file, CAST(pos AS INTEGER) AS pos"
        + " FROM jw323"
        + " UNION ALL"
        + " SELECT trim(bsn), gemeentecode, declaratienummer, referentienummer, nullif(toewijzingnummer, ''),"
        + "   productcategorie, " + date("periode_begin") + ","
        + "   CAST(round(CAST(replace(bedrag, ',', '.') AS DECIMAL(18,2)) * 100) AS BIGINT), debet_credit,"
        + "   1, filename, 0"
        + " FROM declcsv");

    // local-team episodes
    exec("CREATE TABLE lt_ep AS"
        + " SELECT trim(bsn) AS bsn, 'lokaal_team' AS bron, '01' AS hulpvorm, 'jeugdhulp' AS zorgsoort,"
        + "   gemeentecode AS gemeente, " + date("startdatum") + " AS s, " + date("einddatum") + " AS e,"
        + "   registratie_id AS ord, false AS verhuisd"
        + " FROM regs WHERE soort = 'lokaal_team' AND startdatum IS NOT NULL"
        + "   AND (einddatum IS NULL OR " + date("einddatum") + " >= " + date("startdatum") + ")");

    // latest version of each toewijzing per person (greatest Toewijzingsdatum, then a changed version;
    // SEMANTICS: ties -> later file)
    exec("CREATE TABLE toew_latest AS"
        + " SELECT * EXCLUDE (rn) FROM ("
        + "   SELECT *, row_number() OVER (PARTITION BY bsn, nummer ORDER BY " + date("toewijzingsdatum")
        + "     DESC NULLS LAST, (reden IS NOT NULL) DESC, file DESC, CAST(pos AS INTEGER) DESC) AS rn FROM toew) WHERE rn = 1");

    // start/stop per (person, toewijzing): a withdrawal (status 3) cancels one earlier message with the same
    // key (SEMANTICS: the first in file order) and does not count itself; a JW307 without einddatum or
    // ending before its begin is rejected by the pipeline and counts for nothing here either
    exec("CREATE TABLE mut_ok AS"
        + " WITH k AS (SELECT *, soort || '|' || nummer || '|' || begindatum || '|'"
        + "     || CASE WHEN soort = 'JW307' THEN coalesce(einddatum, '') ELSE '' END AS mkey FROM mut),"
        + " orig AS (SELECT *, row_number() OVER (PARTITION BY bsn, mkey ORDER BY file, CAST(pos AS INTEGER)) AS n"
        + "     FROM k WHERE coalesce(status, '') <> '3'),"
        + " wd AS (SELECT bsn, mkey, count(*) AS w FROM k WHERE status = '3' GROUP BY ALL)"
        + " SELECT o.* EXCLUDE (mkey, n), " + date("o.begindatum") + " AS b, " + date("o.einddatum") + " AS en"
        + " FROM orig o LEFT JOIN wd ON wd.bsn = o.bsn AND wd.mkey = o.mkey"
        + " WHERE o.n > coalesce(wd.w, 0)"
        + "   AND (o.soort = 'JW305' OR (o.einddatum IS NOT NULL AND " + date("o.einddatum") + " >= " + date("o.begindatum") + "))");
    exec("CREATE TABLE mut_agg AS"
        + " SELECT bsn, nummer,"
        + "   min(b) FILTER (WHERE soort = 'JW305') AS s305,"
        + "   min(b) FILTER (WHERE soort = 'JW307') AS s307,"
        + "   max(en) FILTER (WHERE soort = 'JW307') AS e307,"
        + "   arg_max(reden, en) FILTER (WHERE soort = 'JW307') AS r307,"
        + "   arg_min(categorie, file || '#' || lpad(pos, 6, '0')) AS first_cat,"
        + "   arg_min(gemeente, file || '#' || lpad(pos, 6, '0')) AS first_gemeente"
        + " FROM mut_ok GROUP BY bsn, nummer");
    exec("CREATE TABLE first_decl AS SELECT bsn, toewijzingnummer AS nummer, min(periode_begin) AS fd"
        + " FROM decl WHERE toewijzingnummer IS NOT NULL GROUP BY ALL");

    // iJw episodes: one per received toewijzing with a care form, plus start/stop for a toewijzing never received
    exec("CREATE TABLE ijw_ep AS"
        + " WITH t AS ("
        + "   SELECT t.bsn, m.hulpvorm, m.zorgsoort, t.gemeente,"
        + "     coalesce(a.s305, a.s307, f.fd) AS s,"
        + "     CASE WHEN a.e307 IS NOT NULL THEN a.e307 ELSE " + date("t.einddatum") + " END AS e,"
        + "     t.file || '#' || lpad(t.pos, 6, '0') AS ord,"
        + "     coalesce(t.reden = '07', false) OR coalesce(a.r307 = '35', false) AS verhuisd"
        + "   FROM toew_latest t JOIN mapping m ON m.jz020 = t.categorie"
        + "   LEFT JOIN mut_agg a ON a.bsn = t.bsn AND a.nummer = t.nummer"
        + "   LEFT JOIN first_decl f ON f.bsn = t.bsn AND f.nummer = t.nummer"
        + "   WHERE m.hulpvorm <> 'GEEN')"
        + " SELECT bsn, 'ijw' AS bron, hulpvorm, zorgsoort, gemeente, s, CASE WHEN e < s THEN s ELSE e END AS e, ord,"
        + "   verhuisd"
        + " FROM t WHERE s IS NOT NULL"
        + " UNION ALL"
        + " SELECT a.bsn, 'ijw', m.hulpvorm, m.zorgsoort, a.first_gemeente, coalesce(a.s305, a.s307), a.e307,"
        + "   'zzz' || a.nummer, coalesce(a.r307 = '35', false)"
        + " FROM mut_agg a JOIN mapping m ON m.jz020 = a.first_cat"
        + " WHERE m.hulpvorm <> 'GEEN' AND coalesce(a.s305, a.s307) IS NOT NULL"
        + "   AND NOT EXISTS (SELECT 1 FROM toew_latest t WHERE t.bsn = a.bsn AND t.nummer = a.nummer)");

    // gaps and islands: an episode starts a new trajectory when it starts after the running end of all
    // earlier episodes (same person, bron, hulpvorm; open end = infinitely late), unless the episode holding
    // that end ended for a move and this one is in another gemeente, at most 31 days later
    exec("CREATE TABLE ep_flagged AS"
        + " WITH ep AS (SELECT * FROM lt_ep UNION ALL SELECT * FROM ijw_ep),"
        + " ordered AS ("
        + "   SELECT *, max(coalesce(e, DATE '9999-12-31')) OVER w AS prev_end,"
        + "     arg_max(verhuisd, coalesce(e, DATE '9999-12-31')) OVER w AS prev_verhuisd,"
        + "     arg_max(gemeente, coalesce(e, DATE '9999-12-31')) OVER w AS prev_gemeente FROM ep"
        + "   WINDOW w AS (PARTITION BY bsn, bron, hulpvorm ORDER BY s, e NULLS LAST, ord"
        + "     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))"
        + " SELECT *, sum(CASE WHEN prev_end IS NULL OR (s > prev_end AND NOT (prev_verhuisd AND gemeente <> prev_gemeente"
        + "       AND s <= prev_end + INTERVAL 31 DAY)) THEN 1 ELSE 0 END)"
        + "     OVER (PARTITION BY bsn, bron, hulpvorm ORDER BY s, e NULLS LAST, ord ROWS UNBOUNDED PRECEDING) AS island,"
        + "   prev_end IS NULL OR coalesce(e, DATE '9999-12-31') > prev_end AS extends"
        + " FROM ordered");
    exec("CREATE TABLE traj AS"
        + " SELECT bsn, bron, hulpvorm, island, any_value(zorgsoort) AS zorgsoort,"
        + "   min(s) AS s, CASE WHEN bool_or(e IS NULL) THEN NULL ELSE max(e) END AS e"
        + " FROM ep_flagged GROUP BY bsn, bron, hulpvorm, island");
    // responsibility segments: an end-extending episode's gemeente from its start to the next one's start - 1
    exec("CREATE TABLE seg AS"
        + " SELECT bsn, bron, hulpvorm, island, gemeente, s AS gs,"
        + "   lead(s) OVER (PARTITION BY bsn, bron, hulpvorm, island ORDER BY s, e NULLS LAST, ord) - INTERVAL 1 DAY AS ge"
        + " FROM ep_flagged WHERE extends");
    exec("DELETE FROM seg WHERE ge IS NOT NULL AND ge < gs");
    // per period: running in every gemeente responsible on a day of care in the period (ru = 1), started where
    // responsible on s (st = 1), ended where responsible on e (en = 1)
    exec("CREATE TABLE traj_per AS"
        + " SELECT t.*, p.periode, p.pstart, p.pend, g.gemeente,"
        + "   (g.gs <= least(p.pend, coalesce(t.e, p.pend)) AND (g.ge IS NULL OR g.ge >= greatest(p.pstart, t.s))) AS ru,"
        + "   (g.gs <= t.s AND (g.ge IS NULL OR g.ge >= t.s)) AS st,"
        + "   (t.e IS NOT NULL AND g.gs <= t.e AND (g.ge IS NULL OR g.ge >= t.e)) AS en"
        + " FROM traj t CROSS JOIN periods p JOIN seg g ON g.bsn = t.bsn AND g.bron = t.bron AND g.hulpvorm = t.hulpvorm"
        + "   AND g.island = t.island");

    // the expected cells
    exec("CREATE TABLE expected (indicator VARCHAR, periode VARCHAR, gemeente VARCHAR, hulpvorm VARCHAR, v DOUBLE)");
    // 1. young people with an iJw trajectory overlapping the period, per hulpvorm and totaal
    exec("INSERT INTO expected"
        + " SELECT 'jongeren_specialistisch', t.periode, t.gemeente, coalesce(t.hulpvorm, 'totaal'), count(DISTINCT t.bsn)"
        + " FROM traj_per t WHERE t.s <= t.pend AND (t.e IS NULL OR t.e >= t.pstart) AND t.ru"
        + " AND t.bron = 'ijw'"
        + " GROUP BY GROUPING SETS ((t.periode, t.gemeente, t.hulpvorm), (t.periode, t.gemeente))");
    // 2. trajectories started / ended in the period
    exec("INSERT INTO expected"
        + " SELECT 'trajecten_gestart', t.periode, t.gemeente, coalesce(t.hulpvorm, 'totaal'), count(*)"
        + " FROM traj_per t WHERE t.s BETWEEN t.pstart AND t.pend AND t.st"
        + " GROUP BY GROUPING SETS ((t.periode, t.gemeente, t.hulpvorm), (t.periode, t.gemeente))");
    exec("INSERT INTO expected"
        + " SELECT 'trajecten_beeindigd', t.periode, t.gemeente, coalesce(t.hulpvorm, 'totaal'), count(*)"
        + " FROM traj_per t WHERE t.e BETWEEN t.pstart AND t.pend AND t.en"
        + " GROUP BY GROUPING SETS ((t.periode, t.gemeente, t.hulpvorm), (t.periode, t.gemeente))");
    // 3. net declared euros: each prestatie once (JW323 copy preferred), credits negative
    exec("INSERT INTO expected"
        + " WITH once AS ("
        + "   SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY bsn, declaratienummer, referentienummer,"
        + "     debet_credit ORDER BY src_order, file, pos) AS rn FROM decl) WHERE rn = 1)"
        + " SELECT 'kosten_netto', p.periode, o.gemeente, 'totaal',"
        + "   sum(CASE WHEN o.debet_credit = 'C' THEN -o.cents ELSE o.cents END) / 100.0"
        + " FROM once o JOIN periods p ON o.periode_begin BETWEEN p.pstart AND p.pend"
        + " GROUP BY p.periode, o.gemeente");

    // 4. municipal finance table: lasten jeugd = Iv3 taakvelden 6.72 + 6.82 per gemeente and year
    exec("INSERT INTO expected"
        + " SELECT 'lasten_jeugd', jaar, gemeente, 'totaal',"
        + "   round(sum(CAST(replace(bedrag, ',', '.') AS DECIMAL(18,2))))"
        + " FROM financien WHERE post IN ('6.72', '6.82') AND jaar IN ('2022', '2023') GROUP BY jaar, gemeente");

    // the cube side: every dimension other than gemeente, periode and hulpvorm at 'totaal'
    exec("CREATE TABLE cube AS SELECT * FROM read_parquet('" + output.resolve("internal/cube")
        + "/**/*.parquet', hive_partitioning=true, union_by_name=true)");
  }

  // ---------------------------------------------------------------------------------------------
  // Comparison
  // ---------------------------------------------------------------------------------------------

  /** Compares the oracle with the cube for one indicator; returns the number of cells compared. */
  static long compare(String indicator, String valueColumn, double tolerance) throws SQLException {
    String sql = "WITH c AS ("
        + "   SELECT periode, gemeente_code AS gemeente, hulpvorm, " + valueColumn + " AS v FROM cube"
        + "   WHERE indicator = '" + indicator + "' AND gemeente_code LIKE 'GM%'"
        + "     AND leeftijdsklasse = 'totaal' AND geslacht = 'totaal' AND verwijzer = 'totaal'"
        + "     AND productcategorie = 'totaal'),"
        + " e AS (SELECT periode, gemeente, hulpvorm, v FROM expected WHERE indicator = '" + indicator + "')"
        + " SELECT coalesce(e.periode, c.periode) AS periode, coalesce(e.gemeente, c.gemeente) AS gemeente,"
        + "   coalesce(e.hulpvorm, c.hulpvorm) AS hulpvorm, e.v AS oracle, c.v AS cube"
        + " FROM e FULL OUTER JOIN c USING (periode, gemeente, hulpvorm)"
        + " ORDER BY 1, 2, 3";
    long cells = 0;
    List<String> diffs = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        cells++;
        double o = rs.getDouble("oracle");
        double c = rs.getDouble("cube");
        if (Math.abs(o - c) > tolerance) {
          diffs.add(rs.getString("periode") + " " + rs.getString("gemeente") + " " + rs.getString("hulpvorm")
              + ": oracle " + o + " cube " + c);
        }
      }
    }
    System.out.println("[oracle] " + indicator + ": " + cells + " cells compared, " + diffs.size() + " differ");
    assertTrue(diffs.isEmpty(), indicator + ": " + diffs.size() + " of " + cells + " cells differ, e.g. "
        + diffs.subList(0, Math.min(10, diffs.size())));
    return cells;
  }

  @Test
  void inputsAreCleanAndComplete() throws SQLException {
    // every BSN the oracle groups by is a valid 9-digit BSN (eleven-test), so the pipeline rejected none
    String bsns = "SELECT bsn FROM toew UNION ALL SELECT bsn FROM mut UNION ALL SELECT bsn FROM jw323"
        + " UNION ALL SELECT trim(bsn) FROM regs UNION ALL SELECT trim(bsn) FROM declcsv";
    String eleven = "(" + String.join(" + ", List.of(
        "9*CAST(substr(bsn,1,1) AS INT)", "8*CAST(substr(bsn,2,1) AS INT)", "7*CAST(substr(bsn,3,1) AS INT)",
        "6*CAST(substr(bsn,4,1) AS INT)", "5*CAST(substr(bsn,5,1) AS INT)", "4*CAST(substr(bsn,6,1) AS INT)",
        "3*CAST(substr(bsn,7,1) AS INT)", "2*CAST(substr(bsn,8,1) AS INT)", "-CAST(substr(bsn,9,1) AS INT)")) + ")";
    assertEquals(0, count("SELECT count(*) FROM (" + bsns + ") WHERE bsn IS NULL OR NOT regexp_full_match(bsn, '[0-9]{9}')"
        + " OR " + eleven + " % 11 <> 0"), "no invalid BSN in the defect-free input");
    assertTrue(count("SELECT count(DISTINCT bsn) FROM (" + bsns + ")") > 100, "many people");
    // no unmapped category; the patterns of real data are there (withdrawals, changed toewijzingen, moves)
    assertTrue(count("SELECT count(*) FROM traj") > 200, "trajectories built: " + count("SELECT count(*) FROM traj"));
    assertEquals(0, count("SELECT count(*) FROM toew t WHERE NOT EXISTS (SELECT 1 FROM mapping m WHERE m.jz020 = t.categorie)"));
    assertTrue(count("SELECT count(*) FROM mut WHERE status = '3'") > 0, "withdrawn starts/stops in the input");
    assertTrue(count("SELECT count(*) FROM toew WHERE reden = '07'") > 0, "moves in the input");
    assertTrue(count("SELECT count(*) FROM toew WHERE reden IN ('04', '05')") > 0, "changed toewijzingen in the input");
  }

  @Test
  void theRunSummaryCountsWhatWasWritten() throws SQLException {
    org.junit.jupiter.api.Assumptions.assumeTrue(summary != null, "only for the run this test makes");
    String tables = "read_parquet('" + output.resolve("tables") + "/*/*/*/*.parquet')";
    long published = count("SELECT count(*) FROM " + tables);
    assertTrue(published > 1000, "table rows: " + published);
    assertEquals(published, summary.get("marts.tables.rows"), "summary 'rows written' = rows in the published tables");
    assertEquals(count("SELECT count(*) FROM cube"), summary.get("marts.internal.rows"), "internal cube rows");
    assertEquals(published, count("SELECT count(*) FROM " + tables + " WHERE onderdrukt") + summary.get("marts.tables.published"),
        "published + suppressed");
  }

  @Test
  void youngPeopleWithSpecialistCareAgree() throws SQLException {
    assertTrue(compare("jongeren_specialistisch", "teller", 0) > 20);
  }

  @Test
  void trajectoriesStartedAgree() throws SQLException {
    assertTrue(compare("trajecten_gestart", "teller", 0) > 20);
  }

  @Test
  void trajectoriesEndedAgree() throws SQLException {
    assertTrue(compare("trajecten_beeindigd", "teller", 0) > 20);
  }

  @Test
  void netCostsAgree() throws SQLException {
    assertTrue(compare("kosten_netto", "waarde", 0.5) >= 4);
  }

  @Test
  void municipalLastenAgree() throws SQLException {
    // 8 gemeenten x 2 full years, whole euros
    assertEquals(16, compare("lasten_jeugd", "waarde", 0));
  }

  // ---------------------------------------------------------------------------------------------
  // The ready queries of docs/queries (issue 12) on this generated, published output. Each result row
  // is checked against the internal (true) cube through the published rule of docs/disclosure.md, worked
  // out here independently of marts/PublishedValues: a count is published rounded to 5 (half up), a rate
  // over the population from the rounded teller, a share from both rounded counts, an amount per client over
  // the rounded clients; a suppressed row has no value.
  // ---------------------------------------------------------------------------------------------

  /** A row of the true cube: teller, noemer, waarde, cbs_status. */
  record True(Double teller, Double noemer, Double waarde, String status) {}

  /** The true cube rows of an indicator for the GM gemeenten, keyed gemeente|periode|dimension of the breakdown. */
  static java.util.Map<String, True> truth(String indicator, String breakdown) throws SQLException {
    java.util.Map<String, True> m = new java.util.HashMap<>();
    List<String> totaal = new ArrayList<>(List.of("leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie"));
    totaal.remove(breakdown);
    String sql = "SELECT gemeente_code, periode, " + (breakdown == null ? "'totaal'" : breakdown)
        + ", teller, noemer, waarde, cbs_status FROM cube WHERE indicator = '" + indicator + "' AND gemeente_code LIKE 'GM%'";
    for (String d : totaal) sql += " AND " + d + " = 'totaal'";
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        m.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
            new True(num(rs, 4), num(rs, 5), num(rs, 6), rs.getString(7)));
      }
    }
    return m;
  }

  static Double num(ResultSet rs, int i) throws SQLException {
    Object o = rs.getObject(i);
    return o == null ? null : ((Number) o).doubleValue();
  }

  /** A count as published: rounded half up to a multiple of 5 (12 -> 10, 13 -> 15). */
  static double r5(double v) {
    return Math.floorDiv(Math.round(v) + 2, 5) * 5.0;
  }

  /** Rounded half up to d decimals, as an outsider recomputes it. */
  static double dec(double v, int d) {
    return new java.math.BigDecimal(Double.toString(v)).setScale(d, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** The rows of a docs/queries file run from the output folder, each a column -> value map. */
  static List<java.util.Map<String, Object>> docQuery(String file) throws Exception {
    String sql = Files.readString(Path.of("..", "docs", "queries", file), StandardCharsets.UTF_8);
    List<java.util.Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET file_search_path = '" + output.toAbsolutePath() + "'");
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          java.util.Map<String, Object> r = new java.util.HashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) r.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          rows.add(r);
        }
      }
    }
    System.out.println("[queries] " + file + ": " + rows.size() + " rows");
    return rows;
  }

  static Double d(java.util.Map<String, Object> row, String col) {
    Object o = row.get(col);
    return o == null ? null : ((Number) o).doubleValue();
  }

  /** Checks one published value against the true row; returns 1 when a value was published (0 when suppressed). */
  static int check(String what, Double published, boolean suppressed, True t, java.util.function.Function<True, Double> rule) {
    if (suppressed) {
      assertEquals(null, published, what + ": a suppressed row has no value (never 0)");
      return 0;
    }
    assertEquals(rule.apply(t), published, what + ": true " + t);
    return 1;
  }

  @Test
  void query01YoungPeopleWithCarePer1000() throws Exception {
    java.util.Map<String, True> truth = truth("jongeren_jeugdhulp_per1000", null);
    List<java.util.Map<String, Object>> rows = docQuery("01-jeugdhulp-per-1000.sql");
    assertEquals(truth.size(), rows.size(), "one row per gemeente x periode (half-years and full years) of the run");
    int published = 0;
    for (java.util.Map<String, Object> r : rows) {
      True t = truth.get(r.get("gemeente_code") + "|" + r.get("periode") + "|totaal");
      boolean suppressed = (Boolean) r.get("onderdrukt");
      if (t.teller() >= 1 && t.teller() <= 7) assertTrue(suppressed, "1..7 is always suppressed: " + r);
      published += check("01 " + r, d(r, "per_1000"), suppressed, t, x -> dec(1000 * r5(x.teller()) / x.noemer(), 1));
    }
    assertTrue(published > 0, "some figures published");
  }

  @Test
  void query02OwnFigureAgainstCbsAndTheNetherlands() throws Exception {
    java.util.Map<String, True> own = truth("jongeren_jeugdhulp_pct", null);
    java.util.Map<String, True> cbs = truth("jongeren_jeugdhulp_pct_cbs", null);
    java.util.Map<String, True> nl = truth("jongeren_jeugdhulp_pct_nl", null);
    List<java.util.Map<String, Object>> rows = docQuery("02-tegen-cbs-en-nederland.sql");
    assertTrue(rows.size() >= 8 * 4, "8 gemeenten x at least 4 half-years: " + rows.size());
    int published = 0;
    for (java.util.Map<String, Object> r : rows) {
      String k = r.get("gemeente_code") + "|" + r.get("periode") + "|totaal";
      Double eigen = d(r, "eigen_pct");
      published += check("02 eigen " + r, eigen, eigen == null, own.get(k), x -> dec(100 * r5(x.teller()) / x.noemer(), 1));
      // the CBS figures are public: published as CBS gives them, with the status of CBS's period
      assertEquals(cbs.get(k).waarde(), d(r, "cbs_pct"), "02 cbs " + k);
      assertEquals(nl.get(k).waarde(), d(r, "nederland_pct"), "02 nl " + k);
      assertEquals(cbs.get(k).status(), r.get("cbs_status"), "02 status " + k);
      assertTrue(List.of("voorlopig", "nader voorlopig", "definitief", "onbekend", "n.v.t.").contains(r.get("cbs_status")), k);
    }
    assertTrue(published > 0, "some figures published");
  }

  /**
   * A query with one row per gemeente x periode x value of a breakdown (its 'totaal' rows left out): every row
   * checked against the true cube by the rule; returns the number of values published.
   */
  static int checkBreakdownQuery(String file, String indicator, String breakdown, String valueColumn,
      java.util.function.Function<True, Double> rule) throws Exception {
    java.util.Map<String, True> truth = truth(indicator, breakdown);
    List<java.util.Map<String, Object>> rows = docQuery(file);
    long expected = truth.keySet().stream().filter(k -> !k.endsWith("|totaal")).count();
    assertEquals(expected, rows.size(), file + ": one row per gemeente x periode x " + breakdown);
    int published = 0;
    for (java.util.Map<String, Object> r : rows) {
      True t = truth.get(r.get("gemeente_code") + "|" + r.get("periode") + "|" + r.get(breakdown));
      published += check(file + " " + r, d(r, valueColumn), (Boolean) r.get("onderdrukt"), t, rule);
    }
    System.out.println("[queries] " + file + ": " + published + " values published");
    return published;
  }

  @Test
  void query03ReferrerMix() throws Exception {
    // at scale 0.05 a gemeente starts a handful of specialist trajectories per verwijzer in a half-year: the
    // shares may all be suppressed; the values are then checked to be absent, never 0
    checkBreakdownQuery("03-verwijzers.sql", "specialist_gestart_verwijzer_aandeel", "verwijzer", "aandeel_pct",
        x -> dec(100 * r5(x.teller()) / r5(x.noemer()), 1));
  }

  @Test
  void query04LocalTeamToSpecialistCare() throws Exception {
    java.util.Map<String, True> started = truth("lokaal_gestart", "hulpvorm");
    java.util.Map<String, True> within12 = truth("lokaal_gestart_specialist_12m_pct", "hulpvorm");
    List<java.util.Map<String, Object>> rows = docQuery("04-lokaal-naar-specialist.sql");
    assertTrue(rows.size() >= 8 * 4, "8 gemeenten x at least 4 half-years: " + rows.size());
    int published = 0;
    for (java.util.Map<String, Object> r : rows) {
      String k = r.get("gemeente_code") + "|" + r.get("periode") + "|totaal";
      Double n = d(r, "lokaal_gestart");
      published += check("04 gestart " + r, n, n == null, started.get(k), x -> r5(x.teller()));
      Double pct = d(r, "specialist_binnen_12m_pct");
      // no 12-month cell: none of them had specialist care within 12 months, published as 0 %
      True t12 = within12.getOrDefault(k, new True(0.0, started.get(k).teller(), 0.0, "n.v.t."));
      published += check("04 12m " + r, pct, pct == null, t12, x -> dec(100 * r5(x.teller()) / r5(x.noemer()), 1));
      if (n == null || pct == null) assertTrue((Boolean) r.get("iets_onderdrukt"), "a missing figure is a suppressed one: " + r);
    }
    assertTrue(published > 0, "some figures published");
  }

  @Test
  void query05CostPerClientByHulpvorm() throws Exception {
    // euros over the ROUNDED number of clients, whole euros (docs/disclosure.md)
    assertTrue(checkBreakdownQuery("05-kosten-per-client-hulpvorm.sql", "kosten_per_client", "hulpvorm", "euro_per_client",
        x -> dec(x.teller() / r5(x.noemer()), 0)) > 0, "some amounts published");
  }

  @Test
  void query06AgainstTheReferenceGroup() throws Exception {
    java.util.Map<String, True> own = truth("jongeren_jeugdhulp_pct", null);
    java.util.Map<String, True> ref = truth("jongeren_jeugdhulp_pct_refgroep", null);
    List<java.util.Map<String, Object>> rows = docQuery("06-referentiegroep.sql");
    assertTrue(rows.size() >= 8 * 4, "8 gemeenten x at least 4 half-years: " + rows.size());
    for (java.util.Map<String, Object> r : rows) {
      String k = r.get("gemeente_code") + "|" + r.get("periode") + "|totaal";
      Double eigen = d(r, "eigen_pct");
      check("06 eigen " + r, eigen, eigen == null, own.get(k), x -> dec(100 * r5(x.teller()) / x.noemer(), 1));
      assertEquals(ref.get(k).waarde(), d(r, "referentiegroep_pct"), "06 refgroep " + k);
      assertTrue(r.get("naam") instanceof String n && !n.isBlank(), "gemeente name from dimensions/gemeente.parquet");
    }
  }
}
