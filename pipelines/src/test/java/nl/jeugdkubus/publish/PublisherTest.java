package nl.jeugdkubus.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atomic publish: what a reader sees of the output at every step of a publish, full and
 * period-exact replacement, history, owner-only modes, the lock.
 */
class PublisherTest {
  @TempDir Path out;

  /** Everything a reader sees through the output's top-level names: relative path to content. */
  static SortedMap<String, String> view(Path out) throws IOException {
    SortedMap<String, String> m = new TreeMap<>();
    try (Stream<Path> top = Files.list(out)) {
      for (Path e : top.toList()) {
        String n = e.getFileName().toString();
        if (n.startsWith(".") || n.equals(Publisher.HISTORY) || !Files.exists(e)) continue;
        try (Stream<Path> s = Files.walk(e, FileVisitOption.FOLLOW_LINKS)) {
          for (Path f : s.filter(Files::isRegularFile).toList()) m.put(out.relativize(f).toString(), Files.readString(f));
        }
      }
    }
    return m;
  }

  static void write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  static SortedMap<String, String> prefixed(Map<String, String> files) {
    return new TreeMap<>(files);
  }

  static final Map<String, String> V1 = Map.of(
      "tables/t1/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H1 GM0197 v1",
      "tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H2 GM0197 v1",
      "tables/t1/periode=2023H2/gemeente=GM0200/part-00000-of-00001.parquet", "t1 2023H2 GM0200 v1",
      "tables/t1/periode=2023/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023 GM0197 v1",
      "internal/cube/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "internal 2023H2 v1",
      "dimensions/gemeente.parquet", "gemeenten v1",
      "deadletters/deadletters-00000-of-00001.jsonl", "dead v1",
      "manifest.json", "{\"run_id\":\"r1\"}");

  static final Map<String, String> V2 = Map.of(
      "tables/t1/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H1 GM0197 v2",
      "tables/t2/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet", "t2 2023H1 GM0197 v2",
      "dimensions/gemeente.parquet", "gemeenten v2",
      "report/index.html", "report v2",
      "manifest.json", "{\"run_id\":\"r2\"}");

  Publisher.Publication publishFull(String runId, Map<String, String> files, List<String> steps,
      List<SortedMap<String, String>> views) throws IOException {
    try (Publisher p = Publisher.open(out, runId)) {
      write(p.pending(), files);
      p.withCheckpoints(step -> {
        steps.add(step);
        try {
          views.add(view(out));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      return p.publish();
    }
  }

  @Test
  void aFirstPublishMakesThePendingFolderTheOutput() throws IOException {
    List<String> steps = new ArrayList<>();
    List<SortedMap<String, String>> views = new ArrayList<>();
    try (Publisher p = Publisher.open(out, "r1")) {
      assertEquals(out.resolve(".pending-r1"), p.pending());
      assertNull(p.current());
      write(p.pending(), V1);
      // what Beam's FileIO leaves behind: an (empty or not) temporary folder
      Files.createDirectories(p.pending().resolve("tables/.temp-beam-1234/x"));
      Files.writeString(p.pending().resolve("tables/.temp-beam-1234/x/leftover"), "temp");
      p.withCheckpoints(step -> {
        steps.add(step);
        try {
          views.add(view(out));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      p.publish();
    }
    assertEquals(List.of("version-in-place", "before-switch", "after-switch", "done"), steps);
    // nothing visible until the switch, then all of it at once
    assertEquals(Map.of(), views.get(0));
    assertEquals(Map.of(), views.get(1));
    assertEquals(prefixed(V1), views.get(2));
    assertEquals(prefixed(V1), view(out));
    assertTrue(Files.isSymbolicLink(out.resolve("tables")));
    assertEquals(Path.of(".current", "tables"), Files.readSymbolicLink(out.resolve("tables")));
    assertFalse(Files.exists(out.resolve(".pending-r1")));
    try (Stream<Path> s = Files.walk(out)) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".temp-beam")), "no .temp-beam folder left");
    }
  }

  @Test
  void aReaderSeesTheWholePreviousOrTheWholeNewOutputAtEveryStep() throws IOException {
    publishFull("r1", V1, new ArrayList<>(), new ArrayList<>());
    List<String> steps = new ArrayList<>();
    List<SortedMap<String, String>> views = new ArrayList<>();
    publishFull("r2", V2, steps, views);
    assertEquals(List.of("version-in-place", "before-switch", "after-switch", "done"), steps);
    assertEquals(prefixed(V1), views.get(0), "while the new version is put aside");
    assertEquals(prefixed(V1), views.get(1), "just before the switch, entry links for report/ included");
    // after the switch: exactly the new output; internal/ and deadletters/, which r2 did not write, are gone
    assertEquals(prefixed(V2), views.get(2));
    assertEquals(prefixed(V2), views.get(3));
    assertFalse(Files.exists(out.resolve("internal"), LinkOption.NOFOLLOW_LINKS), "no dangling link for a retired entry");
  }

  @Test
  void thePreviousVersionIsKeptUntilTheNextPublishForReadersStillUsingIt() throws IOException {
    Path v1 = publishFull("r1", V1, new ArrayList<>(), new ArrayList<>()).version();
    Path v2 = publishFull("r2", V2, new ArrayList<>(), new ArrayList<>()).version();
    assertEquals("t1 2023H2 GM0197 v1", Files.readString(v1.resolve("tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet")));
    Path v3 = publishFull("r3", V1, new ArrayList<>(), new ArrayList<>()).version();
    assertFalse(Files.exists(v1), "two publishes later the first version is removed");
    assertTrue(Files.exists(v2));
    assertTrue(Files.exists(v3));
    try (Stream<Path> s = Files.list(out.resolve(".versions"))) {
      assertEquals(2, s.count());
    }
  }

  @Test
  void theSameRunIdPublishedTwiceGetsItsOwnVersionFolder() throws IOException {
    Path a = publishFull("same", V1, new ArrayList<>(), new ArrayList<>()).version();
    Path b = publishFull("same", V2, new ArrayList<>(), new ArrayList<>()).version();
    assertEquals("same", a.getFileName().toString());
    assertEquals("same~2", b.getFileName().toString());
    assertEquals(prefixed(V2), view(out));
  }

  @Test
  void anOutputOfTheOldLayoutIsTakenOverAndItsCubeRetired() throws IOException {
    write(out, Map.of("cube/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet", "old cube",
        "dimensions/gemeente.parquet", "old gemeenten", "manifest.json", "old manifest"));
    Files.writeString(out.resolve("notes.txt"), "the user's own file");
    publishFull("r2", V2, new ArrayList<>(), new ArrayList<>());
    SortedMap<String, String> expected = prefixed(V2);
    expected.put("notes.txt", "the user's own file");
    assertEquals(expected, view(out));
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsIt() throws IOException {
    try (Publisher first = Publisher.open(out, "r1")) {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> Publisher.open(out, "r2"));
      assertTrue(e.getMessage().contains("another run"), e.getMessage());
      assertTrue(Files.isDirectory(first.pending()));
    }
    try (Publisher again = Publisher.open(out, "r2")) {
      assertFalse(Files.exists(out.resolve(".pending-r1")), "a pending folder of a run that did not publish is removed");
    }
  }

  @Test
  void periodExactReplacementKeepsEveryOtherFileByteIdenticalAndTheReplacedOnesInHistory() throws IOException {
    Path v1 = publishFull("r1", V1, new ArrayList<>(), new ArrayList<>()).version();
    String kept = "tables/t1/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet";
    Object keptInode = Files.getAttribute(v1.resolve(kept), "unix:ino");
    List<SortedMap<String, String>> views = new ArrayList<>();
    List<Boolean> historyVisible = new ArrayList<>();
    Publisher.Publication pub;
    try (Publisher p = Publisher.open(out, "rerun")) {
      // the rerun of 2023H2: GM0200 no longer has rows in 2023H2 (e.g. merged), GM0197 changed
      write(p.pending(), Map.of(
          "tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H2 GM0197 v2",
          "internal/cube/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "internal 2023H2 v2",
          "manifest.json", "{\"run_id\":\"rerun\"}"));
      assertEquals(v1, p.current());
      p.withCheckpoints(step -> {
        try {
          views.add(view(out));
          historyVisible.add(Files.exists(out.resolve("history")));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
      pub = p.publishPeriods(List.of("2023H2"));
    }
    // history/ appears only once the new version is published (a run killed before the switch leaves no history)
    assertEquals(List.of(false, false, false, true), historyVisible);
    SortedMap<String, String> expected = prefixed(V1);
    // files outside the period partitions describe the run that wrote them: the rerun's replace them (this
    // rerun wrote no dimensions/ and no deadletters/, so the new version has none)
    expected.remove("dimensions/gemeente.parquet");
    expected.remove("deadletters/deadletters-00000-of-00001.jsonl");
    expected.remove("tables/t1/periode=2023H2/gemeente=GM0200/part-00000-of-00001.parquet");
    expected.put("tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H2 GM0197 v2");
    expected.put("internal/cube/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "internal 2023H2 v2");
    expected.put("manifest.json", "{\"run_id\":\"rerun\"}");
    assertEquals(prefixed(V1), views.get(0));
    assertEquals(prefixed(V1), views.get(1));
    assertEquals(expected, views.get(2));
    assertEquals(expected, view(out));
    // untouched periods (2023H1, and the year 2023: 'periode=2023' is not 'periode=2023H2') are the same files
    assertEquals(keptInode, Files.getAttribute(pub.version().resolve(kept), "unix:ino"));
    assertEquals("t1 2023 GM0197 v1", Files.readString(out.resolve("tables/t1/periode=2023/gemeente=GM0197/part-00000-of-00001.parquet")));
    // the replaced files, under history/<run_id>/ with their relative path
    assertEquals(out.resolve("history/rerun"), pub.history());
    assertEquals(List.of(
        "deadletters/deadletters-00000-of-00001.jsonl",
        "dimensions/gemeente.parquet",
        "internal/cube/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet",
        "manifest.json",
        "tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet",
        "tables/t1/periode=2023H2/gemeente=GM0200/part-00000-of-00001.parquet"), pub.replaced());
    assertEquals("t1 2023H2 GM0200 v1", Files.readString(pub.history().resolve("tables/t1/periode=2023H2/gemeente=GM0200/part-00000-of-00001.parquet")));
    assertEquals("internal 2023H2 v1", Files.readString(pub.history().resolve("internal/cube/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet")));
    assertEquals("{\"run_id\":\"r1\"}", Files.readString(pub.history().resolve("manifest.json")));
    assertEquals(OwnerOnly.DIRECTORY, Files.getPosixFilePermissions(pub.history().resolve("internal")));
  }

  /** A rerun of 2023H2 that writes the given pending files; returns its publication. */
  Publisher.Publication rerun(String runId, int keepHistory) throws IOException {
    try (Publisher p = Publisher.open(out, runId).keepingHistory(keepHistory)) {
      write(p.pending(), Map.of("tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet", "t1 2023H2 " + runId,
          "manifest.json", "{\"run_id\":\"" + runId + "\"}"));
      return p.publishPeriods(List.of("2023H2"));
    }
  }

  @Test
  void historyRetentionKeepsTheNewestRunsInTheOrderTheyWerePublished() throws IOException {
    publishFull("r1", V1, new ArrayList<>(), new ArrayList<>());
    // run ids chosen so that their names sort against their order: retention follows the publish order
    rerun("z-rerun", 2);
    rerun("b-rerun", 2);
    assertEquals(List.of("b-rerun", "z-rerun"), historyNames());
    Path h = rerun("a-rerun", 2).history();
    assertEquals(out.resolve("history/a-rerun"), h);
    assertEquals(List.of("a-rerun", "b-rerun"), historyNames(), "z-rerun, the oldest of three, is removed");
    // each history run holds what its rerun replaced: a-rerun replaced b-rerun's 2023H2
    assertEquals("t1 2023H2 b-rerun", Files.readString(h.resolve("tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet")));
    assertEquals("t1 2023H2 z-rerun",
        Files.readString(out.resolve("history/b-rerun/tables/t1/periode=2023H2/gemeente=GM0197/part-00000-of-00001.parquet")));
    rerun("c-rerun", 1);
    assertEquals(List.of("c-rerun"), historyNames());
  }

  List<String> historyNames() throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("history"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aPeriodExactPublishRefusesPendingPartitionsOfOtherPeriods() throws IOException {
    publishFull("r1", V1, new ArrayList<>(), new ArrayList<>());
    try (Publisher p = Publisher.open(out, "rerun")) {
      write(p.pending(), Map.of("tables/t1/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet", "would mix"));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.preparePeriods(List.of("2023H2")));
      assertTrue(e.getMessage().contains("[2023H1]"), e.getMessage());
    }
    assertEquals(prefixed(V1), view(out));
  }

  @Test
  void thePeriodsOfAVersionAreItsPartitionFolders() throws IOException {
    Path v1 = publishFull("r1", V1, new ArrayList<>(), new ArrayList<>()).version();
    assertEquals(java.util.Set.of("2023", "2023H1", "2023H2"), Publisher.periodsOf(v1));
    assertEquals(v1, Publisher.currentVersion(out));
  }

  @Test
  void periodReplacementNeedsAPublishedOutput() throws IOException {
    try (Publisher p = Publisher.open(out, "r1")) {
      assertThrows(IllegalStateException.class, () -> p.publishPeriods(List.of("2023H2")));
    }
  }

  @Test
  void internalCubeAndDeadLettersAreOwnerOnlyWhateverModesTheyWereWrittenWith() throws IOException {
    try (Publisher p = Publisher.open(out, "r1")) {
      write(p.pending(), V1);
      // as written under a permissive umask (000)
      try (Stream<Path> s = Files.walk(p.pending())) {
        for (Path f : s.toList()) {
          Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxrwxrwx" : "rw-rw-rw-"));
        }
      }
      p.publish();
    }
    for (String entry : List.of("internal", "deadletters")) {
      try (Stream<Path> s = Files.walk(out.resolve(entry), FileVisitOption.FOLLOW_LINKS)) {
        List<Path> all = s.toList();
        assertTrue(all.size() >= 2, entry);
        for (Path f : all) {
          assertEquals(Files.isDirectory(f) ? OwnerOnly.DIRECTORY : OwnerOnly.FILE, Files.getPosixFilePermissions(f), f.toString());
        }
      }
    }
    // published tables keep the modes they were written with (shareable)
    assertEquals(PosixFilePermissions.fromString("rw-rw-rw-"),
        Files.getPosixFilePermissions(out.resolve("tables/t1/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet")));
  }
}
