package nl.jeugdkubus.staging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;

/**
 * Reads CBS Statline tables (docs/input-formats.md section 4) into {@link CbsCell}s: one cell per topic
 * column per row. JSON (OData v3 TypedDataSet) is streamed row by row with Jackson; the CSV variant
 * uses {@link CsvTokenizer}.
 *
 * <ul>
 *   <li>Table id: from {@code odata.metadata} (".../&lt;TABLE&gt;/$metadata#..."), else from the file name
 *       (its leading letters and digits: {@code 03759ned_TypedDataSet.json} gives {@code 03759ned}).
 *   <li>{@code RegioS} trimmed; {@code RegioS} and {@code Perioden} are required per row.
 *   <li>JSON: a topic is a numeric or null column other than {@code ID} and the known dimensions;
 *       string-valued columns and {@code Geslacht}, {@code Leeftijd}, {@code Leeftijdsklasse} are
 *       dimensions. CSV: a topic is a column whose name ends in {@code _<digits>}; empty or {@code .}
 *       is null; a decimal comma is accepted when the separator is {@code ;}.
 *   <li>Status: from {@code <TABLE>_Perioden.json} through the caller's lookup (null when absent).
 *   <li>A topic that is {@code null}, {@code "."} or (CSV) empty is CBS's "secret or not available": the
 *       cell is kept with value null and missingReason SECRET_OR_UNKNOWN (counted as values.missing).
 *   <li>Perioden must be a CBS period key ({@link CbsPeriodKey}), else INVALID_PERIOD; a RegioS of the
 *       form GM + 4 digits must be a gemeente of conf/gemeenten-2026.csv or conf/herindelingen.csv (kept as
 *       it is, not mapped), else UNKNOWN_GEMEENTE; other regions (NL01, PV.., LD..) pass unchecked.
 * </ul>
 */
public final class CbsTableParser implements Serializable {
  public static final String SOURCE = "cbs";
  public static final String RECORD_TYPE = "CBS";
  public static final Set<String> KNOWN_DIMENSIONS = Set.of("RegioS", "Perioden", "Geslacht", "Leeftijd", "Leeftijdsklasse");

  private static final Pattern METADATA_TABLE = Pattern.compile("/([A-Za-z0-9]+)/\\$metadata");
  private static final Pattern LEADING_ID = Pattern.compile("^([A-Za-z0-9]+)");
  private static final Pattern TOPIC_NAME = Pattern.compile(".+_\\d+");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern GM_REGION = Pattern.compile("GM\\d{4}");
  /** Counter suffix (staging.cbs.values.missing): a cell kept without a value. */
  public static final String MISSING_NOTE = "values.missing";

  private final GemeenteCodes gemeenten;

  /** With the gemeenten of the packaged conf/. */
  public CbsTableParser() {
    this(GemeenteCodes.packaged());
  }

  /** @param gemeenten the run's gemeente codes (RegioS GMxxxx must be one of them) */
  public CbsTableParser(GemeenteCodes gemeenten) {
    this.gemeenten = gemeenten;
  }

  /** True for {@code <TABLE>_Perioden.json}: period metadata, consumed for the status, not a data table. */
  public static boolean isPeriodenFile(String fileName) {
    return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith("_perioden.json");
  }

  /** The table id a file name implies: its leading run of letters and digits (or the whole name). */
  public static String tableIdFromFileName(String fileName) {
    Matcher m = LEADING_ID.matcher(fileName);
    return m.find() ? m.group(1) : fileName;
  }

  /** Reads a {@code <TABLE>_Perioden.json}: period key (trimmed) to Status (trimmed, may be absent). */
  public static Map<String, String> parsePeriodStatus(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    JsonNode value = root == null ? null : root.get("value");
    if (value == null || !value.isArray()) throw new IOException("no \"value\" array in the Perioden file");
    Map<String, String> status = new LinkedHashMap<>();
    for (JsonNode p : value) {
      JsonNode key = p.get("Key");
      JsonNode st = p.get("Status");
      if (key != null && key.isTextual() && st != null && st.isTextual() && !st.asText().isBlank()) {
        status.put(key.asText().trim(), st.asText().trim());
      }
    }
    return status;
  }

  /** Parses a data table; the extension (.csv or else JSON) picks the format. */
  public void parse(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      parseCsv(fileName, in, statusForTable, sink);
    } else {
      parseJson(fileName, in, statusForTable, sink);
    }
  }

  /** Parses TypedDataSet JSON with one period-status map for whatever table it holds. */
  public void parseJson(String fileName, InputStream in, Map<String, String> periodStatus, StagingSink<CbsCell> sink) {
    parseJson(fileName, in, t -> periodStatus, sink);
  }

  /**
   * Parses TypedDataSet JSON, streaming row by row. Never throws: broken JSON gives a NOT_WELL_FORMED
   * dead letter with line and column (cells of the rows before that point have been handed over; the
   * dead letter says how many rows).
   *
   * @param statusForTable table id to (period key to status); may return null
   */
  public void parseJson(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    String tableId = null;
    Map<String, String> status = null;
    boolean sawValue = false;
    int row = 0;
    JsonFactory jf = MAPPER.getFactory();
    try (JsonParser p = jf.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        sink.dead(dead(fileName, "/", Reasons.NOT_A_TABLE, "JSON root is not an object"));
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        JsonToken t = p.nextToken();
        if ("odata.metadata".equals(field) && t == JsonToken.VALUE_STRING) {
          if (!sawValue) {
            Matcher m = METADATA_TABLE.matcher(p.getText());
            if (m.find()) tableId = m.group(1);
          }
        } else if ("value".equals(field) && t == JsonToken.START_ARRAY) {
          sawValue = true;
          if (tableId == null) tableId = tableIdFromFileName(fileName);
          status = statusForTable == null ? null : statusForTable.apply(tableId);
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            String position = "value[" + row + "]";
            row++;
            if (e != JsonToken.START_OBJECT) {
              p.skipChildren();
              sink.dead(dead(fileName, position, Reasons.MALFORMED_ROW, "row is not a JSON object"));
              continue;
            }
            JsonNode node = p.readValueAsTree();
            jsonRow(fileName, position, tableId, status, node, sink);
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawValue) {
        sink.dead(dead(fileName, "/", Reasons.NOT_A_TABLE, "no \"value\" array: not an OData TypedDataSet"));
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "unknown position" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      sink.dead(dead(fileName, where, Reasons.NOT_WELL_FORMED,
          "not well-formed JSON at " + where + "; the " + row + " row(s) before it were read"));
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.dead(dead(fileName, "after row " + row, Reasons.READ_ERROR,
          "file could not be read to the end (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private void jsonRow(String fileName, String position, String tableId, Map<String, String> status, JsonNode node,
      StagingSink<CbsCell> sink) {
    Issues issues = new Issues();
    String regio = text(node.get("RegioS"));
    String periode = text(node.get("Perioden"));
    if (regio == null) issues.add(Reasons.MISSING_FIELD, "RegioS is missing");
    if (periode == null) issues.add(Reasons.MISSING_FIELD, "Perioden is missing");
    Map<String, String> dims = new LinkedHashMap<>();
    Map<String, Double> topics = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      JsonNode v = f.getValue();
      if (name.equals("ID") || name.equals("RegioS") || name.equals("Perioden")) continue;
      boolean topicName = !KNOWN_DIMENSIONS.contains(name) && TOPIC_NAME.matcher(name).matches();
      if (v.isTextual() && !KNOWN_DIMENSIONS.contains(name) && (topicName || isMissingMark(v.asText()))) {
        // a topic as text: "." (secret or not available), blank, or a number written as a string
        String s = StagingValues.clean(v.asText());
        if (s == null || s.equals(".")) {
          topics.put(name, null);
        } else {
          Double d = number(s, false);
          if (d == null) issues.add(Reasons.INVALID_NUMBER, name + " " + StagingValues.safe(s) + " is not a number");
          else topics.put(name, d);
        }
      } else if (KNOWN_DIMENSIONS.contains(name) || v.isTextual() || v.isBoolean()) {
        String s = text(v);
        if (s != null) dims.put(name, s);
      } else if (v.isNull()) {
        topics.put(name, null);
      } else if (v.isNumber()) {
        topics.put(name, v.doubleValue());
      } else {
        issues.add(Reasons.MALFORMED_ROW, "column " + name + " holds a JSON " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      }
    }
    emit(fileName, position, tableId, status, regio, periode, dims, topics, issues, sink);
  }

  /** Parses the CSV variant ({@code ;} or {@code ,} separated, detected from the header). Never throws. */
  public void parseCsv(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    String tableId = tableIdFromFileName(fileName);
    Map<String, String> status = statusForTable == null ? null : statusForTable.apply(tableId);
    long rows = 0;
    try (CsvTokenizer tok = CsvTokenizer.utf8(in, (char) 0)) {
      CsvTokenizer.Row header = tok.next();
      if (header == null) {
        sink.dead(dead(fileName, "line 1", Reasons.EMPTY_FILE, "file is empty (no header line)"));
        return;
      }
      List<String> names = new ArrayList<>();
      for (String h : header.fields()) names.add(h.strip());
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) index.putIfAbsent(names.get(i), i);
      if (header.malformed() || !index.containsKey("RegioS") || !index.containsKey("Perioden")) {
        long rest = 0;
        while (tok.next() != null) rest++;
        sink.dead(dead(fileName, "line " + header.line(), Reasons.MISSING_COLUMN,
            "header must name RegioS and Perioden; " + rest + " data row(s) not read"));
        return;
      }
      boolean decimalComma = tok.separator() == ';';
      CsvTokenizer.Row r;
      while ((r = tok.next()) != null) {
        rows++;
        String position = "line " + r.line();
        if (r.malformed()) {
          sink.dead(dead(fileName, position, Reasons.MALFORMED_ROW, r.error()));
          continue;
        }
        if (r.fields().size() != names.size()) {
          sink.dead(dead(fileName, position, Reasons.MALFORMED_ROW,
              "expected " + names.size() + " fields as in the header, found " + r.fields().size()));
          continue;
        }
        Issues issues = new Issues();
        String regio = StagingValues.clean(r.fields().get(index.get("RegioS")));
        String periode = StagingValues.clean(r.fields().get(index.get("Perioden")));
        if (regio == null) issues.add(Reasons.MISSING_FIELD, "RegioS is empty");
        if (periode == null) issues.add(Reasons.MISSING_FIELD, "Perioden is empty");
        Map<String, String> dims = new LinkedHashMap<>();
        Map<String, Double> topics = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i);
          if (name.equals("ID") || name.equals("RegioS") || name.equals("Perioden") || name.isEmpty()) continue;
          String v = StagingValues.clean(r.fields().get(i));
          if (KNOWN_DIMENSIONS.contains(name) || !TOPIC_NAME.matcher(name).matches()) {
            if (v != null) dims.put(name, v);
          } else if (v == null || v.equals(".")) {
            topics.put(name, null);
          } else {
            Double d = number(v, decimalComma);
            if (d == null) issues.add(Reasons.INVALID_NUMBER, name + " " + StagingValues.safe(v) + " is not a number");
            else topics.put(name, d);
          }
        }
        emit(fileName, position, tableId, status, regio, periode, dims, topics, issues, sink);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.dead(dead(fileName, "after data row " + rows, Reasons.READ_ERROR,
          "file could not be read to the end (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static boolean isMissingMark(String s) {
    return s.strip().equals(".");
  }

  private static Double number(String v, boolean decimalComma) {
    String t = v;
    if (decimalComma && t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
    if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) return null;
    return Double.valueOf(t);
  }

  private void emit(String fileName, String position, String tableId, Map<String, String> status, String regio,
      String periode, Map<String, String> dims, Map<String, Double> topics, Issues issues, StagingSink<CbsCell> sink) {
    if (periode != null && CbsPeriodKey.parse(periode) == null) {
      issues.add(Reasons.INVALID_PERIOD, "Perioden " + StagingValues.safe(periode)
          + " is not a CBS period key (yyyyJJ00, yyyyHJ01-02, yyyyKW01-04, yyyyMM01-12)");
    }
    if (regio != null && GM_REGION.matcher(regio).matches()) gemeenten.checkKnown("RegioS", regio, issues);
    if (issues.isEmpty() && topics.isEmpty()) issues.add(Reasons.NO_MEASURES, "row has no topic column");
    if (!issues.isEmpty()) {
      sink.dead(issues.toDeadLetter(SOURCE, fileName, position, null, RECORD_TYPE));
      return;
    }
    String st = status == null ? null : status.get(periode);
    for (Map.Entry<String, Double> t : topics.entrySet()) {
      sink.record(CbsCell.newBuilder()
          .setSourceFile(fileName)
          .setPosition(position)
          .setTableId(tableId)
          .setRegioCode(regio)
          .setPeriodeKey(periode)
          .setDimensions(new HashMap<>(dims))
          .setMeasure(t.getKey())
          .setValue(t.getValue())
          .setStatus(st)
          .setMissingReason(t.getValue() == null ? Reasons.SECRET_OR_UNKNOWN : null)
          .build());
      if (t.getValue() == null) sink.note(MISSING_NOTE);
    }
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    return StagingValues.clean(n.asText());
  }

  private static DeadLetter dead(String fileName, String position, String reason, String detail) {
    return DeadLetters.of(SOURCE, fileName, position, Reasons.STAGE, reason, detail, null, RECORD_TYPE);
  }
}
