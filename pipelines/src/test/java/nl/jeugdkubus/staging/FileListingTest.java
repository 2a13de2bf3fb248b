package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast listing of a message folder: the same files as Beam's match of the same glob, in blocks. */
class FileListingTest {
  @TempDir Path dir;

  @BeforeAll
  static void beamFileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void onlyLocalGlobsWithWildcardsInTheirLastSegmentAreListedHere() {
    assertNotNull(FileListing.of("/data/ijw/*.{xml,zip}"));
    assertNotNull(FileListing.of("/data/ijw/JW3??_*.xml"));
    assertNull(FileListing.of("gs://bucket/ijw/*.xml"), "another file system: Beam's match");
    assertNull(FileListing.of("file:///data/ijw/*.xml"), "a scheme: Beam's match");
    assertNull(FileListing.of("/data/*/ijw/*.xml"), "a wildcard in a folder");
    assertNull(FileListing.of("/data/ijw/**.xml".replace("/ijw/", "/ij*/")), "a wildcard in a folder");
    assertNull(FileListing.of("/data/ijw/one.xml"), "no wildcard: one file");
    assertNull(FileListing.of("*.xml"), "no folder");
    assertEquals(Path.of("rel/ijw").toAbsolutePath().normalize(), FileListing.of("rel/ijw/*.xml").dir());
  }

  @Test
  void theNamesComeInBlocksOfAtMostTheGivenSize() throws Exception {
    for (String n : List.of("a.xml", "b.xml", "c.zip", "d.xml", "e.xml", "f.txt")) Files.writeString(dir.resolve(n), n);
    List<List<String>> blocks = new ArrayList<>();
    FileListing.of(dir + "/*.{xml,zip}").forEachBlock(2, blocks::add);
    assertEquals(List.of(2, 2, 1), blocks.stream().map(List::size).toList());
    TreeSet<String> names = new TreeSet<>();
    blocks.forEach(b -> b.forEach(p -> names.add(Path.of(p).getFileName().toString())));
    assertEquals(new TreeSet<>(List.of("a.xml", "b.xml", "c.zip", "d.xml", "e.xml")), names);
  }

  @Test
  void aFolderThatDoesNotExistListsNothing() throws Exception {
    List<List<String>> blocks = new ArrayList<>();
    FileListing.of(dir + "/nothing-here/*.xml").forEachBlock(10, blocks::add);
    assertEquals(List.of(), blocks);
  }

  /**
   * The attack: a folder with everything a glob can trip over (dot files, case, near-miss suffixes, spaces,
   * brackets, a sub-folder with a matching name, files below it, links to a file, to a folder and to nothing, an
   * empty file), listed and examined, against Beam's own match: the same paths and sizes.
   */
  @Test
  void theSameFilesAndSizesAsBeamsMatch() throws Exception {
    Path ijw = Files.createDirectories(dir.resolve("input/ijw"));
    for (String n : List.of("a.xml", ".hidden.xml", "B.XML", "c.xml.bak", "d.xmlx", "with space.xml", "[1].xml",
        "{x}.zip", "e.zip", "f.txt", "empty.xml")) {
      Files.writeString(ijw.resolve(n), n.equals("empty.xml") ? "" : "<m>" + n + "</m>");
    }
    Files.createDirectories(ijw.resolve("folder.xml"));
    Files.writeString(Files.createDirectories(ijw.resolve("sub")).resolve("deep.xml"), "<deep/>");
    Files.createSymbolicLink(ijw.resolve("link-to-file.xml"), ijw.resolve("a.xml"));
    Files.createSymbolicLink(ijw.resolve("link-to-folder.xml"), ijw.resolve("sub"));
    Files.createSymbolicLink(ijw.resolve("dangling.xml"), ijw.resolve("gone.xml"));
    String glob = ijw + "/*.{xml,zip}";

    TreeMap<String, Long> beam = new TreeMap<>();
    for (MatchResult.Metadata m : FileSystems.match(glob).metadata()) beam.put(m.resourceId().toString(), m.sizeBytes());
    TreeMap<String, Long> listed = new TreeMap<>();
    FileListing.of(glob).forEachBlock(3, block -> block.stream().map(StagingFiles::examine).filter(Objects::nonNull)
        .forEach(m -> listed.put(m.resourceId().toString(), m.sizeBytes())));

    assertEquals(beam, listed);
    // and the answer worked out by hand: the regular files (links followed) whose names end in .xml or .zip
    assertEquals(new TreeSet<>(List.of(".hidden.xml", "[1].xml", "a.xml", "e.zip", "empty.xml", "link-to-file.xml",
        "with space.xml", "{x}.zip")), new TreeSet<>(listed.keySet().stream().map(p -> Path.of(p).getFileName().toString()).toList()));
    assertTrue(listed.get(ijw.resolve("a.xml").toString()) > 0);
    assertEquals(0L, listed.get(ijw.resolve("empty.xml").toString()));
  }
}
