package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;

/**
 * Shared skeleton of the CSV readers: header check, row loop, field-count check, and the rule that
 * every data row becomes one record or one dead letter. Subclasses convert one row.
 */
abstract class CsvFileParser<T> implements Serializable {

  /** Named access to the fields of one row (trimmed, blank = null); absent optional columns give null. */
  static final class Fields {
    private final Map<String, Integer> index;
    private final List<String> values;

    Fields(Map<String, Integer> index, List<String> values) {
      this.index = index;
      this.values = values;
    }

    String get(String column) {
      Integer i = index.get(column);
      return i == null ? null : StagingValues.clean(values.get(i));
    }
  }

  private final String source;
  private final String recordType;
  private final List<String> requiredColumns;
  private final String bsnColumn;
  private final StagingRules rules;

  /**
   * @param source source name in dead letters and counters, e.g. "registraties"
   * @param recordType record type in dead letters, e.g. "REGISTRATIE"
   * @param requiredColumns columns the header must name
   * @param bsnColumn column holding the person's BSN (its masked form goes into dead letters), or one the file lacks
   * @param rules gemeente codes and date plausibility window of the run
   */
  CsvFileParser(String source, String recordType, List<String> requiredColumns, String bsnColumn, StagingRules rules) {
    this.rules = rules;
    this.source = source;
    this.recordType = recordType;
    this.requiredColumns = List.copyOf(requiredColumns);
    this.bsnColumn = bsnColumn;
  }

  final String source() {
    return source;
  }

  final String recordType() {
    return recordType;
  }

  final List<String> requiredColumns() {
    return requiredColumns;
  }

  final String bsnColumn() {
    return bsnColumn;
  }

  /**
   * Converts one row; adds every problem to issues and returns null when there is one.
   *
   * @param position "line N"
   */
  abstract T convert(String fileName, String position, Fields f, Issues issues);

  /**
   * Parses one file, streaming. Never throws: a read error becomes a READ_ERROR dead letter (rows
   * handed to the sink before it stay valid).
   *
   * @return what became of each physical line (see {@link CsvLineCount}); after a read error it covers
   *     the lines read before it
   */
  public final CsvLineCount parse(String fileName, InputStream in, StagingSink<T> sink) {
    long dataRows = 0;
    long headerLines = 0;
    long recordLines = 0;
    long rejectedLines = 0;
    CsvTokenizer tok = CsvTokenizer.utf8(in, ';');
    try (tok) {
      CsvTokenizer.Row header = tok.next();
      if (header == null) {
        sink.dead(dead(fileName, "line 1", Reasons.EMPTY_FILE,
            tok.linesRead() == 0 ? "file is empty (no header line)" : "file holds only blank lines (no header line)", null));
        return count(tok, 0, 0, 0);
      }
      if (header.malformed()) {
        long rest = countRows(tok);
        sink.dead(dead(fileName, "line " + header.line(), header.reason(),
            "header line cannot be read (" + header.error() + "); " + rest + " data row(s) not read", null));
        return count(tok, 0, 0, tok.linesRead() - tok.blankLines());
      }
      headerLines = header.lines();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.fields().size(); i++) {
        index.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (String c : requiredColumns()) if (!index.containsKey(c)) missing.add(c);
      if (!missing.isEmpty()) {
        long rest = countRows(tok);
        sink.dead(dead(fileName, "line " + header.line(), Reasons.MISSING_COLUMN,
            "header lacks required column(s) " + String.join(", ", missing) + "; " + rest
                + " data row(s) not read" + separatorHint(header), null));
        return count(tok, headerLines, 0, tok.linesRead() - tok.blankLines() - headerLines);
      }
      int width = header.fields().size();
      Integer bsnIdx = index.get(bsnColumn());
      CsvTokenizer.Row row;
      while ((row = tok.next()) != null) {
        dataRows++;
        String position = "line " + row.line();
        if (row.malformed()) {
          rejectedLines += row.lines();
          sink.dead(dead(fileName, position, row.reason(), row.error(), null));
          continue;
        }
        String rawBsn = bsnIdx != null && bsnIdx < row.fields().size() ? row.fields().get(bsnIdx) : null;
        if (row.fields().size() != width) {
          rejectedLines += row.lines();
          sink.dead(dead(fileName, position, Reasons.MALFORMED_ROW,
              "expected " + width + " fields as in the header, found " + row.fields().size(), rawBsn));
          continue;
        }
        Issues issues = new Issues();
        T rec;
        try {
          rec = convert(fileName, position, new Fields(index, row.fields()), issues);
        } catch (RuntimeException e) {
          // a bug in a conversion must not lose the row or leak its content
          issues.add(Reasons.MALFORMED_ROW, "row could not be converted (" + e.getClass().getSimpleName() + ")");
          rec = null;
        }
        if (rec != null && issues.isEmpty()) {
          recordLines += row.lines();
          sink.record(rec);
          issues.notes().forEach(sink::note);
        } else {
          if (issues.isEmpty()) issues.add(Reasons.MALFORMED_ROW, "row could not be converted");
          rejectedLines += row.lines();
          sink.dead(issues.toDeadLetter(source(), fileName, position, rawBsn, recordType()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      sink.dead(dead(fileName, "after data row " + dataRows, Reasons.READ_ERROR,
          "file could not be read to the end (" + e.getClass().getSimpleName() + ")", null));
    }
    return count(tok, headerLines, recordLines, rejectedLines);
  }

  private static CsvLineCount count(CsvTokenizer tok, long header, long records, long rejected) {
    return new CsvLineCount(tok.linesRead(), header, records, tok.blankLines(), rejected, tok.transcodedLines());
  }

  /** A header that is one field holding ',' or TAB was probably written with another separator. */
  private static String separatorHint(CsvTokenizer.Row header) {
    if (header.fields().size() != 1) return "";
    String h = header.fields().get(0);
    if (h.indexOf(',') >= 0) return " (the header holds no ';' but ',': the file seems to be comma-separated; expected ';')";
    if (h.indexOf('\t') >= 0) return " (the header holds no ';' but TAB: the file seems to be tab-separated; expected ';')";
    return "";
  }

  private static long countRows(CsvTokenizer tok) throws IOException {
    long n = 0;
    while (tok.next() != null) n++;
    return n;
  }

  final DeadLetter dead(String fileName, String position, String reason, String detail, String rawId) {
    return DeadLetters.of(source(), fileName, position, Reasons.STAGE, reason, detail, Issues.mask(rawId), recordType());
  }

  // ---- field helpers shared by the subclasses ----

  static String required(Fields f, String column, Issues issues) {
    String v = f.get(column);
    if (v == null) issues.add(Reasons.MISSING_FIELD, column + " is empty");
    return v;
  }

  /**
   * A required or optional date in ISO or dd-MM-yyyy, in the run's plausibility window; returns ISO, or
   * null (with an issue when invalid or implausible).
   */
  final String date(Fields f, String column, boolean required, boolean personal, Issues issues) {
    String v = f.get(column);
    if (v == null) {
      if (required) issues.add(Reasons.MISSING_FIELD, column + " is empty");
      return null;
    }
    try {
      return rules.dates().check(column, StagingValues.csvDate(v), personal, issues);
    } catch (IllegalArgumentException e) {
      issues.add(Reasons.INVALID_DATE, personal
          ? column + " is not a valid date"
          : column + " " + StagingValues.safe(v) + " is not a valid date (yyyy-MM-dd or dd-MM-yyyy)");
      return null;
    }
  }

  static String bsn(Fields f, String column, Issues issues) {
    String v = f.get(column);
    if (v == null) {
      issues.add(Reasons.MISSING_FIELD, column + " is empty");
      return null;
    }
    String n = StagingValues.normaliseBsn(v);
    if (n == null) {
      issues.add(Reasons.INVALID_BSN, column + " is not 8 or 9 digits after removing spaces, dots and dashes ("
          + StagingValues.bsnDigits(v).length() + " characters)");
    }
    return n;
  }

  /** A gemeente code GM + 4 digits of conf/gemeenten-2026.csv, or merged away (then mapped to its gemeente now). */
  final String gemeente(Fields f, String column, Issues issues) {
    String v = f.get(column);
    if (v == null) {
      issues.add(Reasons.MISSING_FIELD, column + " is empty");
      return null;
    }
    String g = StagingValues.gmCode(v);
    if (g == null) issues.add(Reasons.INVALID_CODE, column + " " + StagingValues.safe(v) + " is not GM + 4 digits");
    return rules.gemeenten().check(column, g, issues);
  }
}
