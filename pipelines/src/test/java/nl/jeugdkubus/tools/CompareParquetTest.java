package nl.jeugdkubus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareParquetTest {
  static final Schema CELL = SchemaBuilder.record("Cell").fields()
      .requiredString("gemeente")
      .requiredString("indicator")
      .requiredLong("aantal")
      .optionalDouble("waarde")
      .endRecord();

  static final Schema OTHER = SchemaBuilder.record("Cell").fields()
      .requiredString("gemeente")
      .requiredString("indicator")
      .requiredLong("aantal")
      .endRecord();

  static GenericRecord cell(String gm, String ind, long n, Double w) {
    GenericRecord r = new GenericData.Record(CELL);
    r.put("gemeente", gm);
    r.put("indicator", ind);
    r.put("aantal", n);
    r.put("waarde", w);
    return r;
  }

  static void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter
        .<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
        .withSchema(schema).build()) {
      for (GenericRecord r : rows) w.write(r);
    }
  }

  // Reference table: 2 periods (partition folders) x 2 rows.
  static final GenericRecord H1_A = cell("GM0363", "jeugdhulp", 120, 0.1);
  static final GenericRecord H1_B = cell("GM0599", "jeugdhulp", 85, 1.0 / 3.0);
  static final GenericRecord H2_A = cell("GM0363", "jeugdhulp", 125, null);
  static final GenericRecord H2_B = cell("GM0599", "jeugdhulp", 80, 1234567.0);

  /** Tree A: one file per period, rows in one order. */
  static Path treeA(Path root) throws IOException {
    write(root.resolve("periode=2024H1/part-0.parquet"), CELL, List.of(H1_A, H1_B));
    write(root.resolve("periode=2024H2/part-0.parquet"), CELL, List.of(H2_A, H2_B));
    return root;
  }

  @Test
  void sameRowsInOtherFilesAndOrderAreEqual(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    // same four rows, reversed order, split over three files
    write(b.resolve("periode=2024H2/part-0.parquet"), CELL, List.of(H2_B));
    write(b.resolve("periode=2024H2/part-1.parquet"), CELL, List.of(H2_A));
    write(b.resolve("periode=2024H1/part-0.parquet"), CELL, List.of(H1_B, H1_A));
    // hidden and underscore files and folders are not part of the table
    Files.writeString(b.resolve("_SUCCESS"), "");
    write(b.resolve("_temporary/periode=2024H1/part-9.parquet"), CELL, List.of(cell("GM9999", "x", 1, 1.0)));
    write(b.resolve("periode=2024H1/.part-8.parquet"), CELL, List.of(cell("GM9999", "x", 1, 1.0)));

    CompareParquet.Result r = CompareParquet.compare(a, b, CompareParquet.DEFAULT_TOLERANCE, 20);
    assertTrue(r.equal(), r.differences().toString());
    assertEquals(2, r.filesA());
    assertEquals(3, r.filesB());
    assertEquals(4, r.rowsA());
    assertEquals(4, r.rowsB());
    // gemeente, indicator, aantal, waarde + partition column periode
    assertEquals(5, r.columns());
  }

  @Test
  void doubleBeyondToleranceDiffers(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    write(b.resolve("periode=2024H1/p.parquet"), CELL, List.of(H1_A, cell("GM0599", "jeugdhulp", 85, 1.0 / 3.0 + 1e-6)));
    write(b.resolve("periode=2024H2/p.parquet"), CELL, List.of(H2_A, H2_B));
    CompareParquet.Result r = CompareParquet.compare(a, b, CompareParquet.DEFAULT_TOLERANCE, 20);
    // 1e-6 > 1e-9 * max(1, 0.33) -> exactly one cell differs
    assertEquals(1, r.differenceCount());
    assertTrue(r.differences().get(0).contains("GM0599"), r.differences().get(0));
    assertTrue(r.differences().get(0).contains("'waarde'"), r.differences().get(0));
  }

  @Test
  void toleranceIsRelativeAboveOneAndZeroMeansExact(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    // 1234567 + 1e-4: |diff| 1e-4 <= 1e-9 * 1234567.0001 (= 1.23e-3) -> equal under the relative tolerance;
    // 0.1 + 1e-12: |diff| 1e-12 <= 1e-9 * 1 -> equal
    write(b.resolve("periode=2024H1/p.parquet"), CELL, List.of(cell("GM0363", "jeugdhulp", 120, 0.1 + 1e-12), H1_B));
    write(b.resolve("periode=2024H2/p.parquet"), CELL, List.of(H2_A, cell("GM0599", "jeugdhulp", 80, 1234567.0 + 1e-4)));
    assertTrue(CompareParquet.compare(a, b, 1e-9, 20).equal());
    // exact: both cells differ
    assertEquals(2, CompareParquet.compare(a, b, 0.0, 20).differenceCount());
  }

  @Test
  void missingRowAndMovedPartitionAreReported(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    // H1_B is missing; H2_A sits in the wrong period folder
    write(b.resolve("periode=2024H1/p.parquet"), CELL, List.of(H1_A, H2_A));
    write(b.resolve("periode=2024H2/p.parquet"), CELL, List.of(H2_B));
    CompareParquet.Result r = CompareParquet.compare(a, b, CompareParquet.DEFAULT_TOLERANCE, 20);
    // row count 4 vs 3; only in A: H1_B and H2_A(2024H2); only in B: H2_A(2024H1) -> 4 differences
    assertEquals(4, r.differenceCount(), r.differences().toString());
    assertEquals(1, r.differences().stream().filter(d -> d.startsWith("row count differs: A 4, B 3")).count());
    assertEquals(2, r.differences().stream().filter(d -> d.startsWith("only in A")).count());
    assertEquals(1, r.differences().stream().filter(d -> d.startsWith("only in B") && d.contains("periode=2024H1")
        && d.contains("aantal=125")).count());
    // max differences caps the list but not the count
    CompareParquet.Result capped = CompareParquet.compare(a, b, CompareParquet.DEFAULT_TOLERANCE, 1);
    assertEquals(1, capped.differences().size());
    assertEquals(4, capped.differenceCount());
  }

  @Test
  void differentColumnsDiffer(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    GenericRecord r = new GenericData.Record(OTHER);
    r.put("gemeente", "GM0363");
    r.put("indicator", "jeugdhulp");
    r.put("aantal", 120L);
    write(b.resolve("periode=2024H1/p.parquet"), OTHER, List.of(r));
    CompareParquet.Result res = CompareParquet.compare(a, b, CompareParquet.DEFAULT_TOLERANCE, 20);
    assertFalse(res.equal());
    assertTrue(res.differences().get(0).contains("only in A [waarde]"), res.differences().get(0));
  }

  @Test
  void partitionFolderThatRepeatsAColumnMustAgree(@TempDir Path tmp) throws IOException {
    // gemeente is both a folder and a column: agreeing values count once, as the file's column
    Path a = tmp.resolve("a");
    write(a.resolve("gemeente=GM0363/p.parquet"), CELL, List.of(H1_A));
    CompareParquet.Table t = CompareParquet.read(a);
    assertEquals(List.of("aantal", "gemeente", "indicator", "waarde"), List.copyOf(t.columns()));
    assertEquals("GM0363", t.rows().get(0).get("gemeente"));
    // a folder that contradicts the column is an error, not a silent choice
    Path bad = tmp.resolve("bad");
    write(bad.resolve("gemeente=GM0599/p.parquet"), CELL, List.of(H1_A));
    assertThrows(IllegalArgumentException.class, () -> CompareParquet.read(bad));
  }

  @Test
  void commandLineExitCodes(@TempDir Path tmp) throws IOException {
    Path a = treeA(tmp.resolve("a"));
    Path same = treeA(tmp.resolve("same"));
    Path other = tmp.resolve("other");
    write(other.resolve("periode=2024H1/p.parquet"), CELL, List.of(H1_A));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(0, CompareParquet.run(new String[] {a.toString(), same.toString()}, o, e));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("EQUAL: 4 rows x 5 columns"));
    assertEquals(1, CompareParquet.run(new String[] {"--tolerance=0", a.toString(), other.toString()}, o, e));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("DIFFERENT"));
    assertEquals(2, CompareParquet.run(new String[] {a.toString(), tmp.resolve("nope").toString()}, o, e));
    assertEquals(2, CompareParquet.run(new String[] {a.toString()}, o, e));
    assertEquals(2, CompareParquet.run(new String[] {"--bogus", a.toString(), same.toString()}, o, e));
  }
}
