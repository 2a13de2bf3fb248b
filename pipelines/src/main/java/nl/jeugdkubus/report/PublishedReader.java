package nl.jeugdkubus.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.jeugdkubus.marts.TableCatalogue;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads what the report may use: the published tables {@code <output>/tables/<tabel>/periode=/gemeente=/*.parquet}
 * (schemas/PublishedRow.avsc) and the gemeente names of {@code <output>/dimensions/gemeente.parquet}. Nothing else
 * of the output (never the internal cube or the dead letters).
 */
public final class PublishedReader {
  private PublishedReader() {}

  public static List<Cell> cells(Path output) throws IOException {
    Path tables = output.resolve("tables");
    List<Cell> out = new ArrayList<>();
    for (Path f : parquetFiles(tables)) {
      for (GenericRecord r : read(f)) out.add(toCell(r));
    }
    return out;
  }

  /** code -> naam from dimensions/gemeente.parquet (empty when absent). */
  public static Map<String, String> names(Path output) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path dim = output.resolve("dimensions").resolve("gemeente.parquet");
    if (!Files.isRegularFile(dim)) return out;
    for (GenericRecord r : read(dim)) out.put(str(r, "code"), str(r, "naam"));
    return out;
  }

  static Cell toCell(GenericRecord r) {
    Map<String, String> dims = new LinkedHashMap<>();
    for (String d : TableCatalogue.DIMENSIONS) dims.put(d, str(r, d));
    Object w = r.get("waarde");
    Object o = r.get("onderdrukt");
    return new Cell(str(r, "tabel"), str(r, "indicator"), str(r, "periode"), str(r, "gemeente_code"), str(r, "gemeente_naam"),
        str(r, "regio"), dims, w == null ? null : ((Number) w).doubleValue(), str(r, "eenheid"), Boolean.TRUE.equals(o),
        str(r, "cbs_status"), str(r, "run_id"));
  }

  private static String str(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? null : v.toString();
  }

  /**
   * Every row of every visible Parquet file below a folder (links followed), as written; empty when the folder
   * does not exist. For tools that compare versions of the published tables (rerun/ChangeReport).
   */
  public static List<GenericRecord> records(Path folder) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) return out;
    for (Path f : parquetFiles(folder)) out.addAll(read(f));
    return out;
  }

  private static List<Path> parquetFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) throw new IOException("no published tables in " + root);
    Path real = root.toRealPath();
    try (Stream<Path> s = Files.walk(real)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !hidden(real.relativize(p))).sorted().toList();
    }
  }

  /** A path with a part starting with '.' (a writer's temporary folder or file). */
  private static boolean hidden(Path relative) {
    for (Path part : relative) if (part.toString().startsWith(".")) return true;
    return false;
  }

  private static List<GenericRecord> read(Path f) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader
        .<GenericRecord>builder(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), nl.jeugdkubus.common.ParquetFiles.configuration()))
        .withDataModel(GenericData.get()).build()) {
      GenericRecord rec;
      while ((rec = reader.read()) != null) out.add(rec);
    }
    return out;
  }
}
