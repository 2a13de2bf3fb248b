package nl.jeugdkubus.staging;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files of a local glob whose wildcards are all in its last segment ({@code /data/ijw/*.{xml,zip}}), listed by
 * name from one directory read: no file is opened or examined here, so a million message files are listed in
 * seconds (Beam's own match examined every file in one thread before the first could be read: 37 s nationally,
 * docs/performance.md). The names come out in blocks, to be spread over the workers, which then look at each file.
 * The same files as Beam's match of the glob: the same glob syntax ({@link java.nio.file.FileSystem#getPathMatcher}),
 * applied to the names in the glob's folder; a folder that does not exist lists nothing. Pure file handling, no Beam.
 */
final class FileListing {
  private static final String WILDCARDS = "*?[]{}\\";
  private final Path dir;
  private final PathMatcher names;

  private FileListing(Path dir, String namePattern) {
    this.dir = dir;
    this.names = FileSystems.getDefault().getPathMatcher("glob:" + namePattern);
  }

  /**
   * The listing of a glob, or null when it is not a local path with wildcards in its last segment only (a scheme
   * such as {@code gs://}, wildcards in a folder name, no folder, no wildcard): such globs go to Beam's match.
   */
  static FileListing of(String glob) {
    if (glob == null || glob.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) return null;
    int slash = glob.lastIndexOf('/');
    if (slash < 0) return null;
    String folder = glob.substring(0, slash);
    String pattern = glob.substring(slash + 1);
    if (pattern.isEmpty() || pattern.chars().noneMatch(c -> WILDCARDS.indexOf(c) >= 0)) return null;
    if (folder.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0)) return null;
    return new FileListing(Path.of(folder.isEmpty() ? "/" : folder).toAbsolutePath().normalize(), pattern);
  }

  Path dir() {
    return dir;
  }

  /** Whether a name in the folder matches the glob's last segment. */
  boolean matches(String name) {
    return names.matches(Path.of(name));
  }

  /** The absolute paths of the matching names, in blocks of at most {@code size} (the last may be smaller). */
  void forEachBlock(int size, Consumer<List<String>> out) throws IOException {
    List<String> block = new ArrayList<>(size);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (!matches(p.getFileName().toString())) continue;
        block.add(p.toString());
        if (block.size() == size) {
          out.accept(block);
          block = new ArrayList<>(size);
        }
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return; // no such folder: no files (like an empty match)
    }
    if (!block.isEmpty()) out.accept(block);
  }
}
