package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.generator.GenerateRegion;
import nl.jeugdkubus.publish.OwnerOnly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on small generated data with defects: a published run's manifest (configuration tables
 * and their hashes, which output is shareable), owner-only internal cube and dead letters; and a run
 * over the reject threshold that ends with exit code 4, names the source and leaves the output as it was.
 */
class PublishedRunTest {
  @TempDir static Path dir;
  static Path input;
  static Path key;
  static Path output;
  static Result first;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void publishOnce() throws Exception {
    input = dir.resolve("input");
    // 5 % defects: well over the default threshold of 2 %
    GenerateRegion.main(new String[] {"--out", input.toString(), "--seed", "5", "--scale", "0.01",
        "--from", "2023H1", "--to", "2023H2", "--defects", "0.05"});
    key = dir.resolve("k.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
    output = dir.resolve("out");
    first = execute("--runId=first", "--maxRejectPercent=100");
    assertEquals(0, first.exitCode(), first.out() + first.err());
  }

  static Result execute(String... extra) {
    return execute(input, output, extra);
  }

  static Result execute(Path input, Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("--periods=2023H1-2023H2", "--internalCube=true"));
    args.addAll(List.of(extra));
    return executeWith(input, output, key, args.toArray(String[]::new));
  }

  /** The job on the embedded runner, with its console captured; {@code options}: every option besides input, output, key. */
  static Result executeWith(Path input, Path output, Path key, String... options) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--keyFile=" + key,
        "--progress=false", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    args.addAll(List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = JeugdkubusPipeline.execute(args.toArray(String[]::new));
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void theManifestListsTheConfigurationTablesWithTheirHashesAndWhatIsShareable() throws Exception {
    JsonNode m = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    assertEquals("first", m.get("run_id").asText());
    Map<String, String> tables = new HashMap<>();
    for (JsonNode t : m.get("configuration")) {
      assertEquals("packaged", t.get("origin").asText());
      tables.put(t.get("table").asText(), t.get("sha256").asText());
    }
    for (ConfTables.Source s : ConfTables.packaged().sources()) {
      String repoHash = OutputSnapshot.sha256(Files.readAllBytes(Path.of("..", "conf", s.name())));
      assertEquals(repoHash, tables.get(s.name()), s.name());
    }
    assertEquals(ConfTables.packaged().sources().size(), tables.size());
    Map<String, String> access = new HashMap<>();
    Map<String, Boolean> shareable = new HashMap<>();
    for (JsonNode o : m.get("outputs")) {
      access.put(o.get("entry").asText(), o.get("access").asText());
      shareable.put(o.get("entry").asText(), o.get("shareable").asBoolean());
      assertEquals(output.resolve(o.get("entry").asText()).toString(), o.get("path").asText());
      assertTrue(Files.exists(output.resolve(o.get("entry").asText())), o.toString());
    }
    assertEquals("owner-only", access.get("internal"));
    assertEquals("owner-only", access.get("deadletters"));
    assertFalse(shareable.get("internal"));
    assertFalse(shareable.get("deadletters"));
    assertFalse(shareable.get("manifest.json"));
    assertTrue(shareable.get("dimensions"));
    assertTrue(shareable.get("report"), "the report is drawn from the published tables only");
    // the report: a front page and one page per gemeente of the published tables
    assertTrue(Files.isRegularFile(output.resolve("report").resolve("index.html")));
    try (Stream<Path> s = Files.list(output.resolve("tables").resolve("jongeren_jeugdzorg").resolve("periode=2023H1"))) {
      List<String> gemeenten = s.map(p -> p.getFileName().toString().substring("gemeente=".length()))
          .filter(g -> g.startsWith("GM")).toList();
      assertFalse(gemeenten.isEmpty());
      for (String g : gemeenten) assertTrue(Files.isRegularFile(output.resolve("report").resolve(g + ".html")), g);
    }
  }

  @Test
  void theManifestRecordsEveryInputFileWithItsSha256AndTheSoftwareVersion() throws Exception {
    JsonNode m = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    JsonNode ijw = m.get("inputs").get("ijw");
    // every message file of the input folder, each with the digest of its bytes (sha256 computed here, by the test)
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.list(input.resolve("ijw"))) {
      files = s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
    assertTrue(files.size() > 10, "generated messages: " + files.size());
    assertEquals(files.size(), ijw.get("files").asInt());
    Map<String, String> listed = new HashMap<>();
    for (JsonNode f : ijw.get("per_file")) listed.put(f.get("file").asText(), f.get("sha256").asText());
    for (Path f : files) {
      assertEquals(OutputSnapshot.sha256(Files.readAllBytes(f)), listed.get("ijw/" + f.getFileName()), f.toString());
    }
    // the list file is the sorted list the list digest is taken over
    String list = Files.readString(output.resolve(ijw.get("list").asText()));
    assertEquals(files.size(), list.lines().count());
    assertEquals(OutputSnapshot.sha256(list.getBytes(StandardCharsets.UTF_8)), ijw.get("list_sha256").asText());
    for (String source : List.of("registraties", "ijw", "declaraties_csv", "cbs", "financien")) {
      assertTrue(m.get("inputs").get(source).get("files").asInt() > 0, source + " has input files in the manifest");
    }
    assertFalse(m.get("software").get("commit").asText().isBlank());
    assertFalse(m.get("software").get("version").asText().isBlank());
  }

  /**
   * Same input, same key, another run id and folder: the outputs differ only where CompareRuns allows
   * (run_id column, run id and times in the manifest), so the check proves the figures are the same. One
   * message file fewer in the input makes them different.
   */
  @Test
  void aRerunOnTheSameInputIsEquivalentAndOneChangedFileIsNot() throws Exception {
    Path again = dir.resolve("again");
    Result second = execute(input, again, "--runId=second", "--maxRejectPercent=100");
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertEquals(List.of(), nl.jeugdkubus.tools.CompareRuns.compare(output, again));
    // without leaving out run_id the tables differ in every row: the equivalence is not vacuous
    assertFalse(nl.jeugdkubus.tools.CompareParquet.compare(output.resolve(firstTableEntry()),
        again.resolve(firstTableEntry()), 0, 1).equal());

    Path changed = dir.resolve("changed-input");
    copyTree(input, changed);
    Path oneMessage;
    try (java.util.stream.Stream<Path> s = Files.list(changed.resolve("ijw"))) {
      oneMessage = s.filter(f -> f.getFileName().toString().startsWith("JW323")).sorted().findFirst().orElseThrow();
    }
    Files.delete(oneMessage);
    Path other = dir.resolve("other");
    Result third = execute(changed, other, "--runId=third", "--maxRejectPercent=100");
    assertEquals(0, third.exitCode(), third.out() + third.err());
    List<String> diffs = nl.jeugdkubus.tools.CompareRuns.compare(output, other);
    assertTrue(diffs.stream().anyMatch(d -> d.startsWith("manifest.json")), diffs.toString());
    assertTrue(diffs.stream().anyMatch(d -> d.startsWith("inputs")), diffs.toString());
  }

  /** The published Parquet entry that holds the indicator rows (with a run_id column). */
  static String firstTableEntry() {
    return Files.isDirectory(output.resolve("tables")) ? "tables" : "cube";
  }

  static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }

  @Test
  void theInternalCubeAndTheDeadLettersAreOwnerOnly() throws Exception {
    for (String entry : List.of("internal", "deadletters")) {
      try (Stream<Path> s = Files.walk(output.resolve(entry), FileVisitOption.FOLLOW_LINKS)) {
        List<Path> all = s.toList();
        assertTrue(all.size() > 1, entry);
        for (Path f : all) {
          assertEquals(Files.isDirectory(f) ? OwnerOnly.DIRECTORY : OwnerOnly.FILE, Files.getPosixFilePermissions(f), f.toString());
        }
      }
    }
  }

  @Test
  void aRunOverTheRejectThresholdIsNotPublished() throws Exception {
    SortedMap<String, String> before = OutputSnapshot.of(output);
    Result r = execute("--runId=second");
    assertEquals(4, r.exitCode(), r.out() + r.err());
    // e.g. "source registraties: 12 of 230 records rejected (5.22 %, more than --maxRejectPercent=2); top reasons: ..."
    assertTrue(r.err().lines().anyMatch(l -> l.matches("jeugdkubus: source [a-z_]+: \\d+ of \\d+ records rejected \\(\\d+\\.\\d\\d %, "
        + "more than --maxRejectPercent=2\\); top reasons: [a-z]+\\.[A-Z_]+ \\d+.*")), r.err());
    assertTrue(r.out().contains("NOT PUBLISHED"), r.out());
    assertEquals(before, OutputSnapshot.of(output), "the previous output is unchanged");
  }
}
