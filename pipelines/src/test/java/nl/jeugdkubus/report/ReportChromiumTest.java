package nl.jeugdkubus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdkubus.common.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a hand-made published output ({@link HandMadeTables}) read back from Parquet, rendered in
 * headless Chromium (/usr/bin/chromium; skipped only when it is absent): screenshots of the region page and
 * Aalten's page into target/report-screenshots/, the DOM Chromium built checked for every expected chart with
 * its data, no console message (the pages have no script, so any message is an error such as a CSP
 * violation), and no network request: every host resolves to nothing and Chromium's proxy is a local socket
 * that counts connections. A control page with an external image proves both detectors can fire.
 */
class ReportChromiumTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "report-screenshots");

  @TempDir
  static Path dir;
  static Path report;
  static ServerSocket proxy;
  /** The first line of every request the proxy received (e.g. "CONNECT host:443 HTTP/1.1"). */
  static final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Aalten's page: chart id -> drawn points (class punt) or segments, worked out from HandMadeTables. */
  static final Map<String, Integer> AALTEN = new LinkedHashMap<>();

  static {
    AALTEN.put("jeugdhulp-per1000", 7); // Aalten 3 (2023H2 suppressed) + region 4
    AALTEN.put("jeugdbescherming-per1000", 8);
    AALTEN.put("jeugdreclassering-per1000", 8);
    AALTEN.put("verblijf-per1000", 16); // 4 series x 4 half-years
    AALTEN.put("benchmark-jeugdhulp", 16); // own, CBS, NL, refgroep
    AALTEN.put("index-jeugdhulp", 8);
    AALTEN.put("verwijzers", 11); // 3 verwijzers x 4 half-years, one suppressed
    AALTEN.put("preventie-gestart", 4);
    AALTEN.put("preventie-doorstroom", 8);
    AALTEN.put("trajecten", 8);
    AALTEN.put("beeindigd-reden", 12);
    AALTEN.put("kosten-per-client", 8);
    AALTEN.put("kosten-per-jeugdige", 8);
    AALTEN.put("wachttijd-aanmelding", 8);
    AALTEN.put("wachttijd-toewijzing", 8);
  }

  @BeforeAll
  static void writeReport() throws Exception {
    Path out = HandMadeTables.write(dir.resolve("out"));
    RunSummary summary = new RunSummary(Map.of("staging.registraties.records", 1234L, "staging.registraties.dead", 5L,
        "deadletters.registraties.MISSING_FIELD", 5L));
    HtmlReport.write(out, null, summary);
    report = out.resolve("report");
    proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!proxy.isClosed()) {
        try (Socket s = proxy.accept()) {
          s.setSoTimeout(2000);
          InputStream in = s.getInputStream();
          byte[] buf = new byte[1024];
          int n = in.read(buf);
          String first = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
          requests.add(first);
        } catch (IOException e) {
          // closed, or the client went away
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void closeProxy() throws IOException {
    proxy.close();
  }

  @Test
  void thePagesFromTheParquetTablesHaveEveryChartWithItsData() throws IOException {
    String aalten = Files.readString(report.resolve("GM0197.html"));
    for (Map.Entry<String, Integer> e : AALTEN.entrySet()) assertEquals(e.getValue(), drawn(aalten, e.getKey()), e.getKey());
    assertEquals(1, count(figure(aalten, "jeugdhulp-per1000"), "class=\"onderdrukt\""));
    assertEquals(1, count(figure(aalten, "verwijzers"), "class=\"onderdrukt\""));
    assertTrue(figure(aalten, "verwijzers").contains("Huisarts"), "verwijzer labels from conf/verwijzers.csv");
    assertTrue(figure(aalten, "benchmark-jeugdhulp").contains("CBS 85098NED (status: voorlopig)"));
    // Aalten 2024H2 kosten per client 9000 + 0 + 3 = 9003 -> "€ 9.003" in its tooltip
    assertTrue(figure(aalten, "kosten-per-client").contains("Aalten, 2024 2e halfjaar: € 9.003"));
    String index = Files.readString(report.resolve("index.html"));
    assertEquals(7, drawn(index, "sm-jeugdhulp-GM0197"));
    assertEquals(8, drawn(index, "sm-jeugdhulp-GM1859"));
    assertTrue(index.contains("<td>registraties</td><td class=\"getal\">1.234</td><td class=\"getal\">5</td>"), index);
    assertTrue(index.contains("<td>registraties.MISSING_FIELD</td><td class=\"getal\">5</td>"));
    // open local cases without end date, 2024H2: Aalten 3 + 0 + 3 = 6, Berkelland 3 + 10 + 3 = 16
    assertTrue(index.contains("<td>Aalten</td><td class=\"getal\">6</td>") && index.contains("<td>Berkelland</td><td class=\"getal\">16</td>"));
    assertTrue(index.contains("handmade-1"));
    assertTrue(Files.isRegularFile(report.resolve("GM1859.html")));
  }

  @Test
  void chromiumRendersTheRegionPageAndAGemeentePageOffline() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    Files.createDirectories(SHOTS);
    int before = requests.size();
    Run region = chromium(report.resolve("index.html"), SHOTS.resolve("index.png"));
    Run gemeente = chromium(report.resolve("GM0197.html"), SHOTS.resolve("GM0197.png"));
    for (Run r : List.of(region, gemeente)) {
      assertEquals(0, r.exit(), r.stderr());
      assertTrue(r.dom().contains("</svg>"), r.dom());
      assertFalse(r.stderr().contains("CONSOLE"), r.stderr());
    }
    for (Map.Entry<String, Integer> e : AALTEN.entrySet()) assertEquals(e.getValue(), drawn(gemeente.dom(), e.getKey()), e.getKey());
    assertEquals(7, drawn(region.dom(), "sm-jeugdhulp-GM0197"));
    assertTrue(region.dom().contains("id=\"datakwaliteit\""));
    assertEquals(List.of(), pageRequests(before), "no network request");
    for (String shot : List.of("index.png", "GM0197.png")) {
      assertTrue(Files.size(SHOTS.resolve(shot)) > 10_000, shot + " is a real screenshot");
    }
  }

  @Test
  void theDetectorsSeeAnExternalResource() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    // without the policy the image is fetched (through the counting proxy); with it, Chromium refuses and says so
    Path open = dir.resolve("open.html");
    Files.writeString(open, "<!DOCTYPE html><html><body><img src=\"http://report.invalid/x.png\"></body></html>");
    int before = requests.size();
    chromium(open, dir.resolve("open.png"));
    assertEquals(List.of("GET http://report.invalid/x.png HTTP/1.1"), pageRequests(before), "the proxy sees the page's request");
    String gemeente = Files.readString(report.resolve("GM0197.html"));
    Path closed = dir.resolve("closed.html");
    Files.writeString(closed, gemeente.replace("</body>", "<img src=\"http://report.invalid/x.png\"></body>"));
    Run r = chromium(closed, dir.resolve("closed.png"));
    assertTrue(r.stderr().contains("CONSOLE") && r.stderr().contains("Content Security Policy"), r.stderr());
  }

  /**
   * The requests since index {@code from} that are not Chromium's own background traffic to Google services
   * (time sync, accounts, component updates, which the flags switch off only in part; any other host counts): what a page asked for.
   */
  static List<String> pageRequests(int from) {
    synchronized (requests) {
      System.out.println("proxy requests: " + requests.subList(from, requests.size()));
      return requests.subList(from, requests.size()).stream().filter(r -> !BROWSER_SERVICE.matcher(r).find()).distinct().toList();
    }
  }

  static final Pattern BROWSER_SERVICE = Pattern.compile(
      "^(CONNECT |[A-Z]+ http://)([a-z0-9-]+\\.)*(google\\.com|googleapis\\.com|gvt1\\.com|gstatic\\.com)[:/]");

  record Run(int exit, String dom, String stderr) {}

  static Run chromium(Path page, Path screenshot) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> common = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--proxy-server=http://127.0.0.1:" + proxy.getLocalPort(),
        "--proxy-bypass-list=<-loopback>", "--enable-logging=stderr", "--v=0", "--window-size=1000,9000");
    List<String> shot = new ArrayList<>(common);
    shot.add("--screenshot=" + screenshot.toAbsolutePath());
    shot.add(page.toUri().toString());
    exec(shot);
    List<String> dump = new ArrayList<>(common);
    dump.add("--dump-dom");
    dump.add(page.toUri().toString());
    return exec(dump);
  }

  static Run exec(List<String> cmd) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  static String figure(String html, String id) {
    Matcher m = Pattern.compile("<figure[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</figure>", Pattern.DOTALL).matcher(html);
    return m.find() ? m.group(1) : "";
  }

  /** Points or segments drawn with data in a chart. */
  static int drawn(String html, String id) {
    String f = figure(html, id);
    return count(f, "class=\"punt\"") + count(f, "class=\"segment\"");
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }
}
