package nl.jeugdkubus.staging;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Beam plumbing shared by the staging readers. */
final class StagingFiles {
  private StagingFiles() {}

  /** Files matching a glob (no match is fine: an empty collection), ready to be opened. */
  static PCollection<FileIO.ReadableFile> match(PBegin input, String name, String glob) {
    return input
        .apply("Match" + name, FileIO.match().filepattern(glob).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("Open" + name, FileIO.readMatches());
  }

  /** The file name without its folder (dead letters name the file, not the path). */
  static String fileName(FileIO.ReadableFile f) {
    return f.getMetadata().resourceId().getFilename();
  }

  /** A buffered stream over the file (decompressed when the name says .gz etc.): read it, do not load it. */
  static InputStream open(FileIO.ReadableFile f) throws IOException {
    return new BufferedInputStream(Channels.newInputStream(f.open()), 1 << 16);
  }

  /**
   * An unbuffered stream over the file, for a reader that reads it whole at once (an iJw message): no 64 KB buffer
   * allocated per file of a few KB.
   */
  static InputStream openWhole(FileIO.ReadableFile f) throws IOException {
    return Channels.newInputStream(f.open());
  }

  /**
   * A buffered stream over the file's bytes as stored, never decompressed: for a {@code .zip} archive of messages,
   * which Beam's automatic decompression would read as one single compressed file.
   */
  static InputStream openStored(FileIO.ReadableFile f) throws IOException {
    return new BufferedInputStream(Channels.newInputStream(FileSystems.open(f.getMetadata().resourceId())), 1 << 16);
  }

  static DeadLetter readError(String source, String fileName, String recordType, Exception e) {
    return DeadLetters.of(source, fileName, "file", Reasons.STAGE, Reasons.READ_ERROR,
        "file could not be opened or closed (" + e.getClass().getSimpleName() + ")", null, recordType);
  }
}
