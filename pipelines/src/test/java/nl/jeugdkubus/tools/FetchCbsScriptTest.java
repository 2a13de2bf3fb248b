package nl.jeugdkubus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.staging.CbsResource;
import nl.jeugdkubus.staging.CbsTableParser;
import nl.jeugdkubus.staging.ParseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/fetch-cbs.sh against a local stub of the CBS OData API that pages (two rows a page, with
 * odata.nextLink), run with bash; the merged files must parse into the records of all pages.
 */
class FetchCbsScriptTest {
  static final Path SCRIPT = Path.of("..", "scripts", "fetch-cbs.sh");
  private HttpServer server;
  private String base;
  /** Every path + query the stub was asked for, in order. */
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  // 85098NED: 5 data rows served 2 + 2 + 1; Perioden served 1 + 1; DataProperties and RegioS one page each
  private static final List<String> DATA = List.of(
      "{\"ID\":0,\"RegioS\":\"GM0197    \",\"Perioden\":\"2022JJ00\",\"JongerenMetJeugdhulpInNatura_1\":12.1,\"JongerenMetJeugdbescherming_3\":1.2}",
      "{\"ID\":1,\"RegioS\":\"GM0197    \",\"Perioden\":\"2023JJ00\",\"JongerenMetJeugdhulpInNatura_1\":12.6,\"JongerenMetJeugdbescherming_3\":null}",
      "{\"ID\":2,\"RegioS\":\"GM0222    \",\"Perioden\":\"2022JJ00\",\"JongerenMetJeugdhulpInNatura_1\":10.0,\"JongerenMetJeugdbescherming_3\":0.9}",
      "{\"ID\":3,\"RegioS\":\"GM0222    \",\"Perioden\":\"2023JJ00\",\"JongerenMetJeugdhulpInNatura_1\":10.4,\"JongerenMetJeugdbescherming_3\":1.0}",
      "{\"ID\":4,\"RegioS\":\"NL01      \",\"Perioden\":\"2023JJ00\",\"JongerenMetJeugdhulpInNatura_1\":11.8,\"JongerenMetJeugdbescherming_3\":1.1}");
  private static final List<String> PERIODEN = List.of(
      "{\"Key\":\"2022JJ00\",\"Title\":\"2022\",\"Description\":\"\",\"Status\":\"Definitief\"}",
      "{\"Key\":\"2023JJ00\",\"Title\":\"2023*\",\"Description\":\"\",\"Status\":\"Voorlopig\"}");
  private static final List<String> PROPS = List.of(
      "{\"ID\":0,\"Position\":0,\"ParentID\":null,\"Type\":\"GeoDimension\",\"Key\":\"RegioS\",\"Title\":\"Regio's\"}",
      "{\"ID\":1,\"Position\":1,\"ParentID\":null,\"Type\":\"TimeDimension\",\"Key\":\"Perioden\",\"Title\":\"Perioden\"}",
      "{\"ID\":2,\"Position\":2,\"ParentID\":null,\"Type\":\"Topic\",\"Key\":\"JongerenMetJeugdhulpInNatura_1\",\"Title\":\"Jongeren met jeugdhulp\"}",
      "{\"ID\":3,\"Position\":3,\"ParentID\":null,\"Type\":\"Topic\",\"Key\":\"JongerenMetJeugdbescherming_3\",\"Title\":\"Jongeren met jeugdbescherming\"}");
  private static final List<String> REGIOS = List.of(
      "{\"Key\":\"GM0197    \",\"Title\":\"Aalten\"}", "{\"Key\":\"GM0222    \",\"Title\":\"Doetinchem\"}", "{\"Key\":\"NL01      \",\"Title\":\"Nederland\"}");

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ODataApi/odata";
    serve("85098NED/TypedDataSet", DATA, 2);
    serve("85098NED/Perioden", PERIODEN, 1);
    serve("85098NED/DataProperties", PROPS, 10);
    serve("85098NED/RegioS", REGIOS, 10);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Serves rows {@code pageSize} at a time; every page but the last has an odata.nextLink with $skip. */
  private void serve(String resource, List<String> rows, int pageSize) {
    String path = "/ODataApi/odata/" + resource;
    server.createContext(path, ex -> {
      String q = ex.getRequestURI().getRawQuery();
      requests.add(ex.getRequestURI().getPath() + "?" + q);
      int skip = 0;
      for (String part : q == null ? new String[0] : q.split("&")) {
        if (part.startsWith("$skip=")) skip = Integer.parseInt(part.substring(6));
      }
      int end = Math.min(rows.size(), skip + pageSize);
      StringBuilder b = new StringBuilder("{\"odata.metadata\":\"" + base + "/85098NED/$metadata#Cbs.OData.WebAPI." + resource.split("/")[1] + "\",\"value\":[");
      b.append(String.join(",", rows.subList(skip, end))).append(']');
      if (end < rows.size()) b.append(",\"odata.nextLink\":\"").append(base).append('/').append(resource).append("?$format=json&$skip=").append(end).append('"');
      b.append('}');
      byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
  }

  private int runScript(Path out, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--out", out.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("CBS_ODATA_BASE", base);
    pb.environment().put("JEUGDKUBUS_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "fetch-cbs.sh did not end");
    System.out.println(output);
    return p.exitValue();
  }

  @Test
  void followsNextLinksAndMergesPagesIntoFilesThePipelineReads(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cbs");
    assertEquals(0, runScript(out, "--tables", "85098NED"));

    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("85098NED_DataProperties.json", "85098NED_Perioden.json", "85098NED_RegioS.json", "85098NED_TypedDataSet.json"),
          s.map(p -> p.getFileName().toString()).sorted().toList()); // no .part file left behind
    }
    // TypedDataSet 3 pages (rows 0-1, 2-3, 4), Perioden 2 pages, DataProperties and RegioS 1 each = 7 requests
    assertEquals(7, requests.size(), requests.toString());
    assertEquals(3, requests.stream().filter(r -> r.contains("/TypedDataSet")).count());
    assertEquals(2, requests.stream().filter(r -> r.contains("/Perioden")).count());

    Map<String, String> status;
    try (InputStream in = Files.newInputStream(out.resolve("85098NED_Perioden.json"))) {
      status = CbsResource.periodStatus(CbsResource.rows("85098NED_Perioden.json", in));
    }
    assertEquals(Map.of("2022JJ00", "Definitief", "2023JJ00", "Voorlopig"), status);
    ParseResult<CbsCell> r = new ParseResult<>();
    try (InputStream in = Files.newInputStream(out.resolve("85098NED_TypedDataSet.json"))) {
      new CbsTableParser().parseWithMeta("85098NED_TypedDataSet.json", in, t -> new CbsTableParser.Meta(status, null), r);
    }
    assertEquals(List.<DeadLetter>of(), r.deadLetters());
    // by hand: 5 rows x 2 topics; table id from the first page's odata.metadata; one null (GM0197 2023 _3)
    Map<String, String> got = new TreeMap<>();
    for (CbsCell c : r.records()) {
      got.put(c.getRegioCode() + " " + c.getPeriodeKey() + " " + c.getMeasure(), c.getTableId() + " " + c.getValue() + " " + c.getStatus());
    }
    assertEquals(Map.of(
        "GM0197 2022JJ00 JongerenMetJeugdhulpInNatura_1", "85098NED 12.1 Definitief",
        "GM0197 2022JJ00 JongerenMetJeugdbescherming_3", "85098NED 1.2 Definitief",
        "GM0197 2023JJ00 JongerenMetJeugdhulpInNatura_1", "85098NED 12.6 Voorlopig",
        "GM0197 2023JJ00 JongerenMetJeugdbescherming_3", "85098NED null Voorlopig",
        "GM0222 2022JJ00 JongerenMetJeugdhulpInNatura_1", "85098NED 10.0 Definitief",
        "GM0222 2022JJ00 JongerenMetJeugdbescherming_3", "85098NED 0.9 Definitief",
        "GM0222 2023JJ00 JongerenMetJeugdhulpInNatura_1", "85098NED 10.4 Voorlopig",
        "GM0222 2023JJ00 JongerenMetJeugdbescherming_3", "85098NED 1.0 Voorlopig",
        "NL01 2023JJ00 JongerenMetJeugdhulpInNatura_1", "85098NED 11.8 Voorlopig",
        "NL01 2023JJ00 JongerenMetJeugdbescherming_3", "85098NED 1.1 Voorlopig"), got);
  }

  @Test
  void aFailingDownloadEndsWithOneAndLeavesNoFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cbs");
    // 03759ned is not served by the stub: HTTP 404 on its DataProperties
    assertEquals(1, runScript(out, "--tables", "03759ned"));
    try (Stream<Path> s = Files.list(out)) {
      assertFalse(s.findAny().isPresent());
    }
  }
}
