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
 * <p>Both formats become one row as column name to text and then pass the same rules, so the same table
 * gives the same cells and the same dead letters in either format (only {@code sourceFile} and
 * {@code position} differ: {@code value[i]} in JSON, {@code line n} in CSV).
 *
 * <ul>
 *   <li>Table id: JSON from {@code odata.metadata} (".../&lt;TABLE&gt;/$metadata#..."), else (and CSV) from the
 *       file name (its leading letters and digits: {@code 03759ned_TypedDataSet.json} gives {@code 03759ned}).
 *   <li>{@code RegioS} and {@code Perioden} are required per row; every value is trimmed (CBS pads keys:
 *       {@code "GM0197    "}); {@code ID} is skipped.
 *   <li>A topic is a column the table's DataProperties types {@code Topic} ({@link Meta#topics()}), or, without
 *       DataProperties, a column named {@code <name>_<digits>} that is not a known dimension; every other column
 *       is a dimension. A topic that is null, blank or {@code .} is CBS's "secret or not available": the cell
 *       is kept with value null and missingReason SECRET_OR_UNKNOWN (counted as values.missing); a decimal
 *       comma is accepted.
 *   <li>Status: from the table's Perioden resource through the caller's lookup (null when absent).
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

  /**
   * What the resources next to a table say about it: the status of each period (from Perioden; null: none)
   * and its topic columns (from DataProperties; null: none, then a topic is a column named {@code <name>_<digits>}
   * that is not a known dimension).
   */
  public record Meta(Map<String, String> status, Set<String> topics) implements Serializable {
    public static final Meta NONE = new Meta(null, null);

    static Meta ofStatus(Map<String, String> status) {
      return new Meta(status, null);
    }
  }

  private static Function<String, Meta> statusOnly(Function<String, Map<String, String>> statusForTable) {
    return t -> Meta.ofStatus(statusForTable == null ? null : statusForTable.apply(t));
  }

  /** Parses a data table; the extension (.csv or else JSON) picks the format. */
  public void parse(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    parseWithMeta(fileName, in, statusOnly(statusForTable), sink);
  }

  /** As {@link #parse} with the table's {@link Meta} (status and DataProperties topics). */
  public void parseWithMeta(String fileName, InputStream in, Function<String, Meta> metaForTable, StagingSink<CbsCell> sink) {
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      csv(fileName, in, metaForTable, sink);
    } else {
      json(fileName, in, metaForTable, sink);
    }
  }

  /** Parses TypedDataSet JSON with one period-status map for whatever table it holds. */
  public void parseJson(String fileName, InputStream in, Map<String, String> periodStatus, StagingSink<CbsCell> sink) {
    parseJson(fileName, in, t -> periodStatus, sink);
  }

  /** Parses TypedDataSet JSON; see {@link #json}. @param statusForTable table id to (period key to status); may return null */
  public void parseJson(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    json(fileName, in, statusOnly(statusForTable), sink);
  }

  /**
   * TypedDataSet JSON, streamed row by row. Never throws: broken JSON gives a NOT_WELL_FORMED dead letter with
   * line and column (cells of the rows before that point have been handed over; the dead letter says how many rows).
   */
  private void json(String fileName, InputStream in, Function<String, Meta> metaForTable, StagingSink<CbsCell> sink) {
    String tableId = null;
    Meta meta = null;
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
          meta = metaOf(metaForTable, tableId);
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
            jsonRow(fileName, position, tableId, meta, node, sink);
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

  private static Meta metaOf(Function<String, Meta> metaForTable, String tableId) {
    Meta m = metaForTable == null ? null : metaForTable.apply(tableId);
    return m == null ? Meta.NONE : m;
  }

  /** One JSON row as column texts (a number as its JSON text, null as null), then the rules both formats share. */
  private void jsonRow(String fileName, String position, String tableId, Meta meta, JsonNode node, StagingSink<CbsCell> sink) {
    Issues issues = new Issues();
    Map<String, String> columns = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        issues.add(Reasons.MALFORMED_ROW, "column " + f.getKey() + " holds a JSON " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      } else {
        columns.put(f.getKey(), v.isNull() ? null : v.asText());
      }
    }
    row(fileName, position, tableId, meta, columns, issues, sink);
  }

  /** Parses the CSV download ({@code ;} or {@code ,} separated, detected from the header). Never throws. */
  public void parseCsv(String fileName, InputStream in, Function<String, Map<String, String>> statusForTable,
      StagingSink<CbsCell> sink) {
    csv(fileName, in, statusOnly(statusForTable), sink);
  }

  private void csv(String fileName, InputStream in, Function<String, Meta> metaForTable, StagingSink<CbsCell> sink) {
    String tableId = tableIdFromFileName(fileName);
    Meta meta = metaOf(metaForTable, tableId);
    long rows = 0;
    try (CsvTokenizer tok = CsvTokenizer.utf8(in, (char) 0)) {
      CsvTokenizer.Row header = tok.next();
      if (header == null) {
        sink.dead(dead(fileName, "line 1", Reasons.EMPTY_FILE, "file is empty (no header line)"));
        return;
      }
      List<String> names = new ArrayList<>();
      for (String h : header.fields()) names.add(h.strip());
      if (header.malformed() || !names.contains("RegioS") || !names.contains("Perioden")) {
        long rest = 0;
        while (tok.next() != null) rest++;
        sink.dead(dead(fileName, "line " + header.line(), Reasons.MISSING_COLUMN,
            "header must name RegioS and Perioden; " + rest + " data row(s) not read"));
        return;
      }
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
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          if (!names.get(i).isEmpty()) columns.putIfAbsent(names.get(i), r.fields().get(i));
        }
        row(fileName, position, tableId, meta, columns, new Issues(), sink);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.dead(dead(fileName, "after data row " + rows, Reasons.READ_ERROR,
          "file could not be read to the end (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * The rules both formats share, on one row as column name to text (null: JSON null). {@code ID} is skipped;
   * a topic (DataProperties Topic, else a {@code <name>_<digits>} column that is not a known dimension) that
   * is null, blank or {@code .} is a missing value; any other column is a dimension (trimmed; blank left out).
   */
  private void row(String fileName, String position, String tableId, Meta meta, Map<String, String> columns, Issues issues,
      StagingSink<CbsCell> sink) {
    String regio = StagingValues.clean(columns.get("RegioS"));
    String periode = StagingValues.clean(columns.get("Perioden"));
    if (regio == null) issues.add(Reasons.MISSING_FIELD, "RegioS is missing or empty");
    if (periode == null) issues.add(Reasons.MISSING_FIELD, "Perioden is missing or empty");
    Map<String, String> dims = new LinkedHashMap<>();
    Map<String, Double> topics = new LinkedHashMap<>();
    for (Map.Entry<String, String> c : columns.entrySet()) {
      String name = c.getKey();
      if (name.equals("ID") || name.equals("RegioS") || name.equals("Perioden")) continue;
      String v = StagingValues.clean(c.getValue());
      if (!isTopic(meta, name)) {
        if (v != null) dims.put(name, v);
      } else if (v == null || v.equals(".")) {
        topics.put(name, null);
      } else {
        Double d = number(v);
        if (d == null) issues.add(Reasons.INVALID_NUMBER, name + " " + StagingValues.safe(v) + " is not a number");
        else topics.put(name, d);
      }
    }
    emit(fileName, position, tableId, meta.status(), regio, periode, dims, topics, issues, sink);
  }

  private static boolean isTopic(Meta meta, String column) {
    if (meta.topics() != null) return meta.topics().contains(column);
    return !KNOWN_DIMENSIONS.contains(column) && TOPIC_NAME.matcher(column).matches();
  }

  /** A decimal number; a decimal comma is accepted when there is no point (CBS writes no thousands separators). */
  private static Double number(String v) {
    String t = v;
    if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
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

  private static DeadLetter dead(String fileName, String position, String reason, String detail) {
    return DeadLetters.of(SOURCE, fileName, position, Reasons.STAGE, reason, detail, null, RECORD_TYPE);
  }
}
