package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.model.PublishedRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import nl.jeugdkubus.common.ParquetFiles;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes the published tables (docs/disclosure.md, docs/tables.md) as Parquet with the PublishedRow schema,
 * one dataset per table with Hive partitions: {@code <outputDir>/tables/<tabel>/periode=2024H1/gemeente=GM0197/part-*.parquet};
 * and the dimension tables {@code dimensions/gemeente.parquet}, {@code dimensions/indicator.parquet} and
 * {@code dimensions/tabel.parquet} (conf/tables.csv: tabel, titel, indicatoren, dimensies). Every table has
 * the same columns (the dimensions that are not a breakdown of the table hold 'totaal').
 */
public class WriteTables extends PTransform<PCollection<PublishedRow>, PDone> {
  public static final Schema TABEL_SCHEMA = SchemaBuilder.record("Tabel").namespace("nl.jeugdkubus.dimensions").fields()
      .requiredString("tabel").requiredString("titel").requiredString("indicatoren").requiredString("dimensies")
      .requiredString("perioden").endRecord();

  private final String outputDir;
  private final ConfTables conf;
  private final Integer boundaries;

  public WriteTables(String outputDir, ConfTables conf) {
    this(outputDir, conf, null);
  }

  /** @param boundaries --boundaries year of the gemeenten dimension table (null: the newest) */
  public WriteTables(String outputDir, ConfTables conf, Integer boundaries) {
    this.boundaries = boundaries;
    this.outputDir = outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
    this.conf = conf;
  }

  /** The folder of a row below tables/: its table and Hive partition. */
  public static String partition(PublishedRow r) {
    return r.getTabel() + "/periode=" + r.getPeriode() + "/gemeente=" + r.getGemeenteCode();
  }

  static GenericRecord toGeneric(PublishedRow r) {
    Schema s = PublishedRow.getClassSchema();
    GenericData.Record g = new GenericData.Record(s);
    for (int i = 0; i < s.getFields().size(); i++) g.put(i, r.get(i));
    return g;
  }

  @Override
  public PDone expand(PCollection<PublishedRow> rows) {
    String schema = PublishedRow.getClassSchema().toString();
    rows.apply("WriteTablesParquet", FileIO.<String, PublishedRow>writeDynamic()
        .by(WriteTables::partition)
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(WriteTables::toGeneric), ParquetFiles.sink(new Schema.Parser().parse(schema)))
        .to(outputDir + "/tables")
        .withNaming(WriteCube::partitionNaming)
        .withNumShards(1));
    PBegin begin = rows.getPipeline().begin();
    IndicatorCatalogue cat = IndicatorCatalogue.load(conf);
    WriteCube.writeTable(outputDir, begin, "Gemeenten", WriteCube.gemeenteRecords(GemeenteInfo.load(conf, boundaries)),
        WriteCube.GEMEENTE_SCHEMA, "gemeente.parquet");
    WriteCube.writeTable(outputDir, begin, "Indicators", WriteCube.indicatorRecords(cat), WriteCube.INDICATOR_SCHEMA,
        "indicator.parquet");
    WriteCube.writeTable(outputDir, begin, "Tabellen", tabelRecords(TableCatalogue.load(conf, cat)), TABEL_SCHEMA,
        "tabel.parquet");
    return PDone.in(rows.getPipeline());
  }

  static List<GenericRecord> tabelRecords(TableCatalogue c) {
    List<GenericRecord> out = new ArrayList<>();
    for (TableCatalogue.Table t : c.tables()) {
      GenericData.Record g = new GenericData.Record(TABEL_SCHEMA);
      g.put("tabel", t.id());
      g.put("titel", t.titel());
      g.put("indicatoren", String.join(",", t.indicators()));
      g.put("dimensies", String.join(",", t.dimensions()));
      g.put("perioden", t.perioden());
      out.add(g);
    }
    return out;
  }
}
