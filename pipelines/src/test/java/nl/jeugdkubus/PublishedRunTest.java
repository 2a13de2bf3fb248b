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
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--keyFile=" + key,
        "--periods=2023H1-2023H2", "--internalCube=true", "--progress=false",
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    args.addAll(List.of(extra));
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
