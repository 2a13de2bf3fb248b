package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.jeugdkubus.common.PausePoint;
import nl.jeugdkubus.generator.GenerateRegion;
import nl.jeugdkubus.tools.CompareRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the job runs as a separate JVM and is killed (destroyForcibly, like kill -9) at named
 * moments ({@link PausePoint}: the job waits there, so the kill point is exact, not timing luck). The
 * previous output must stay byte-identical through every kill before the switch, be completely the new
 * output after it, and a rerun must give the same tables as an uninterrupted run.
 */
class CrashSafetyTest {
  @TempDir static Path dir;
  static Path input;
  static Path key;

  @BeforeAll
  static void generate() throws Exception {
    input = dir.resolve("input");
    GenerateRegion.main(new String[] {"--out", input.toString(), "--seed", "11", "--scale", "0.003",
        "--from", "2023H1", "--to", "2023H2", "--defects", "0"});
    key = dir.resolve("crash.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
  }

  static ProcessBuilder job(Path output, String runId, String pauseAt) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
    if (pauseAt != null) {
      cmd.add("-D" + PausePoint.PROPERTY + "=" + pauseAt);
      cmd.add("-D" + PausePoint.DIR_PROPERTY + "=" + dir.resolve("pause"));
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JeugdkubusPipeline.class.getName(),
        "--input=" + input, "--output=" + output, "--keyFile=" + key, "--periods=2023H1-2023H2",
        "--runId=" + runId, "--internalCube=true", "--progress=false", "--declarationsCsv=none",
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1"));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(runId + "-" + (pauseAt == null ? "full" : pauseAt) + ".log").toFile());
  }

  static void runToEnd(Path output, String runId) throws Exception {
    Process p = job(output, runId, null).start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "job finished");
    assertEquals(0, p.exitValue(), log(runId + "-full"));
  }

  /** Starts the job, waits until it reports the pause point, kills it. */
  static void killAt(Path output, String runId, String point) throws Exception {
    Path marker = dir.resolve("pause").resolve(point + ".reached");
    Files.deleteIfExists(marker);
    Process p = job(output, runId, point).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (!Files.exists(marker)) {
      assertTrue(p.isAlive(), "the job ended before reaching " + point + ":\n" + log(runId + "-" + point));
      assertTrue(System.nanoTime() < deadline, "pause point " + point + " not reached");
      Thread.sleep(100);
    }
    p.destroyForcibly();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
  }

  static String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Test
  void killedAtEveryMomentThePreviousOutputStaysAndARerunGivesTheSameTables() throws Exception {
    Path out = dir.resolve("out");
    runToEnd(out, "previous");
    SortedMap<String, String> previous = OutputSnapshot.of(out);
    assertTrue(previous.keySet().stream().anyMatch(f -> f.endsWith(".parquet")), previous.keySet().toString());
    assertTrue(previous.containsKey("manifest.json"));

    for (String point : List.of("reading", "writing", "before-manifest", "before-switch")) {
      killAt(out, "new", point);
      assertEquals(previous, OutputSnapshot.of(out), "killed at " + point + ": the previous output is intact, byte for byte");
    }
    // killed just after the switch: what a reader sees is the complete new output (checked below)
    killAt(out, "new", "after-switch");
    SortedMap<String, String> afterSwitch = OutputSnapshot.of(out);
    assertNotEquals(previous, afterSwitch);

    Path reference = dir.resolve("reference");
    runToEnd(reference, "new");
    assertSameOutput(reference, out, "killed after the switch");

    runToEnd(out, "new");
    assertSameOutput(reference, out, "rerun after the kills");
    try (Stream<Path> s = Files.walk(out)) {
      List<String> leftovers = s.map(p -> out.relativize(p).toString())
          .filter(n -> n.contains(".temp-beam") || n.startsWith(".pending-")).toList();
      assertEquals(List.of(), leftovers, "no temporary folders left behind");
    }
    try (Stream<Path> s = Files.list(out.resolve(".versions"))) {
      assertEquals(2, s.count(), "the current version and the one before it");
    }
  }

  /** The equivalence of docs/runbook.md (tools/CompareRuns): same tables, dead letters, input digests and manifest. */
  static void assertSameOutput(Path expected, Path actual, String when) throws Exception {
    assertEquals(List.of(), CompareRuns.compare(expected, actual), when);
  }
}
