package nl.jeugdkubus.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** Sorts the list file in place and digests it; a missing file is an empty list. */
  public static InputDigestList canonicalise(Path list) throws IOException {
    List<String> lines = Files.exists(list) ? new ArrayList<>(Files.readAllLines(list, StandardCharsets.UTF_8)) : new ArrayList<>();
    lines.removeIf(String::isEmpty);
    lines.sort((a, b) -> path(a).compareTo(path(b)));
    StringBuilder text = new StringBuilder();
    long bytes = 0;
    for (String l : lines) {
      text.append(l).append('\n');
      bytes += Long.parseLong(l.split("  ", 3)[1]);
    }
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(list.getParent());
    Files.write(list, content);
    return new InputDigestList(lines.size(), bytes, InputDigests.sha256(new ByteArrayInputStream(content)), List.copyOf(lines));
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
