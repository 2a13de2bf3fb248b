package nl.jeugdkubus.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical digest list of a source's input files; expected digests computed with coreutils sha256sum. */
class InputDigestListTest {
  @TempDir Path dir;

  @Test
  void theDigestOfAFileIsItsSha256() throws Exception {
    // printf 'abc' | sha256sum
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        InputDigests.sha256(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theListIsSortedByPathAndDigestedAsAWhole() throws Exception {
    Path list = dir.resolve("inputs/registraties.sha256");
    Files.createDirectories(list.getParent());
    Files.writeString(list, "h2  3  b.csv\nh1  5  a.csv\n"); // the order the workers happened to write
    InputDigestList d = InputDigestList.canonicalise(list);
    assertEquals(2, d.files());
    assertEquals(8, d.bytes());
    assertEquals("h1  5  a.csv\nh2  3  b.csv\n", Files.readString(list));
    // printf 'h1  5  a.csv\nh2  3  b.csv\n' | sha256sum
    assertEquals("9af85758a4225af3d12a5037c3581a5d8dbf7cfb8194900391c659a91594f41b", d.sha256());
    assertEquals(List.of("a.csv", "b.csv"), d.lines().stream().map(InputDigestList::path).toList());
  }

  @Test
  void aPathWithTwoSpacesIsOnePathAndSortsAsAWhole() throws Exception {
    Path list = dir.resolve("inputs/ijw.sha256");
    Files.createDirectories(list.getParent());
    // "a  z.xml" sorts before "a.xml" (' ' < '.'); its size is 7, not part of the path
    Files.writeString(list, "h2  3  a.xml\nh1  7  a  z.xml\n\n");
    InputDigestList d = InputDigestList.canonicalise(list);
    assertEquals(2, d.files());
    assertEquals(10, d.bytes());
    assertEquals("h1  7  a  z.xml\nh2  3  a.xml\n", Files.readString(list));
    assertEquals(List.of("a  z.xml", "a.xml"), d.lines().stream().map(InputDigestList::path).toList());
  }

  @Test
  void anyChangedAddedOrRemovedFileChangesTheListDigest() throws Exception {
    String base = digest("h1  5  a.csv\nh2  3  b.csv\n");
    assertEquals(base, digest("h2  3  b.csv\nh1  5  a.csv\n"), "order of writing does not matter");
    assertNotEquals(base, digest("h1  5  a.csv\nh3  3  b.csv\n"), "changed content");
    assertNotEquals(base, digest("h1  5  a.csv\nh2  3  b.csv\nh4  1  c.csv\n"), "added file");
    assertNotEquals(base, digest("h1  5  a.csv\n"), "removed file");
    assertNotEquals(base, digest("h1  5  a.csv\nh2  3  c.csv\n"), "renamed file");
  }

  @Test
  void aSourceWithoutFilesHasTheDigestOfTheEmptyList() throws Exception {
    InputDigestList d = InputDigestList.canonicalise(dir.resolve("inputs/none.sha256"));
    assertEquals(0, d.files());
    // sha256sum < /dev/null
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", d.sha256());
  }

  private String digest(String content) throws Exception {
    Path f = Files.createTempFile(dir, "list", ".sha256");
    Files.writeString(f, content);
    return InputDigestList.canonicalise(f).sha256();
  }
}
