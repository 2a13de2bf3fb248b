package nl.jeugdkubus.tools;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Downloads CBS Statline tables from the CBS open-data API (OData v3) into an input folder, for machines
 * with internet; run by {@code scripts/fetch-cbs.sh} (docs/input-formats.md section 4). The pipeline never
 * needs the network.
 *
 * <p>Per table: {@code DataProperties}, then {@code Perioden} and every other dimension resource that
 * DataProperties names (e.g. {@code RegioS}, {@code Geslacht}), then {@code TypedDataSet}, each fetched as
 * {@code <base>/<TABLE>/<Resource>?$format=json} (plus {@code $filter} for TypedDataSet when given). CBS
 * serves at most 10,000 rows per response and then an {@code odata.nextLink}; every link is followed and
 * the pages are merged into one file {@code <out>/<TABLE>_<Resource>.json} of the form
 * {@code {"odata.metadata": <of the first page>, "value": [all rows]}}, the form the pipeline reads. Each
 * file is written aside and moved into place when complete, so a broken download leaves no half file.
 *
 * <p>Arguments: {@code --out DIR} (required), {@code --tables ID,ID} (default {@link #DEFAULT_TABLES}),
 * {@code --filter EXPR} (OData $filter on TypedDataSet). Base URL: environment variable
 * {@value #BASE_ENV}, default {@value #DEFAULT_BASE}. Exit 0 when every file was written, 2 on a usage
 * error, 1 when a download failed (message names the URL and the HTTP status).
 */
public final class FetchCbs {
  public static final String BASE_ENV = "CBS_ODATA_BASE";
  public static final String DEFAULT_BASE = "https://opendata.cbs.nl/ODataApi/odata";
  /** The tables of docs/input-formats.md section 4. */
  public static final List<String> DEFAULT_TABLES = List.of("03759ned", "85098NED", "85097NED", "85100NED");
  /** A guard against a server whose nextLink never ends (10,000 rows a page: 100 million rows). */
  static final int MAX_PAGES = 10_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30)).build();
  private final String base;
  private final Path out;

  FetchCbs(String base, Path out) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.out = out;
  }

  public static void main(String[] args) {
    Path outDir = null;
    List<String> tables = DEFAULT_TABLES;
    String filter = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        switch (a) {
          case "--out" -> { outDir = Path.of(require(a, v)); i++; }
          case "--tables" -> { tables = List.of(require(a, v).split(",")); i++; }
          case "--filter" -> { filter = require(a, v); i++; }
          default -> throw new IllegalArgumentException("unknown argument " + a
              + " (usage: fetch-cbs.sh --out DIR [--tables 03759ned,85098NED] [--filter ODATA_FILTER])");
        }
      }
      if (outDir == null) throw new IllegalArgumentException("--out DIR is required");
    } catch (IllegalArgumentException e) {
      System.err.println("fetch-cbs: " + e.getMessage());
      System.exit(2);
      return;
    }
    String base = System.getenv(BASE_ENV);
    FetchCbs f = new FetchCbs(base == null || base.isBlank() ? DEFAULT_BASE : base, outDir);
    try {
      Files.createDirectories(outDir);
      for (String t : tables) f.table(t.strip(), filter);
    } catch (IOException e) {
      System.err.println("fetch-cbs: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  private static String require(String name, String v) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " needs a value");
    return v;
  }

  /** Fetches one table's resources and data set; prints one line per file. */
  void table(String table, String filter) throws IOException, InterruptedException {
    Path props = resource(table, "DataProperties", null);
    Set<String> dims = new LinkedHashSet<>();
    dims.add("Perioden");
    for (JsonNode p : MAPPER.readTree(props.toFile()).get("value")) {
      String type = p.path("Type").asText("");
      String key = p.path("Key").asText("").strip();
      if (type.endsWith("Dimension") && !key.isEmpty()) dims.add(key);
    }
    for (String d : dims) resource(table, d, null);
    resource(table, "TypedDataSet", filter);
  }

  /** Downloads every page of one resource into {@code <out>/<table>_<resource>.json}; returns that file. */
  Path resource(String table, String resource, String filter) throws IOException, InterruptedException {
    String url = base + "/" + table + "/" + resource + "?$format=json"
        + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
    Path target = out.resolve(table + "_" + resource + ".json");
    Path part = out.resolve("." + table + "_" + resource + ".json.part");
    long rows = 0;
    int pages = 0;
    Set<String> seen = new HashSet<>();
    try (OutputStream os = Files.newOutputStream(part);
        JsonGenerator g = MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
      String next = url;
      boolean first = true;
      while (next != null) {
        if (!seen.add(next) || ++pages > MAX_PAGES) throw new IOException(next + ": odata.nextLink repeats or never ends");
        JsonNode page = get(next);
        if (first) {
          g.writeStartObject();
          if (page.has("odata.metadata")) g.writeStringField("odata.metadata", page.get("odata.metadata").asText());
          g.writeArrayFieldStart("value");
          first = false;
        }
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) throw new IOException(next + ": response has no \"value\" array");
        for (JsonNode row : value) {
          MAPPER.writeTree(g, row);
          rows++;
        }
        JsonNode link = page.get("odata.nextLink");
        next = link == null || link.isNull() ? null : link.asText();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println(target + ": " + rows + " rows from " + pages + " page(s)");
    return target;
  }

  private JsonNode get(String url) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
        .header("Accept", "application/json").GET().build();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) throw new IOException(url + ": HTTP " + r.statusCode());
    return MAPPER.readTree(r.body());
  }
}
