package nl.jeugdkubus.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Compares two folders of Parquet files as tables, for the runner-parity requirement (the cube made on
 * DirectRunner, embedded Flink and a Flink cluster must be the same).
 *
 * <p>Every {@code *.parquet} file under each folder is read (recursively; files and folders whose name
 * starts with '.' or '_' such as {@code .crc} and {@code _SUCCESS} are skipped). Hive partition folders
 * {@code name=value} between the root and a file count as (string) columns; when the file also holds a
 * column of that name, the two must agree and the file's (typed) column is kept. The two tables must have
 * the same column names. Rows are sorted by their exact columns (every column that is not a float or
 * double, in column-name order), then by their floating columns; the sorted tables are merged on the
 * exact columns so that a missing row shows up as "only in A/B" rather than shifting every row after it.
 *
 * <p>Floating values ({@code float}, {@code double}) are equal when both are NaN, or
 * {@code |a - b| <= tolerance * max(1, |a|, |b|)} (absolute below 1, relative above). The default
 * tolerance is {@value #DEFAULT_TOLERANCE}; {@code --tolerance=0} asks for exact equality. Every other
 * type is compared exactly (strings, integers, booleans, bytes as hex, nested values by their Avro JSON
 * form).
 *
 * <pre>
 * java -cp jeugdkubus.jar nl.jeugdkubus.tools.CompareParquet [--tolerance=1e-9] [--max-differences=20] [--ignore-columns=run_id,...] dirA dirB
 * exit 0: equal; 1: different; 2: usage or read error
 * </pre>
 */
public final class CompareParquet {
  public static final double DEFAULT_TOLERANCE = 1e-9;
  public static final int DEFAULT_MAX_DIFFERENCES = 20;

  private CompareParquet() {}

  /** A table read from one folder: sorted column names and rows (column name to normalised value). */
  public record Table(Path root, List<Path> files, SortedSet<String> columns, SortedSet<String> floatingColumns,
      List<Map<String, Object>> rows) {
    /** The same table without the given columns (e.g. run_id when two runs are compared). */
    public Table without(java.util.Set<String> ignored) {
      if (ignored.isEmpty()) return this;
      SortedSet<String> cols = new TreeSet<>(columns);
      cols.removeAll(ignored);
      SortedSet<String> fl = new TreeSet<>(floatingColumns);
      fl.removeAll(ignored);
      List<Map<String, Object>> rs = new ArrayList<>(rows.size());
      for (Map<String, Object> r : rows) {
        Map<String, Object> c = new TreeMap<>(r);
        c.keySet().removeAll(ignored);
        rs.add(c);
      }
      return new Table(root, files, cols, fl, rs);
    }
  }

  /** Outcome of a comparison. {@code differences} holds at most maxDifferences messages; {@code differenceCount} all. */
  public record Result(int filesA, int filesB, long rowsA, long rowsB, int columns, long differenceCount,
      List<String> differences) {
    public boolean equal() {
      return differenceCount == 0;
    }
  }

  public static void main(String[] args) {
    // keep the report readable: parquet and hadoop log every file they open at INFO (slf4j-simple)
    for (String quiet : List.of("org.apache.parquet", "org.apache.hadoop")) {
      String key = "org.slf4j.simpleLogger.log." + quiet;
      if (System.getProperty(key) == null) System.setProperty(key, "warn");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** The command line; returns the exit code (0 equal, 1 different, 2 usage or read error). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    double tolerance = DEFAULT_TOLERANCE;
    int max = DEFAULT_MAX_DIFFERENCES;
    java.util.Set<String> ignored = new TreeSet<>();
    List<String> dirs = new ArrayList<>();
    try {
      for (String a : args) {
        if (a.startsWith("--tolerance=")) {
          tolerance = Double.parseDouble(a.substring("--tolerance=".length()));
          if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0");
        } else if (a.startsWith("--ignore-columns=")) {
          for (String c : a.substring("--ignore-columns=".length()).split(",")) if (!c.isBlank()) ignored.add(c.trim());
        } else if (a.startsWith("--max-differences=")) {
          max = Integer.parseInt(a.substring("--max-differences=".length()));
        } else if (a.startsWith("--")) {
          throw new IllegalArgumentException("unknown option " + a);
        } else {
          dirs.add(a);
        }
      }
      if (dirs.size() != 2) throw new IllegalArgumentException("expected two folders, got " + dirs.size());
    } catch (IllegalArgumentException e) {
      err.println("CompareParquet: " + e.getMessage());
      err.println("usage: CompareParquet [--tolerance=" + DEFAULT_TOLERANCE + "] [--max-differences="
          + DEFAULT_MAX_DIFFERENCES + "] <dirA> <dirB>");
      return 2;
    }
    Result r;
    try {
      r = compare(Path.of(dirs.get(0)), Path.of(dirs.get(1)), tolerance, max, ignored);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      err.println("CompareParquet: " + e.getMessage());
      return 2;
    }
    out.printf(Locale.ROOT, "A: %s (%d files, %d rows)%nB: %s (%d files, %d rows)%n",
        dirs.get(0), r.filesA(), r.rowsA(), dirs.get(1), r.filesB(), r.rowsB());
    if (r.equal()) {
      out.printf(Locale.ROOT, "EQUAL: %d rows x %d columns (floating tolerance %s)%n", r.rowsA(), r.columns(), tolerance);
      return 0;
    }
    r.differences().forEach(d -> out.println("  " + d));
    if (r.differenceCount() > r.differences().size()) {
      out.println("  ... " + (r.differenceCount() - r.differences().size()) + " more");
    }
    out.printf(Locale.ROOT, "DIFFERENT: %d difference(s)%n", r.differenceCount());
    return 1;
  }

  /** Reads both folders and compares them as tables. */
  public static Result compare(Path dirA, Path dirB, double tolerance, int maxDifferences) throws IOException {
    return compare(dirA, dirB, tolerance, maxDifferences, java.util.Set.of());
  }

  /** Reads both folders and compares them as tables, leaving out the ignored columns. */
  public static Result compare(Path dirA, Path dirB, double tolerance, int maxDifferences, java.util.Set<String> ignored)
      throws IOException {
    Table a = read(dirA).without(ignored);
    Table b = read(dirB).without(ignored);
    List<String> diffs = new ArrayList<>();
    long[] count = {0};
    java.util.function.Consumer<String> report = d -> {
      count[0]++;
      if (diffs.size() < maxDifferences) diffs.add(d);
    };
    if (a.files().isEmpty()) report.accept("A has no Parquet files under " + dirA);
    if (b.files().isEmpty()) report.accept("B has no Parquet files under " + dirB);
    if (!a.columns().equals(b.columns())) {
      SortedSet<String> onlyA = new TreeSet<>(a.columns());
      onlyA.removeAll(b.columns());
      SortedSet<String> onlyB = new TreeSet<>(b.columns());
      onlyB.removeAll(a.columns());
      report.accept("columns differ: only in A " + onlyA + ", only in B " + onlyB);
      return new Result(a.files().size(), b.files().size(), a.rows().size(), b.rows().size(),
          a.columns().size(), count[0], diffs);
    }
    if (a.rows().size() != b.rows().size()) {
      report.accept("row count differs: A " + a.rows().size() + ", B " + b.rows().size());
    }
    SortedSet<String> floating = new TreeSet<>(a.floatingColumns());
    floating.addAll(b.floatingColumns());
    List<String> exact = a.columns().stream().filter(c -> !floating.contains(c)).toList();
    Comparator<Map<String, Object>> byExact = rowComparator(exact);
    Comparator<Map<String, Object>> order = byExact.thenComparing(rowComparator(List.copyOf(floating)));
    List<Map<String, Object>> ra = new ArrayList<>(a.rows());
    List<Map<String, Object>> rb = new ArrayList<>(b.rows());
    ra.sort(order);
    rb.sort(order);
    int i = 0;
    int j = 0;
    while (i < ra.size() || j < rb.size()) {
      if (i >= ra.size()) {
        report.accept("only in B: " + rb.get(j++));
        continue;
      }
      if (j >= rb.size()) {
        report.accept("only in A: " + ra.get(i++));
        continue;
      }
      Map<String, Object> x = ra.get(i);
      Map<String, Object> y = rb.get(j);
      int c = byExact.compare(x, y);
      if (c < 0) {
        report.accept("only in A: " + x);
        i++;
      } else if (c > 0) {
        report.accept("only in B: " + y);
        j++;
      } else {
        for (String col : floating) {
          Object u = x.get(col);
          Object v = y.get(col);
          if (!floatingEqual(u, v, tolerance)) {
            report.accept("row " + keyOf(x, exact) + " column '" + col + "': A " + u + ", B " + v
                + (u instanceof Number && v instanceof Number
                    ? " (diff " + Math.abs(((Number) u).doubleValue() - ((Number) v).doubleValue()) + ")" : ""));
          }
        }
        i++;
        j++;
      }
    }
    return new Result(a.files().size(), b.files().size(), a.rows().size(), b.rows().size(), a.columns().size(),
        count[0], diffs);
  }

  /** Reads every Parquet file under root into one table (partition folders become string columns). */
  public static Table read(Path root) throws IOException {
    if (!Files.isDirectory(root) && !Files.isRegularFile(root)) throw new IOException("not a folder or file: " + root);
    List<Path> files;
    // a published entry (tables/, internal/) is a symbolic link into the current version: walk what it points to
    Path resolved = root.toRealPath();
    // one file is a table of its own (dimensions/gemeente.parquet)
    final Path only = Files.isRegularFile(resolved) ? resolved : null;
    final Path real = only != null ? resolved.getParent() : resolved;
    try (Stream<Path> s = only != null ? Stream.of(only) : Files.walk(real)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !hidden(real.relativize(p)))
          .sorted()
          .collect(Collectors.toList());
    }
    SortedSet<String> columns = null;
    SortedSet<String> floating = new TreeSet<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    Configuration conf = nl.jeugdkubus.common.ParquetFiles.configuration();
    for (Path f : files) {
      Map<String, String> partitions = partitionsOf(real.relativize(f));
      try (ParquetReader<GenericRecord> reader = AvroParquetReader
          .<GenericRecord>builder(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), conf))
          .withDataModel(GenericData.get())
          .build()) {
        GenericRecord rec;
        while ((rec = reader.read()) != null) {
          Map<String, Object> row = new TreeMap<>();
          for (Schema.Field field : rec.getSchema().getFields()) {
            if (isFloating(field.schema())) floating.add(field.name());
            row.put(field.name(), normalise(rec.get(field.pos()), field.schema()));
          }
          for (Map.Entry<String, String> p : partitions.entrySet()) {
            if (row.containsKey(p.getKey())) {
              // written both as folder and as column: fine when they agree (the column keeps its type)
              if (!String.valueOf(row.get(p.getKey())).equals(p.getValue())) {
                throw new IllegalArgumentException(f + ": partition folder " + p.getKey() + "=" + p.getValue()
                    + " disagrees with the column value " + row.get(p.getKey()));
              }
              continue;
            }
            row.put(p.getKey(), p.getValue());
          }
          SortedSet<String> cols = new TreeSet<>(row.keySet());
          if (columns == null) {
            columns = cols;
          } else if (!columns.equals(cols)) {
            throw new IllegalArgumentException(f + ": columns " + cols + " differ from the other files' " + columns);
          }
          rows.add(row);
        }
      }
    }
    return new Table(root, files, columns == null ? new TreeSet<>() : columns, floating, rows);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_")) return true;
    }
    return false;
  }

  /** Hive partition folders ({@code name=value}) on the way from the root to a file. */
  static Map<String, String> partitionsOf(Path relativeFile) {
    Map<String, String> m = new LinkedHashMap<>();
    Path parent = relativeFile.getParent();
    if (parent == null) return m;
    for (Path part : parent) {
      String n = part.toString();
      int eq = n.indexOf('=');
      if (eq > 0) {
        m.put(URLDecoder.decode(n.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(n.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static Schema nonNull(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      List<Schema> types = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
      if (types.size() == 1) return types.get(0);
    }
    return s;
  }

  private static boolean isFloating(Schema s) {
    Schema.Type t = nonNull(s).getType();
    return t == Schema.Type.DOUBLE || t == Schema.Type.FLOAT;
  }

  /** Values that compare and print well: strings for text and enums, hex for bytes, JSON for nested values. */
  static Object normalise(Object v, Schema schema) {
    if (v == null) return null;
    Schema s = nonNull(schema);
    switch (s.getType()) {
      case STRING:
      case ENUM:
        return v.toString();
      case BYTES:
        ByteBuffer bb = ((ByteBuffer) v).duplicate();
        byte[] bytes = new byte[bb.remaining()];
        bb.get(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
      case FIXED:
        return "0x" + HexFormat.of().formatHex(((GenericData.Fixed) v).bytes());
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
      case BOOLEAN:
        return v;
      default:
        return GenericData.get().toString(v);
    }
  }

  static boolean floatingEqual(Object u, Object v, double tolerance) {
    if (u == null || v == null) return u == v;
    double a = ((Number) u).doubleValue();
    double b = ((Number) v).doubleValue();
    if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
    if (a == b) return true;
    if (Double.isInfinite(a) || Double.isInfinite(b)) return false;
    return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static Comparator<Map<String, Object>> rowComparator(List<String> cols) {
    return (x, y) -> {
      for (String c : cols) {
        int r = compareValues(x.get(c), y.get(c));
        if (r != 0) return r;
      }
      return 0;
    };
  }

  /** Total order: null first, then numbers numerically, then everything else by its string form. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object a, Object b) {
    if (a == b) return 0;
    if (a == null) return -1;
    if (b == null) return 1;
    if (a instanceof Number && b instanceof Number) {
      if ((a instanceof Double || a instanceof Float) || (b instanceof Double || b instanceof Float)) {
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      }
      return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable) return ((Comparable) a).compareTo(b);
    int byType = a.getClass().getName().compareTo(b.getClass().getName());
    return byType != 0 ? byType : a.toString().compareTo(b.toString());
  }

  private static String keyOf(Map<String, Object> row, Collection<String> cols) {
    Map<String, Object> k = new LinkedHashMap<>();
    for (String c : cols) k.put(c, row.get(c));
    return Objects.toString(k);
  }
}
