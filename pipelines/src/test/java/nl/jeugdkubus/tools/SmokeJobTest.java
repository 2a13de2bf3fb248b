package nl.jeugdkubus.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ModelCoders;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeJobTest {

  @Test
  void groupStatsOfOneGroup() {
    // numbers 0..9, group 0 of mod 3: 0, 3, 6, 9 -> count 4, sum 18, min 0, max 9,
    // squares 0 + 9 + 36 + 81 = 126, mean 18 / 4 = 4.5
    SmokeJob.GroupStats s = SmokeJob.GroupStats.of(0, List.of(9L, 3L, 0L, 6L));
    assertEquals(new SmokeJob.GroupStats(0, 4, 18, 0, 9, 126), s);
    assertEquals(4.5, s.mean());
    assertThrows(IllegalArgumentException.class, () -> SmokeJob.GroupStats.of(1, List.of()));
  }

  @Test
  void summariseGroupsByModulo() {
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    PCollection<GenericRecord> out = p.apply(new SmokeJob.Summarise(10, 3));
    // 0..9 mod 3: {0,3,6,9} sum 18 sq 126; {1,4,7} sum 12 sq 1+16+49=66; {2,5,8} sum 15 sq 4+25+64=93
    PAssert.that(out).containsInAnyOrder(
        new SmokeJob.GroupStats(0, 4, 18, 0, 9, 126).toRecord(),
        new SmokeJob.GroupStats(1, 3, 12, 1, 7, 66).toRecord(),
        new SmokeJob.GroupStats(2, 3, 15, 2, 8, 93).toRecord());
    p.run().waitUntilFinish();
  }

  @Test
  void writesPartitionedCubeAndCountersAddUp(@TempDir Path tmp) throws Exception {
    SmokeJob.Options o = PipelineOptionsFactory.fromArgs(
        "--output=" + tmp.resolve("run"), "--numbers=10", "--groups=3", "--buckets=2").as(SmokeJob.Options.class);
    Pipeline p = SmokeJob.build(o);
    PipelineResult result = p.run();
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
    // 10 numbers counted in; groups 0, 1, 2 out
    assertEquals(10, SmokeJob.counterValue(result, SmokeJob.NUMBERS_COUNTER));
    assertEquals(3, SmokeJob.counterValue(result, SmokeJob.GROUPS_COUNTER));
    assertTrue(SmokeJob.check(o, 10, 3).isEmpty());
    assertEquals(2, SmokeJob.check(o, 9, 4).size());

    CompareParquet.Table t = CompareParquet.read(tmp.resolve("run/cube"));
    // group mod 2: groups 0 and 2 in bucket=0, group 1 in bucket=1 -> two files, three rows
    assertEquals(2, t.files().size());
    assertEquals(3, t.rows().size());
    assertEquals(List.of("bucket", "count", "group", "max", "mean", "min", "sum", "sum_of_squares"),
        List.copyOf(t.columns()));
    Map<String, Object> g1 = t.rows().stream().filter(r -> r.get("group").equals(1)).findFirst().orElseThrow();
    assertEquals("1", g1.get("bucket"));
    assertEquals(3L, g1.get("count"));
    assertEquals(12L, g1.get("sum"));
    assertEquals(4.0, g1.get("mean"));
    assertTrue(t.rows().stream().filter(r -> !r.get("group").equals(1)).allMatch(r -> r.get("bucket").equals("0")));
  }
}
