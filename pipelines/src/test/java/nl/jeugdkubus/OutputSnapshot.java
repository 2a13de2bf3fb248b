package nl.jeugdkubus;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a reader of an output folder sees: every regular file reachable from it (symbolic links
 * followed, hidden entries such as .pending-* and .versions skipped) with the SHA-256 of its bytes.
 */
final class OutputSnapshot {
  private OutputSnapshot() {}

  static SortedMap<String, String> of(Path root) throws IOException {
    SortedMap<String, String> m = new TreeMap<>();
    if (!Files.exists(root)) return m;
    try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Path rel = root.relativize(f);
        boolean hidden = false;
        for (Path part : rel) hidden |= part.toString().startsWith(".");
        if (!hidden) m.put(rel.toString(), sha256(Files.readAllBytes(f)));
      }
    }
    return m;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
