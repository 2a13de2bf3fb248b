package nl.jeugdkubus.staging;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.io.Compression;
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

  /** The file's bytes as stored (never decompressed), read whole: for a file of a few KB (an iJw message). */
  static byte[] readStored(FileIO.ReadableFile f) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(f.getMetadata().resourceId()))) {
      return in.readAllBytes();
    }
  }

  /** The content of stored bytes as {@link #open} would read the file: decompressed when the name says .gz etc. */
  static InputStream decompressed(FileIO.ReadableFile f, byte[] stored) throws IOException {
    Compression c = f.getCompression() == Compression.AUTO
        ? Compression.detect(f.getMetadata().resourceId().getFilename()) : f.getCompression();
    InputStream in = new ByteArrayInputStream(stored);
    return c == Compression.UNCOMPRESSED ? in : Channels.newInputStream(c.readDecompressed(Channels.newChannel(in)));
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
