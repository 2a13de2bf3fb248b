package nl.jeugdkubus.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Physical lines of a byte stream, each decoded by the encoding rule of the CSV readers
 * (docs/reliability.md "Encoding"):
 *
 * <ol>
 *   <li>a line that is valid UTF-8 is read as UTF-8 ({@link Kind#UTF8});
 *   <li>a line that is not valid UTF-8 but is valid Windows-1252 text (every byte a defined character,
 *       no control character other than TAB) is transcoded from Windows-1252 ({@link Kind#WINDOWS_1252}):
 *       the typical Excel export of a Dutch municipality; the reader counts such lines so that the run
 *       summary can say so;
 *   <li>anything else, and any line holding a control character (NUL, DEL, C1, ...), is not text
 *       ({@link Kind#NOT_TEXT}): the caller rejects the row it belongs to;
 *   <li>a line longer than {@link #MAX_LINE_BYTES} is skipped to its end ({@link Kind#TOO_LONG}).
 * </ol>
 *
 * Lines end at LF; a CR before it (CRLF) is dropped, and so is a UTF-8 byte-order mark at the start of
 * the stream. Splitting happens on bytes, which is safe for both encodings (0x0A never occurs inside a
 * UTF-8 multi-byte sequence). Streaming: one line in memory at a time.
 */
final class DecodedLines implements Closeable {
  /** How a line was decoded. */
  enum Kind { UTF8, WINDOWS_1252, NOT_TEXT, TOO_LONG }

  /** Longest physical line kept (bytes); a longer line is skipped to its end and reported as TOO_LONG. */
  static final int MAX_LINE_BYTES = 1 << 16;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Bytes Windows-1252 leaves undefined. */
  private static final boolean[] UNDEFINED_1252 = new boolean[256];

  static {
    for (int b : new int[] {0x81, 0x8D, 0x8F, 0x90, 0x9D}) UNDEFINED_1252[b] = true;
  }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private boolean first = true;
  private Kind lastKind;

  DecodedLines(InputStream in) {
    this.in = in;
  }

  /** How the line last returned by {@link #next()} was decoded. */
  Kind lastKind() {
    return lastKind;
  }

  /** The next line without its line end, or null at the end of the stream. A NOT_TEXT or TOO_LONG line is returned as "". */
  String next() throws IOException {
    int n = 0;
    boolean any = false;
    boolean tooLong = false;
    while (true) {
      if (pos >= limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) return null;
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') pos++;
      int len = pos - start;
      if (n + len > MAX_LINE_BYTES) {
        tooLong = true;
      } else {
        if (n + len > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, n + len));
        System.arraycopy(buf, start, line, n, len);
        n += len;
      }
      if (pos < limit) { // found LF
        pos++;
        break;
      }
    }
    boolean wasFirst = first;
    first = false;
    if (tooLong) {
      lastKind = Kind.TOO_LONG;
      return "";
    }
    if (n > 0 && line[n - 1] == '\r') n--;
    int from = 0;
    if (wasFirst) {
      if (n >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) from = 3;
    }
    return decode(line, from, n);
  }

  private String decode(byte[] b, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        lastKind = Kind.NOT_TEXT;
        return "";
      }
      if (c >= 0x80) ascii = false;
    }
    if (ascii) {
      lastKind = Kind.UTF8;
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
      String s = cb.toString();
      if (s.chars().anyMatch(ch -> ch >= 0x80 && ch < 0xA0)) { // C1 controls: not text
        lastKind = Kind.NOT_TEXT;
        return "";
      }
      lastKind = Kind.UTF8;
      return s;
    } catch (CharacterCodingException e) {
      for (int i = from; i < to; i++) {
        if (UNDEFINED_1252[b[i] & 0xFF]) {
          lastKind = Kind.NOT_TEXT;
          return "";
        }
      }
      lastKind = Kind.WINDOWS_1252;
      return new String(b, from, to - from, WINDOWS_1252);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
