package nl.jeugdkubus.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.PublishedRow;
import nl.jeugdkubus.publish.Publisher;
import nl.jeugdkubus.report.HandMadeTables;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The companion rule on hand-made Parquet tables: a published output of 2022H2, 2023H1, 2023H2 and 2023 (one cell
 * each, run "first"); a rerun of 2023H2 recomputes 2023H1 for the year. When 2023H1's recomputed cell equals the
 * published one, the published file stays (same inode); when it differs, 2023H1 is replaced too and listed.
 */
class PeriodExactRerunTest {
  @TempDir Path out;

  static final Map<String, Double> FIRST = Map.of("2022H2", 5.0, "2023H1", 10.0, "2023H2", 20.0, "2023", 15.0);

  static GenericRecord cell(String periode, Double waarde, String status, String runId) {
    GenericRecord r = HandMadeTables.row("benchmark", "jongeren_jeugdhulp_pct_cbs", periode, "GM0197", Map.of(), waarde, "procent", false);
    r.put("cbs_status", status);
    r.put("run_id", runId);
    return r;
  }

  static void writeCell(Path root, String periode, Double waarde, String status, String runId) throws IOException {
    HandMadeTables.write(root.resolve("tables/benchmark/periode=" + periode + "/gemeente=GM0197/part-00000-of-00001.parquet"),
        PublishedRow.getClassSchema(), List.of(cell(periode, waarde, status, runId)));
  }

  void publishFirst() throws IOException {
    try (Publisher p = Publisher.open(out, "first")) {
      for (Map.Entry<String, Double> e : FIRST.entrySet()) writeCell(p.pending(), e.getKey(), e.getValue(), "voorlopig", "first");
      Files.writeString(p.pending().resolve("manifest.json"), "{\"run_id\":\"first\"}");
      p.publish();
    }
  }

  /** The rerun of 2023H2 (new value 22.0, definitief) and its year (16.0), with 2023H1 recomputed as {@code h1}. */
  PeriodExactRerun.Outcome rerun(double h1) throws IOException {
    RerunPlan plan = RerunPlan.of(List.of(Period.parse("2023H2")),
        FIRST.keySet().stream().map(Period::parse).toList(), Period.parse("2021H1"), false);
    try (Publisher p = Publisher.open(out, "rerun")) {
      writeCell(p.pending(), "2023H1", h1, "voorlopig", "rerun");
      writeCell(p.pending(), "2023H2", 22.0, "definitief", "rerun");
      writeCell(p.pending(), "2023", 16.0, "voorlopig", "rerun");
      PeriodExactRerun.Outcome o = PeriodExactRerun.prepare(p, plan, "rerun");
      Files.writeString(p.pending().resolve("manifest.json"), "{\"run_id\":\"rerun\"}");
      p.publish();
      return o;
    }
  }

  Object inode(String periode) throws IOException {
    return Files.getAttribute(out.resolve("tables/benchmark/periode=" + periode + "/gemeente=GM0197/part-00000-of-00001.parquet")
        .toRealPath(), "unix:ino");
  }

  @Test
  void aSiblingWithTheSameFiguresKeepsItsPublishedFile() throws IOException {
    publishFirst();
    Object h1 = inode("2023H1");
    Object h2022 = inode("2022H2");
    PeriodExactRerun.Outcome o = rerun(10.0);
    assertEquals(List.of("2023", "2023H2"), o.replaced());
    assertEquals(Map.of("2023H1", "kept"), o.companions());
    assertEquals(h1, inode("2023H1"), "the published 2023H1 file, run id 'first'");
    assertEquals(h2022, inode("2022H2"));
    // two cells changed: 2023H2 20 -> 22 and voorlopig -> definitief, 2023 15 -> 16
    JsonNode c = new ObjectMapper().readTree(out.resolve("changes.json").toFile());
    assertEquals(2, c.get("summary").get("changed").asInt());
    assertEquals(1, c.get("summary").get("cbs_status").get("voorlopig → definitief").asInt());
    // in key order: the half-years of a year before the year
    JsonNode first = c.get("changes").get(0);
    assertEquals("2023H2", first.get("periode").asText());
    assertEquals(20.0, first.get("oud").get("waarde").asDouble());
    assertEquals(22.0, first.get("nieuw").get("waarde").asDouble());
    assertEquals("voorlopig", first.get("oud").get("cbs_status").asText());
    assertEquals("definitief", first.get("nieuw").get("cbs_status").asText());
    JsonNode second = c.get("changes").get(1);
    assertEquals("2023", second.get("periode").asText());
    assertEquals(15.0, second.get("oud").get("waarde").asDouble());
    assertEquals(16.0, second.get("nieuw").get("waarde").asDouble());
    assertEquals("voorlopig", second.get("nieuw").get("cbs_status").asText());
    assertTrue(Files.isRegularFile(out.resolve("history/rerun/tables/benchmark/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet")));
    assertFalse(Files.exists(out.resolve("history/rerun/tables/benchmark/periode=2023H1")));
  }

  @Test
  void aSiblingWhoseFiguresChangedIsReplacedTooAndListed() throws IOException {
    publishFirst();
    Object h1 = inode("2023H1");
    PeriodExactRerun.Outcome o = rerun(11.0);
    assertEquals(List.of("2023", "2023H1", "2023H2"), o.replaced());
    assertEquals(Map.of("2023H1", "replaced"), o.companions());
    assertFalse(h1.equals(inode("2023H1")), "2023H1 comes from the rerun, with the year and 2023H2");
    JsonNode c = new ObjectMapper().readTree(out.resolve("changes.json").toFile());
    assertEquals(3, c.get("summary").get("changed").asInt());
    assertEquals("2023H1", c.get("changes").get(0).get("periode").asText());
    assertEquals(10.0, c.get("changes").get(0).get("oud").get("waarde").asDouble());
    assertEquals(11.0, c.get("changes").get(0).get("nieuw").get("waarde").asDouble());
    assertTrue(Files.readString(out.resolve("changes.md")).contains("2023H1: meeberekend voor het jaarcijfer of de indexbasis;"
        + " de cijfers verschilden van de gepubliceerde, dus ook vervangen"));
    assertTrue(Files.isRegularFile(out.resolve("history/rerun/tables/benchmark/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet")));
  }
}
