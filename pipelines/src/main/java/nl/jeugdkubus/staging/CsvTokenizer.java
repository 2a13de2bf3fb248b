package nl.jeugdkubus.staging;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
 *   <li>a quoted field may run over a line break, for at most {@link #MAX_LINES_PER_RECORD} lines: a
 *       quote that is still open after that (or at the end of the file) makes the record malformed and
 *       reading restarts on the line after its first line, so one stray quote costs one row, not the
 *       rest of the file;
 *   <li>blank lines are skipped.
 * </ul>
 */
public final class CsvTokenizer implements Closeable {
  /** Longest record (in physical lines) a quoted field may span. */
  public static final int MAX_LINES_PER_RECORD = 20;

  /** One record: its first physical line number (1-based), its fields, or an error (then fields is empty). */
  public record Row(long line, List<String> fields, String error) {
    public boolean malformed() {
      return error != null;
    }
  }

  private final BufferedReader reader;
  private char separator;
  private final Deque<String> pushedBack = new ArrayDeque<>();
  private final Deque<Long> pushedBackNumbers = new ArrayDeque<>();
  private long lineNumber;
  private boolean first = true;

  /**
   * @param separator the field separator, or {@code 0} to detect it from the first non-blank line
   *     ({@code ;} when that line holds one, else {@code ,})
   */
  public CsvTokenizer(Reader reader, char separator) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    this.separator = separator;
  }

  /** Reads UTF-8 (invalid bytes become U+FFFD). */
  public static CsvTokenizer utf8(InputStream in, char separator) {
    return new CsvTokenizer(new InputStreamReader(in, StandardCharsets.UTF_8), separator);
  }

  /** Physical lines consumed so far. */
  public long linesRead() {
    return lineNumber;
  }

  public char separator() {
    return separator;
  }

  /** The next record, or null at the end of the input. */
  public Row next() throws IOException {
    long[] startNo = new long[1];
    String line;
    do {
      line = nextPhysical(startNo);
      if (line == null) return null;
    } while (line.isBlank());
    if (separator == 0) separator = line.indexOf(';') >= 0 ? ';' : ',';

    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    List<String> continuation = new ArrayList<>();
    List<Long> continuationNos = new ArrayList<>();
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
          return unterminated(startNo[0], continuation, continuationNos);
        }
        long[] no = new long[1];
        String more = nextPhysical(no);
        if (more == null) return unterminated(startNo[0], continuation, continuationNos);
        continuation.add(more);
        continuationNos.add(no[0]);
        cur.append('\n');
        text = more;
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
          return new Row(startNo[0], List.of(), "text after the closing quote of field " + (fields.size() + 1));
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
    return new Row(startNo[0], Collections.unmodifiableList(fields), null);
  }

  private Row unterminated(long start, List<String> continuation, List<Long> nos) {
    // give the lines after the first back: they are read again as records of their own
    for (int k = continuation.size() - 1; k >= 0; k--) {
      pushedBack.addFirst(continuation.get(k));
      pushedBackNumbers.addFirst(nos.get(k));
    }
    return new Row(start, List.of(), "quoted field not closed");
  }

  private String nextPhysical(long[] no) throws IOException {
    if (!pushedBack.isEmpty()) {
      no[0] = pushedBackNumbers.removeFirst();
      return pushedBack.removeFirst();
    }
    String l = reader.readLine();
    if (l == null) return null;
    lineNumber++;
    if (first) {
      first = false;
      if (!l.isEmpty() && l.charAt(0) == '\uFEFF') l = l.substring(1);
    }
    no[0] = lineNumber;
    return l;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
