package nl.jeugdkubus.staging;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-made input tree in src/test/resources/staging/input (one subfolder per source). */
final class StagingFixtures {
  private StagingFixtures() {}

  static Path resource(String name) {
    URL u = StagingFixtures.class.getClassLoader().getResource(name);
    if (u == null) throw new IllegalStateException("test resource missing: " + name);
    try {
      return Path.of(u.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path input() {
    return resource("staging/input");
  }

  /** Copies the input tree to dir (so a test can add files of its own). */
  static void copyInputTo(Path dir) throws IOException {
    Path src = input();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dir.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
