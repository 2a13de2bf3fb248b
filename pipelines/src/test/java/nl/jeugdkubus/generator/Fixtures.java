package nl.jeugdkubus.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Generated data sets shared by the generator tests (generated once per JVM, deleted on exit). */
final class Fixtures {
  /** Achterhoek, scale 0.05, 2023H1-2024H2, no defects. */
  static final GeneratorConfig SMALL = GeneratorConfig.defaults().withScale(0.05).withRange("2023H1", "2024H2");
  /** Achterhoek, scale 0.1, 2023H1-2024H2, no defects / 10% defects. */
  static final GeneratorConfig MEDIUM = GeneratorConfig.defaults().withScale(0.1).withRange("2023H1", "2024H2");
  static final GeneratorConfig MEDIUM_DEFECTS = MEDIUM.withDefects(0.1);

  record Run(Path dir, GenerationSummary summary) {}

  private static final Map<String, Run> CACHE = new HashMap<>();

  private Fixtures() {}

  static synchronized Run get(GeneratorConfig cfg) {
    return CACHE.computeIfAbsent(cfg.toString(), k -> generate(cfg));
  }

  static Run generate(GeneratorConfig cfg) {
    try {
      Path dir = Files.createTempDirectory("jk-gen-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      return new Run(dir, GenerateRegion.generate(cfg, dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }

  static List<Path> files(Path dir, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(dir, glob)) {
      ds.forEach(out::add);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Data lines (without the header) of every CSV in a folder, split on ';' (no quoted fields are generated). */
  static List<String[]> csvRows(Path dir) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (Path f : files(dir, "*.csv")) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) rows.add(lines.get(i).split(";", -1));
    }
    return rows;
  }

  static String header(Path csv) throws IOException {
    return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
  }

  static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(xml.toFile());
  }

  /** The eleven-test worked out independently of Bsn.elevenTest. */
  static boolean elf(String s) {
    if (!s.matches("\\d{9}")) return false;
    int[] w = {9, 8, 7, 6, 5, 4, 3, 2, -1};
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += w[i] * (s.charAt(i) - '0');
    return sum % 11 == 0;
  }
}
