package nl.jeugdkubus.staging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small CBS resources next to a data table (docs/input-formats.md section 4): {@code <TABLE>_Perioden},
 * {@code <TABLE>_DataProperties}, a dimension resource such as {@code <TABLE>_RegioS}, each as OData v3 JSON
 * ({@code {"value":[{...}]}}, the shape {@code scripts/fetch-cbs.sh} writes) or as a CSV download with a
 * header. A file is a resource when its name is {@code <TABLE>_<Resource>.json|csv} and Resource consists of
 * letters only and is not {@code TypedDataSet} or {@code UntypedDataSet} (so {@code 03759ned_2024.csv} is
 * data, {@code 03759ned_Perioden.csv} is not). Pure.
 */
public final class CbsResource {
  public static final String PERIODEN = "Perioden";
  public static final String DATA_PROPERTIES = "DataProperties";
  private static final Pattern RESOURCE_NAME = Pattern.compile("^[A-Za-z0-9]+_([A-Za-z]+)\\.(json|csv)$", Pattern.CASE_INSENSITIVE);
  private static final Set<String> DATA_SETS = Set.of("typeddataset", "untypeddataset");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CbsResource() {}

  /** The resource a file name names (e.g. Perioden, DataProperties, RegioS), or null for a data table. */
  public static String resourceOf(String fileName) {
    if (fileName == null) return null;
    Matcher m = RESOURCE_NAME.matcher(fileName);
    if (!m.matches() || DATA_SETS.contains(m.group(1).toLowerCase(Locale.ROOT))) return null;
    return m.group(1);
  }

  /** The rows of a resource file (JSON {@code value} array, or CSV with header; the extension decides), values trimmed. */
  public static List<Map<String, String>> rows(String fileName, InputStream in) throws IOException {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? csvRows(in) : jsonRows(in);
  }

  private static List<Map<String, String>> jsonRows(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    JsonNode value = root == null ? null : root.get("value");
    if (value == null || !value.isArray()) throw new IOException("no \"value\" array in the resource file");
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode r : value) {
      if (!r.isObject()) throw new IOException("a row of the resource is not an object");
      Map<String, String> row = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = r.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        String v = f.getValue().isNull() || f.getValue().isContainerNode() ? null : StagingValues.clean(f.getValue().asText());
        row.put(f.getKey(), v);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> csvRows(InputStream in) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvTokenizer tok = CsvTokenizer.utf8(in, (char) 0)) {
      CsvTokenizer.Row header = tok.next();
      if (header == null || header.malformed()) throw new IOException("no readable header line");
      List<String> names = header.fields().stream().map(String::strip).toList();
      CsvTokenizer.Row r;
      while ((r = tok.next()) != null) {
        if (r.malformed() || r.fields().size() != names.size()) throw new IOException("line " + r.line() + " is not a row of the header's columns");
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) row.put(names.get(i), StagingValues.clean(r.fields().get(i)));
        rows.add(row);
      }
    }
    return rows;
  }

  /** Perioden rows: period key to status ("Definitief", "Voorlopig", "Nader voorlopig"); rows without a status are left out. */
  public static Map<String, String> periodStatus(List<Map<String, String>> rows) {
    Map<String, String> status = new LinkedHashMap<>();
    for (Map<String, String> r : rows) {
      String key = r.get("Key");
      String st = r.get("Status");
      if (key != null && st != null) status.put(key, st);
    }
    return status;
  }

  /** DataProperties rows: the keys of the topic columns (Type Topic), in order. */
  public static Set<String> topics(List<Map<String, String>> rows) {
    Set<String> topics = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      if ("Topic".equalsIgnoreCase(r.get("Type")) && r.get("Key") != null) topics.add(r.get("Key"));
    }
    return topics;
  }

  /** DataProperties rows: the keys of the dimensions (Type Dimension, GeoDimension, TimeDimension), in order. */
  public static Set<String> dimensions(List<Map<String, String>> rows) {
    Set<String> dims = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      String t = r.get("Type");
      if (t != null && t.toLowerCase(Locale.ROOT).endsWith("dimension") && r.get("Key") != null) dims.add(r.get("Key"));
    }
    return dims;
  }
}
