package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.model.CubeRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import nl.jeugdkubus.common.ParquetFiles;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes the cube as Parquet with the CubeRow schema, Hive-style partitioned:
 * {@code <outputDir>/cube/periode=2024H1/gemeente=GM0197/part-*.parquet}, and the dimension tables
 * {@code <outputDir>/dimensions/gemeente.parquet} (code, naam, provincie, regio; gemeenten and regions)
 * and {@code <outputDir>/dimensions/indicator.parquet} (conf/indicators.csv).
 *
 * <p>The files keep every CubeRow column, including periode and gemeente_code, so one file is
 * self-describing. Reading with Hive partitioning, DuckDB takes the partition value from the folder
 * name for a column that also exists in the file (periode: the same value), adds the column
 * {@code gemeente} (= gemeente_code), and infers the type of partition values: a folder set with only
 * {@code periode=2024} gives BIGINT; read with {@code hive_types_autocast = false} to keep VARCHAR
 * (docs/cube.md).
 */
public class WriteCube extends PTransform<PCollection<CubeRow>, PDone> {
  public static final Schema GEMEENTE_SCHEMA = SchemaBuilder.record("Gemeente").namespace("nl.jeugdkubus.dimensions").fields()
      .requiredString("code").requiredString("naam").optionalString("provincie").requiredString("regio").endRecord();
  public static final Schema INDICATOR_SCHEMA = SchemaBuilder.record("Indicator").namespace("nl.jeugdkubus.dimensions").fields()
      .requiredString("code").requiredString("naam_nl").requiredString("name_en").requiredString("definitie")
      .optionalString("teller").optionalString("noemer").requiredString("eenheid").requiredString("bron").endRecord();

  private final String outputDir;
  private final ConfTables conf;
  private final boolean dimensions;

  /** Cube and dimension tables; conf: the run's tables, for conf/gemeenten-2026.csv and conf/indicators.csv (null: packaged conf/). */
  public WriteCube(String outputDir, ConfTables conf) {
    this(outputDir, conf, true);
  }

  private WriteCube(String outputDir, ConfTables conf, boolean dimensions) {
    this.outputDir = outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
    this.conf = conf;
    this.dimensions = dimensions;
  }

  /** The cube only (e.g. the internal, unprotected cube under <output>/internal). */
  public WriteCube withoutDimensions() {
    return new WriteCube(outputDir, conf, false);
  }

  /** The Hive partition folder of a row. */
  public static String partition(CubeRow r) {
    return "periode=" + r.getPeriode() + "/gemeente=" + r.getGemeenteCode();
  }

  /** part-SSSSS-of-NNNNN.parquet inside the partition folder (relative to the cube folder). */
  public static FileIO.Write.FileNaming partitionNaming(String partition) {
    FileIO.Write.FileNaming inner = FileIO.Write.defaultNaming("part", ".parquet");
    return (window, pane, numShards, shardIndex, compression) ->
        partition + "/" + inner.getFilename(window, pane, numShards, shardIndex, compression);
  }

  static GenericRecord toGeneric(CubeRow r) {
    Schema s = CubeRow.getClassSchema();
    GenericData.Record g = new GenericData.Record(s);
    for (int i = 0; i < s.getFields().size(); i++) g.put(i, r.get(i));
    return g;
  }

  @Override
  public PDone expand(PCollection<CubeRow> rows) {
    String cubeSchema = CubeRow.getClassSchema().toString();
    rows.apply("WriteCubeParquet", FileIO.<String, CubeRow>writeDynamic()
        .by(WriteCube::partition)
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(WriteCube::toGeneric), ParquetFiles.sink(new Schema.Parser().parse(cubeSchema)))
        .to(outputDir + "/cube")
        .withNaming(WriteCube::partitionNaming)
        .withNumShards(1));
    if (dimensions) {
      PBegin begin = rows.getPipeline().begin();
      writeTable(outputDir, begin, "Gemeenten", gemeenteRecords(GemeenteInfo.load(conf)), GEMEENTE_SCHEMA, "gemeente.parquet");
      writeTable(outputDir, begin, "Indicators", indicatorRecords(IndicatorCatalogue.load(conf)), INDICATOR_SCHEMA, "indicator.parquet");
    }
    return PDone.in(rows.getPipeline());
  }

  static void writeTable(String outputDir, PBegin begin, String name, List<GenericRecord> records, Schema schema, String fileName) {
    begin.apply(name, Create.of(records).withCoder(AvroCoder.of(schema)))
        .apply("Write" + name, FileIO.<GenericRecord>write()
            .via(ParquetFiles.sink(schema))
            .to(outputDir + "/dimensions")
            .withNaming((window, pane, numShards, shardIndex, compression) -> fileName)
            .withNumShards(1));
  }

  static List<GenericRecord> gemeenteRecords(GemeenteInfo info) {
    List<GenericRecord> out = new ArrayList<>();
    for (GemeenteInfo.Area a : info.gemeenten().values()) out.add(gemeente(a));
    for (GemeenteInfo.Area a : info.regions().values()) out.add(gemeente(a));
    return out;
  }

  private static GenericRecord gemeente(GemeenteInfo.Area a) {
    GenericData.Record g = new GenericData.Record(GEMEENTE_SCHEMA);
    g.put("code", a.code());
    g.put("naam", a.naam());
    g.put("provincie", a.provincie());
    g.put("regio", a.regio() == null ? Dims.ONBEKEND : a.regio());
    return g;
  }

  static List<GenericRecord> indicatorRecords(IndicatorCatalogue cat) {
    List<GenericRecord> out = new ArrayList<>();
    for (IndicatorCatalogue.Entry e : cat.entries()) {
      GenericData.Record g = new GenericData.Record(INDICATOR_SCHEMA);
      g.put("code", e.code());
      g.put("naam_nl", e.naamNl());
      g.put("name_en", e.nameEn());
      g.put("definitie", e.definitie());
      g.put("teller", e.teller().isEmpty() ? null : e.teller());
      g.put("noemer", e.noemer().isEmpty() ? null : e.noemer());
      g.put("eenheid", e.eenheid());
      g.put("bron", e.bron());
      out.add(g);
    }
    return out;
  }
}
