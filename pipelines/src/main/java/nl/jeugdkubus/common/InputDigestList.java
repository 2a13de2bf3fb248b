package nl.jeugdkubus.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The digest list of one source's input files ({@link InputDigests}), made canonical: lines sorted by path,
 * the file rewritten in that order, and one digest over the whole sorted list. Two runs on the same input
 * files have the same list digest whatever order the workers wrote the lines in; changing, adding or
 * removing any file changes it. Pure file handling, no Beam.
 *
 * @param files number of input files
 * @param bytes their total size
 * @param sha256 SHA-256 of the sorted list (UTF-8, one line per file, each ending in '\n')
 * @param lines the sorted lines (kept for the manifest's per-file listing of small inputs)
 */
public record InputDigestList(long files, long bytes, String sha256, List<String> lines) {

  /**
   * Sorts the list file in place and digests it; a missing file is an empty list. Each line's path and size
   * are parsed once (a national run lists 1.3 M files: splitting both lines of every comparison took about
   * 25 s of the run's tail, docs/performance.md).
   */
  public static InputDigestList canonicalise(Path list) throws IOException {
    List<String> read = Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.of();
    List<Line> parsed = new ArrayList<>(read.size());
    long bytes = 0;
    for (String l : read) {
      if (l.isEmpty()) continue;
      Line line = Line.of(l);
      bytes += line.bytes();
      parsed.add(line);
    }
    parsed.sort(Comparator.comparing(Line::path)); // stable: equal paths keep their order
    MessageDigest md = InputDigests.digest();
    List<String> lines = new ArrayList<>(parsed.size());
    Files.createDirectories(list.toAbsolutePath().getParent());
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(list), 1 << 16), md)) {
      for (Line l : parsed) {
        out.write(l.text().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        lines.add(l.text());
      }
    }
    return new InputDigestList(lines.size(), bytes, InputDigests.hex(md.digest()), Collections.unmodifiableList(lines));
  }

  /** One list line with its path and size parsed out. */
  private record Line(String text, long bytes, String path) {
    static Line of(String text) {
      int first = text.indexOf("  ");
      int second = first < 0 ? -1 : text.indexOf("  ", first + 2);
      if (second < 0) throw new IllegalArgumentException("not a digest list line (digest  size  path): " + text);
      return new Line(text, Long.parseLong(text, first + 2, second, 10), text.substring(second + 2));
    }
  }

  /** The path of a list line. */
  public static String path(String line) {
    return line.split("  ", 3)[2];
  }

  /** The file digest of a list line. */
  public static String sha256(String line) {
    return line.split("  ", 3)[0];
  }
}
