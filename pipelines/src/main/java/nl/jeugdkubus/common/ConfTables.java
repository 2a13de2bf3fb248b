package nl.jeugdkubus.common;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every configuration table of a run, read once: the tables packaged from {@code conf/}, or, with
 * {@code --confDir}, the same set of tables from that folder (which must then hold every one of them).
 * Immutable and serialisable: the stages receive the tables themselves and never read {@code conf/}
 * again. Each table carries where it came from and the SHA-256 of its bytes, for the manifest.
 */
public final class ConfTables implements Serializable {
  private static final long serialVersionUID = 1L;
  private static volatile ConfTables packaged;

  /** Where one table came from: "packaged" or the file it was read from, and the SHA-256 of its bytes. */
  public record Source(String name, String origin, String sha256) implements Serializable {}

  private final Map<String, ConfTable> tables;
  private final Map<String, Source> sources;

  private ConfTables(Map<String, ConfTable> tables, Map<String, Source> sources) {
    this.tables = Collections.unmodifiableMap(tables);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** The tables packaged into the jar (conf/ of the repository); read once per JVM. */
  public static ConfTables packaged() {
    ConfTables p = packaged;
    if (p == null) {
      synchronized (ConfTables.class) {
        if (packaged == null) packaged = load(null);
        p = packaged;
      }
    }
    return p;
  }

  /**
   * The tables of confDir, or the packaged ones when confDir is null or blank. Throws
   * {@link ConfigurationException} when the folder does not exist, lacks a table, or a table cannot be parsed.
   */
  public static ConfTables load(String confDir) {
    List<String> names = packagedNames();
    if (names.isEmpty()) throw new ConfigurationException("No configuration tables packaged (conf/*.csv missing from the classpath)");
    Path dir = null;
    if (confDir != null && !confDir.isBlank()) {
      dir = Path.of(confDir).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) throw new ConfigurationException("--confDir folder not found: " + confDir);
      List<String> missing = names.stream().filter(n -> !Files.isRegularFile(Path.of(confDir, n))).toList();
      if (!missing.isEmpty()) {
        throw new ConfigurationException("--confDir " + confDir + " lacks configuration table(s) " + String.join(", ", missing)
            + " (a --confDir holds every table of conf/: copy conf/ and edit it)");
      }
    }
    Map<String, ConfTable> tables = new LinkedHashMap<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    for (String name : names) {
      byte[] bytes;
      String origin;
      try {
        if (dir != null) {
          bytes = Files.readAllBytes(dir.resolve(name));
          origin = dir.resolve(name).toString();
        } else {
          bytes = packagedBytes(name);
          origin = "packaged";
        }
      } catch (IOException e) {
        throw new ConfigurationException("Cannot read configuration table " + name + ": " + e.getMessage());
      }
      try {
        tables.put(name, ConfTable.parse(name, new ByteArrayInputStream(bytes)));
      } catch (IOException | RuntimeException e) {
        throw new ConfigurationException("Configuration table " + (dir != null ? dir.resolve(name) : "conf/" + name) + ": " + e.getMessage());
      }
      sources.put(name, new Source(name, origin, sha256(bytes)));
    }
    return new ConfTables(tables, sources);
  }

  /** One table by file name, e.g. "hulpvorm-mapping.csv". */
  public ConfTable table(String name) {
    ConfTable t = tables.get(name);
    if (t == null) throw new IllegalArgumentException("No configuration table " + name + " (known: " + tables.keySet() + ")");
    return t;
  }

  /** Every table, in name order, with its origin and SHA-256. */
  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] packagedBytes(String name) throws IOException {
    try (InputStream in = ConfTables.class.getClassLoader().getResourceAsStream("conf/" + name)) {
      if (in == null) throw new IOException("conf/" + name + " not on the classpath");
      return in.readAllBytes();
    }
  }

  /** The names of the packaged tables: every conf/*.csv next to this class (a classes folder or a jar). */
  static List<String> packagedNames() {
    TreeSet<String> names = new TreeSet<>();
    try {
      File where = new File(ConfTables.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (where.isDirectory()) {
        Path conf = where.toPath().resolve("conf");
        if (Files.isDirectory(conf)) {
          try (Stream<Path> s = Files.list(conf)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).forEach(names::add);
          }
        }
      } else {
        try (ZipFile jar = new ZipFile(where)) {
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.startsWith("conf/") && n.endsWith(".csv") && n.indexOf('/', 5) < 0) names.add(n.substring(5));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the packaged configuration tables", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(names);
  }
}
