package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.jeugdkubus.common.CounterValues;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iJw messages in a .zip archive (as downloaded in bulk) give exactly the records and dead letters of the same
 * messages as separate files; a damaged or fake archive is a dead letter, never silently nothing.
 */
class ReadIjwArchivesTest {
  /** What one pipeline read: every record and dead letter as text, the message's folder and archive left out. */
  static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

  static byte[] zip(List<Path> files, String folder) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      if (!folder.isEmpty()) {
        z.putNextEntry(new ZipEntry(folder));
        z.closeEntry();
      }
      for (Path f : files) {
        z.putNextEntry(new ZipEntry(folder + f.getFileName()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  /** The message name as a record carries it, without "<archive>!<folder>/". */
  static String normalised(SpecificRecord r) {
    return r.toString().replaceAll("\"[^\"]*\\.zip!(?:[^\"/]*/)*", "\"");
  }

  record Read(List<String> seen, long messages, long archives) {}

  static Read read(String glob) {
    SEEN.clear();
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    p.apply(new ReadIjwMessages(glob))
        .apply("Records", org.apache.beam.sdk.transforms.Filter.by((SourceRecord r) -> r.kind() != SourceRecord.Kind.INPUT_DIGEST))
        .apply("AsText", MapElements.into(TypeDescriptors.strings()).via((SourceRecord r) -> switch (r.kind()) {
          case IJW_TOEWIJZING -> "T " + normalised(r.as(IjwToewijzing.class));
          case IJW_START_STOP -> "S " + normalised(r.as(IjwStartStop.class));
          case DECLARATIE_REGEL -> "D " + normalised(r.as(DeclaratieRegel.class));
          case DEAD_LETTER -> "X " + normalised(r.as(DeadLetter.class));
          default -> throw new IllegalStateException(r.kind() + " from the iJw reader");
        }))
        .apply("Collect", MapElements.into(TypeDescriptors.strings()).via(s -> {
          SEEN.add(s);
          return s;
        }));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    List<String> seen = new ArrayList<>(SEEN);
    Collections.sort(seen);
    return new Read(seen, counter(result, "staging.ijw.read"), counter(result, "staging.ijw.archives"));
  }

  static long counter(PipelineResult result, String name) {
    return CounterValues.of(result, name);
  }

  @Test
  void anArchiveGivesWhatItsMessagesGiveAsFiles(@TempDir Path dir) throws IOException {
    List<Path> messages = StagingFixtures.files(StagingFixtures.input().resolve("ijw"));
    assertEquals(6, messages.size(), "JW301, JW305, JW305-afgebroken, JW307, JW315, JW323");
    Path files = Files.createDirectories(dir.resolve("files"));
    for (Path m : messages) Files.copy(m, files.resolve(m.getFileName()));
    Path zipped = Files.createDirectories(dir.resolve("zipped"));
    Files.write(zipped.resolve("berichten-2024.zip"), zip(messages, "batch/"));

    Read asFiles = read(files + "/*.{xml,zip}");
    Read asArchive = read(zipped + "/*.{xml,zip}");
    assertTrue(asFiles.seen().size() > 10, "records and dead letters from the six messages: " + asFiles.seen());
    assertTrue(asFiles.seen().stream().anyMatch(s -> s.startsWith("X ")), "the cut-off JW305 is a dead letter");
    assertEquals(asFiles.seen(), asArchive.seen());
    assertEquals(6, asFiles.messages());
    assertEquals(6, asArchive.messages(), "every entry is a message; the folder entry is not");
    assertEquals(0, asFiles.archives());
    assertEquals(1, asArchive.archives());
  }

  @Test
  void aFakeArchiveIsADeadLetter(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("geen-zip.zip"), "dit is geen zip-bestand\n", StandardCharsets.UTF_8);
    Read r = read(dir + "/*.{xml,zip}");
    assertEquals(1, r.seen().size(), r.seen().toString());
    assertTrue(r.seen().get(0).startsWith("X ") && r.seen().get(0).contains("READ_ERROR")
        && r.seen().get(0).contains("geen-zip.zip"), r.seen().get(0));
    assertEquals(0, r.messages());
  }

  @Test
  void aDamagedArchiveGivesTheMessagesBeforeTheDamageAndThenFails() throws IOException {
    List<Path> messages = StagingFixtures.files(StagingFixtures.input().resolve("ijw"));
    byte[] whole = zip(messages, "");
    // cut 60 bytes after the local header ("PK\3\4") of the last entry: the five entries before it are complete
    int last = -1;
    for (int i = 0; i + 3 < whole.length; i++) {
      if (whole[i] == 'P' && whole[i + 1] == 'K' && whole[i + 2] == 3 && whole[i + 3] == 4) last = i;
    }
    byte[] cut = java.util.Arrays.copyOf(whole, last + 60);
    List<String> visited = new ArrayList<>();
    assertThrows(IOException.class, () -> MessageArchive.forEachEntry("a.zip", new ByteArrayInputStream(cut), (name, in) -> {
      in.transferTo(OutputStream.nullOutputStream());
      visited.add(name);
    }));
    assertEquals(messages.subList(0, 5).stream().map(m -> "a.zip!" + m.getFileName()).toList(), visited);
  }

  /** sha256sum's hex, computed here without the code under test. */
  static String sha256Hex(byte[] bytes) throws Exception {
    StringBuilder b = new StringBuilder();
    for (byte x : java.security.MessageDigest.getInstance("SHA-256").digest(bytes)) b.append(String.format("%02x", x));
    return b.toString();
  }

  @Test
  void everyFileReadIsDigestedFromItsStoredBytes(@TempDir Path dir) throws Exception {
    List<Path> messages = StagingFixtures.files(StagingFixtures.input().resolve("ijw"));
    Path in = Files.createDirectories(dir.resolve("ijw"));
    Files.copy(messages.get(0), in.resolve("a.xml"));
    Files.copy(messages.get(1), in.resolve("b.xml"));
    // 40 entries: a central directory of some 3 KB, more than the zip reader reads ahead after the last entry
    Path many = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 40; i++) Files.copy(messages.get(2 + i % 4), many.resolve("bericht-" + i + ".xml"));
    Files.write(in.resolve("batch.zip"), zip(StagingFixtures.files(many), ""));
    Files.writeString(in.resolve("geen-zip.zip"), "dit is geen zip-bestand\n", StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (String f : List.of("a.xml", "b.xml", "batch.zip", "geen-zip.zip")) {
      byte[] bytes = Files.readAllBytes(in.resolve(f));
      expected.add(sha256Hex(bytes) + "  " + bytes.length + "  ijw/" + f);
    }
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    PAssert.that(p.apply(new ReadIjwMessages(in + "/*.{xml,zip}").relativeTo(dir.toString()))
            .apply("Digests", org.apache.beam.sdk.transforms.Filter.by((SourceRecord r) -> r.kind() == SourceRecord.Kind.INPUT_DIGEST))
            .apply("Lines", FlatMapElements.into(TypeDescriptors.strings())
                .via((SourceRecord r) -> List.of(r.as(String.class).split("\n")))))
        .containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }
}
