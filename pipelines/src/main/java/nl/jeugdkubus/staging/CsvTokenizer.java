package nl.jeugdkubus.staging;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Streaming CSV tokenizer for the Dutch exports jeugdkubus reads: one record at a time, never the whole
 * file in memory.
 *
 * <ul>
 *   <li>separator {@code ;} (or {@code ,}, or detected from the first line);
 *   <li>a field may be quoted with {@code "}; a quote inside a quoted field is doubled ({@code ""});
 *       a quote inside an unquoted field is an ordinary character;
 *   <li>a UTF-8 byte-order mark at the start is dropped; line endings LF, CRLF (or CR);
 *   <li>recovery rule: a quoted field may run over a line break (for at most
 *       {@link #MAX_LINES_PER_RECORD} lines) only when the record then closes cleanly: its quote is
 *       closed and only a separator, spaces or the line end follow the closing quote. Otherwise (a
 *       quote still open after the limit or at the end of the file, or text after the closing quote)
 *       the record's FIRST line alone is rejected (one malformed {@link Row} with {@code lines() == 1})
 *       and reading resumes at the next physical line, so the lines the broken field ran over are read
 *       again as records of their own: one stray quote costs one row, never the rows after it;
 *   <li>blank lines are skipped (and counted: {@link #blankLines()}).
 * </ul>
 *
 * <p>Every physical line is accounted for: it is part of exactly one returned row (a row's
 * {@link Row#lines()}) or blank, so {@code sum(row.lines()) + blankLines() == linesRead()} once the
 * input is exhausted. {@link CsvLineCount} turns that into the per-file reconciliation.
 */
public final class CsvTokenizer implements Closeable {
  /** Longest record (in physical lines) a quoted field may span. */
  public static final int MAX_LINES_PER_RECORD = 20;

  /**
   * One record: its first physical line number (1-based), the physical lines it spans (always 1 for a
   * rejected row), its fields, or a reason code and an error (then fields is empty).
   */
  public record Row(long line, int lines, List<String> fields, String reason, String error) {
    public boolean malformed() {
      return error != null;
    }
  }

  /** A physical line and how it was decoded. */
  private record Physical(String text, long number, DecodedLines.Kind kind) {}

  private final BufferedReader reader;
  private final DecodedLines bytes;
  private char separator;
  private final Deque<Physical> pushedBack = new ArrayDeque<>();
  private long lineNumber;
  private boolean first = true;
  private long blankLines;
  private long transcodedLines;

  /**
   * Reads decoded text as it is (no encoding check).
   *
   * @param separator the field separator, or {@code 0} to detect it from the first non-blank line
   *     ({@code ;} when that line holds one, else {@code ,})
   */
  public CsvTokenizer(Reader reader, char separator) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    this.bytes = null;
    this.separator = separator;
  }

  private CsvTokenizer(InputStream in, char separator) {
    this.reader = null;
    this.bytes = new DecodedLines(in);
    this.separator = separator;
  }

  /**
   * Reads bytes by the encoding rule of {@link DecodedLines}: UTF-8; a line that is not UTF-8 but is
   * Windows-1252 text is transcoded (counted in {@link #transcodedLines()}); a line that is neither
   * gives a row rejected as INVALID_ENCODING.
   */
  public static CsvTokenizer utf8(InputStream in, char separator) {
    return new CsvTokenizer(in, separator);
  }

  /** Physical lines consumed so far. */
  public long linesRead() {
    return lineNumber;
  }

  /** Blank physical lines skipped so far. */
  public long blankLines() {
    return blankLines;
  }

  /** Physical lines read so far that were not UTF-8 and were transcoded from Windows-1252. */
  public long transcodedLines() {
    return transcodedLines;
  }

  public char separator() {
    return separator;
  }

  /** The next record, or null at the end of the input. */
  public Row next() throws IOException {
    Physical first;
    do {
      first = nextPhysical();
      if (first == null) return null;
      if (first.kind() == DecodedLines.Kind.UTF8 || first.kind() == DecodedLines.Kind.WINDOWS_1252) {
        if (!first.text().isBlank()) break;
        blankLines++;
      } else {
        return unreadable(first);
      }
    } while (true);
    String line = first.text();
    if (separator == 0) separator = line.indexOf(';') >= 0 ? ';' : ',';

    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    List<Physical> continuation = new ArrayList<>();
    boolean inQuotes = false;
    boolean quoted = false; // current field started with a quote
    boolean closed = false; // current field's closing quote seen
    String text = line;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (!inQuotes) break;
        // quoted field runs over the line break
        if (continuation.size() + 1 >= MAX_LINES_PER_RECORD) {
          return rejectFirstLine(first, continuation, "quoted field not closed within " + MAX_LINES_PER_RECORD + " lines");
        }
        Physical more = nextPhysical();
        if (more == null) return rejectFirstLine(first, continuation, "quoted field not closed at the end of the file");
        continuation.add(more);
        if (more.kind() != DecodedLines.Kind.UTF8 && more.kind() != DecodedLines.Kind.WINDOWS_1252) {
          return rejectFirstLine(first, continuation, "quoted field not closed before an unreadable line");
        }
        cur.append('\n');
        text = more.text();
        i = 0;
        continue;
      }
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cur.append('"');
            i += 2;
            continue;
          }
          inQuotes = false;
          closed = true;
        } else {
          cur.append(c);
        }
      } else if (c == separator) {
        fields.add(cur.toString());
        cur.setLength(0);
        quoted = false;
        closed = false;
      } else if (closed) {
        if (!Character.isWhitespace(c)) {
          return rejectFirstLine(first, continuation, "text after the closing quote of field " + (fields.size() + 1));
        }
      } else if (c == '"' && !quoted && cur.toString().isBlank()) {
        cur.setLength(0);
        inQuotes = true;
        quoted = true;
      } else {
        cur.append(c);
      }
      i++;
    }
    fields.add(cur.toString());
    if (first.kind() == DecodedLines.Kind.WINDOWS_1252) transcodedLines++;
    for (Physical p : continuation) if (p.kind() == DecodedLines.Kind.WINDOWS_1252) transcodedLines++;
    return new Row(first.number(), 1 + continuation.size(), Collections.unmodifiableList(fields), null, null);
  }

  private static Row unreadable(Physical p) {
    return p.kind() == DecodedLines.Kind.TOO_LONG
        ? new Row(p.number(), 1, List.of(), Reasons.LINE_TOO_LONG,
            "line longer than " + DecodedLines.MAX_LINE_BYTES + " bytes")
        : new Row(p.number(), 1, List.of(), Reasons.INVALID_ENCODING,
            "line is neither UTF-8 nor Windows-1252 text (or holds control characters)");
  }

  /** The record does not close cleanly: reject its first line, give the others back to be read again. */
  private Row rejectFirstLine(Physical first, List<Physical> continuation, String error) {
    for (int k = continuation.size() - 1; k >= 0; k--) pushedBack.addFirst(continuation.get(k));
    String where = continuation.isEmpty() ? "" : " (the quoted field ran over " + continuation.size()
        + " more line(s), which are read again as rows of their own)";
    if (first.kind() == DecodedLines.Kind.WINDOWS_1252) transcodedLines++;
    return new Row(first.number(), 1, List.of(), Reasons.MALFORMED_ROW, error + where);
  }

  private Physical nextPhysical() throws IOException {
    if (!pushedBack.isEmpty()) return pushedBack.removeFirst();
    String l;
    DecodedLines.Kind kind;
    if (bytes != null) {
      l = bytes.next();
      kind = bytes.lastKind();
    } else {
      l = reader.readLine();
      kind = DecodedLines.Kind.UTF8;
      if (l != null && first) {
        first = false;
        if (!l.isEmpty() && l.charAt(0) == '\uFEFF') l = l.substring(1);
      }
    }
    if (l == null) return null;
    lineNumber++;
    return new Physical(l, lineNumber, kind);
  }

  @Override
  public void close() throws IOException {
    if (bytes != null) bytes.close();
    else reader.close();
  }
}
