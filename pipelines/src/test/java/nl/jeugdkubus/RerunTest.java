package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdkubus.generator.GenerateRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The October rerun (issue 10, "Done when"): a generated region published for 2022H1-2023H2; then CBS makes
 * 2023H2 definitive (Perioden 2023HJ02 Voorlopig -> Definitief) and corrects one figure (JongerenMetJeugdhulpInNatura_1
 * of one gemeente in 2023HJ02 becomes 12.3); the rerun with {@code --periods=2023H2} replaces 2023H2 and the year
 * 2023, keeps 2023H1 (recomputed for the year, figures unchanged), leaves 2022H1, 2022H2 and 2022 byte-identical
 * (the same files), keeps the previous 2023H2 files under history/ and lists the changed cells in the change report.
 * A second rerun with --keepHistory=1 on unchanged input changes nothing and keeps one history run.
 */
class RerunTest {
  @TempDir static Path dir;
  static Path input;
  static Path output;
  static Path key;
  static SortedMap<String, String> before;
  static Map<String, Object> inodesBefore;
  static String gemeente;
  static double oldValue;
  static PublishedRunTest.Result rerun;
  static PublishedRunTest.Result rerun2;
  static SortedMap<String, String> afterRerun;
  static JsonNode changes;
  static JsonNode changes2;
  static String changesJson;
  static String changesMd;
  static JsonNode manifest;

  static final Pattern CBS_ROW = Pattern.compile(
      "(\"RegioS\": \"(GM\\d{4}) *\", \"Perioden\": \"2023HJ02\", \"JongerenMetJeugdhulpInNatura_1\": )(\\d+(?:\\.\\d+)?)");

  @BeforeAll
  static void publishThenRerun() throws Exception {
    input = dir.resolve("input");
    GenerateRegion.main(new String[] {"--out", input.toString(), "--seed", "11", "--scale", "0.01",
        "--from", "2022H1", "--to", "2023H2", "--defects", "0"});
    key = dir.resolve("k.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
    output = dir.resolve("out");
    PublishedRunTest.Result first = run("--runId=first", "--periods=2022H1-2023H2");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    before = OutputSnapshot.of(output);
    inodesBefore = inodes(output.resolve("tables"));

    // CBS makes 2023H2 definitive and corrects one gemeente's figure
    Path perioden = input.resolve("cbs/85098NED_Perioden.json");
    String p = Files.readString(perioden);
    String changed = p.replace("{\"Key\": \"2023HJ02\", \"Title\": \"2023 2e halfjaar\", \"Status\": \"Voorlopig\"}",
        "{\"Key\": \"2023HJ02\", \"Title\": \"2023 2e halfjaar\", \"Status\": \"Definitief\"}");
    assertNotEquals(p, changed, "the generated Perioden file marks 2023H2 voorlopig");
    Files.writeString(perioden, changed);
    Path data = input.resolve("cbs/85098NED_TypedDataSet.json");
    String d = Files.readString(data);
    Matcher m = CBS_ROW.matcher(d);
    assertTrue(m.find(), "a gemeente row of 2023HJ02 with a figure");
    gemeente = m.group(2);
    oldValue = Double.parseDouble(m.group(3));
    assertNotEquals(12.3, oldValue);
    Files.writeString(data, d.substring(0, m.start()) + m.group(1) + "12.3" + d.substring(m.end()));

    rerun = run("--runId=rerun1", "--periods=2023H2");
    assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
    afterRerun = OutputSnapshot.of(output);
    changes = new ObjectMapper().readTree(output.resolve("changes.json").toFile());
    changesJson = Files.readString(output.resolve("changes.json"));
    changesMd = Files.readString(output.resolve("changes.md"));
    manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());

    rerun2 = run("--runId=rerun2", "--periods=2023H2", "--keepHistory=1");
    assertEquals(0, rerun2.exitCode(), rerun2.out() + rerun2.err());
    changes2 = new ObjectMapper().readTree(output.resolve("changes.json").toFile());
  }

  static PublishedRunTest.Result run(String... extra) {
    // the declarations arrive as JW323; the flat CSV export holds the same prestaties (as in SampleRun)
    List<String> args = new ArrayList<>(List.of("--internalCube=false", "--declarationsCsv=none"));
    args.addAll(List.of(extra));
    return PublishedRunTest.executeWith(input, output, key, args.toArray(String[]::new));
  }

  static Map<String, Object> inodes(Path root) throws Exception {
    Map<String, Object> m = new HashMap<>();
    Path real = root.toRealPath();
    try (Stream<Path> s = Files.walk(real)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) m.put(real.relativize(f).toString(), Files.getAttribute(f, "unix:ino"));
    }
    return m;
  }

  static String periodOf(String path) {
    for (String part : path.split("/")) if (part.startsWith("periode=")) return part.substring("periode=".length());
    return null;
  }

  @Test
  void theRerunReplacesTheHalfYearAndItsYearAndKeepsTheSiblingWhoseFiguresDidNotChange() {
    JsonNode m = changes;
    assertEquals("first", m.get("previous_run_id").asText());
    assertEquals("[\"2023H2\"]", m.get("requested_periods").toString());
    assertEquals("[\"2023\",\"2023H2\"]", m.get("replaced_periods").toString());
    assertEquals("{\"2023H1\":\"kept\"}", m.get("companion_periods").toString());
  }

  @Test
  void untouchedPeriodsAreByteIdenticalAndTheSameFiles() throws Exception {
    Map<String, Object> inodesNow = inodes(output.resolve("tables"));
    int untouched = 0;
    for (Map.Entry<String, String> f : before.entrySet()) {
      String per = periodOf(f.getKey());
      if (per == null || !f.getKey().startsWith("tables/") || per.equals("2023") || per.equals("2023H2")) continue;
      untouched++;
      assertEquals(f.getValue(), afterRerun.get(f.getKey()), f.getKey());
      String rel = f.getKey().substring("tables/".length());
      assertEquals(inodesBefore.get(rel), inodesNow.get(rel), "a hard link of the published file: " + rel);
    }
    assertTrue(untouched > 20, "2022H1, 2022H2, 2022 and 2023H1 hold many files: " + untouched);
    // the replaced periods: every file new (the run id is in every row)
    for (Map.Entry<String, String> f : afterRerun.entrySet()) {
      String per = periodOf(f.getKey());
      if ("2023H2".equals(per) && before.containsKey(f.getKey())) assertNotEquals(before.get(f.getKey()), f.getValue(), f.getKey());
    }
  }

  @Test
  void thePreviousVersionOfTheReplacedPeriodIsInHistoryAndRetentionKeepsTheNewest() throws Exception {
    // after rerun1: history/rerun1 held the first run's 2023H2 files; after rerun2 with --keepHistory=1 only rerun2 is left
    List<String> runs;
    try (Stream<Path> s = Files.list(output.resolve("history"))) {
      runs = s.map(x -> x.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of("rerun2"), runs);
    Path h = output.resolve("history/rerun2");
    int kept = 0;
    for (Map.Entry<String, String> f : afterRerun.entrySet()) {
      if (!"2023H2".equals(periodOf(f.getKey())) || !f.getKey().startsWith("tables/")) continue;
      kept++;
      assertEquals(f.getValue(), OutputSnapshot.sha256(Files.readAllBytes(h.resolve(f.getKey()))), f.getKey());
    }
    assertTrue(kept > 5, "" + kept);
    assertTrue(Files.isRegularFile(h.resolve("manifest.json")), "the replaced manifest is kept too");
    assertTrue(rerun.out().contains("history/rerun1"), rerun.out());
  }

  @Test
  void theChangeReportListsTheCorrectedFigureAndTheStatusChangeVoorlopigToDefinitief() {
    JsonNode hit = null;
    int statusChanges = 0;
    for (JsonNode c : changes.get("changes")) {
      String per = c.get("periode").asText();
      assertTrue(per.equals("2023H2") || per.equals("2023"), c.toString());
      assertEquals("changed", c.get("change").asText(), c.toString());
      if (!c.get("oud").get("cbs_status").equals(c.get("nieuw").get("cbs_status"))) {
        statusChanges++;
        assertEquals("2023H2", per);
        assertEquals("voorlopig", c.get("oud").get("cbs_status").asText());
        assertEquals("definitief", c.get("nieuw").get("cbs_status").asText());
      }
      if (c.get("indicator").asText().equals("jongeren_jeugdhulp_pct_cbs") && c.get("gemeente_code").asText().equals(gemeente)
          && per.equals("2023H2")) {
        hit = c;
      }
    }
    assertNotNull(hit, "the corrected CBS figure of " + gemeente + " in 2023H2");
    assertEquals(oldValue, hit.get("oud").get("waarde").asDouble(), 1e-9);
    assertEquals(12.3, hit.get("nieuw").get("waarde").asDouble(), 1e-9);
    assertEquals("voorlopig", hit.get("oud").get("cbs_status").asText());
    assertEquals("definitief", hit.get("nieuw").get("cbs_status").asText());
    assertEquals("totaal", hit.get("dimensies").get("leeftijdsklasse").asText());
    assertEquals(statusChanges, changes.get("summary").get("cbs_status").get("voorlopig → definitief").asInt());
    assertTrue(statusChanges > 0);
    assertEquals(changes.get("changes").size(), changes.get("summary").get("changed").asInt());
  }

  @Test
  void theChangeReportHoldsPublishedCellsOnlyAndASummaryInDutch() throws Exception {
    String json = changesJson;
    assertFalse(Pattern.compile("\\b\\d{9}\\b").matcher(json).find(), "no BSN-like number");
    assertFalse(json.contains("pseudoniem") || json.contains("pseudonym"), "no pseudonym field");
    for (JsonNode c : changes.get("changes")) {
      List<String> fields = new ArrayList<>();
      c.fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("change", "tabel", "indicator", "periode", "gemeente_code", "gemeente_naam", "dimensies", "eenheid",
          "oud", "nieuw"), fields);
    }
    String md = changesMd;
    assertTrue(md.contains("Vervangen perioden: 2023, 2023H2."), md);
    assertTrue(md.contains("voorlopig → definitief"), md);
    assertEquals("periods", manifest.get("publish").get("mode").asText());
    assertEquals("[\"2023\",\"2023H2\"]", manifest.get("publish").get("replaced_periods").toString());
    assertEquals("rerun1", manifest.get("run_id").asText(), "the manifest describes the rerun");
    Map<String, String> access = new TreeMap<>();
    for (JsonNode o : manifest.get("outputs")) access.put(o.get("entry").asText(), o.get("access").asText());
    assertEquals("not-shared", access.get("changes.json"));
    assertEquals("not-shared", access.get("changes.md"));
  }

  @Test
  void theReportIsDrawnFromEveryPublishedPeriodAfterARerun() throws Exception {
    // the report of the rerun reads the merged tables: its pages still hold the untouched half-years
    String page = Files.readString(output.resolve("report").resolve(gemeente + ".html"));
    assertTrue(page.contains("2022"), "2022 figures in the rerun's report");
  }

  @Test
  void aRerunOnUnchangedInputChangesNoCell() {
    assertEquals(0, changes2.get("summary").get("changed").asInt(), changes2.toString());
    assertEquals(0, changes2.get("changes").size());
    assertEquals("rerun1", changes2.get("previous_run_id").asText());
  }
}
