package nl.jeugdkubus.staging;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
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

  /** Names per listed block (see {@link #list}): about 100 bytes each. */
  static final int LISTED_PER_BLOCK = 1000;

  /**
   * Like {@link #match}, for a glob that may match a million files (the iJw messages, one file each): when
   * {@link FileListing} can list it, the names are listed from the folder in blocks, the blocks spread over the
   * workers, and each worker examines (size, kind) and opens its own files, so reading starts seconds after the
   * job does. Other globs go to {@link #match}.
   */
  static PCollection<FileIO.ReadableFile> list(PBegin input, String name, String glob) {
    if (FileListing.of(glob) == null) return match(input, name, glob);
    return input
        .apply("List" + name, Create.of(glob))
        .apply("ListBlocks" + name, ParDo.of(new ListFn()))
        .setCoder(ListCoder.of(StringUtf8Coder.of()))
        .apply("Spread" + name, Reshuffle.viaRandomKey())
        .apply("Examine" + name, ParDo.of(new ExamineFn()))
        .setCoder(MetadataCoderV2.of())
        .apply("Open" + name, FileIO.readMatches());
  }

  /** A glob to blocks of the paths it matches ({@link FileListing}). */
  static final class ListFn extends DoFn<String, List<String>> {
    @ProcessElement
    public void process(@Element String glob, OutputReceiver<List<String>> out) throws IOException {
      FileListing.of(glob).forEachBlock(LISTED_PER_BLOCK, out::output);
    }
  }

  /**
   * A block of listed paths to the metadata of its regular files (folders are not files, as in Beam's match; a file
   * gone since the listing was never there). A file that cannot be examined is passed on with size 0: opening it
   * then fails and it becomes a READ_ERROR dead letter, not a silent gap.
   */
  static final class ExamineFn extends DoFn<List<String>, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element List<String> paths, OutputReceiver<MatchResult.Metadata> out) {
      for (String path : paths) {
        MatchResult.Metadata m = examine(path);
        if (m != null) out.output(m);
      }
    }
  }

  /** The metadata of one listed path, or null when it is not a regular file (any more). */
  static MatchResult.Metadata examine(String path) {
    long size = 0;
    long modified = 0;
    try {
      BasicFileAttributes a = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
      if (!a.isRegularFile()) return null;
      size = a.size();
      modified = a.lastModifiedTime().toMillis();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // examined when opened: a READ_ERROR dead letter
    }
    return MatchResult.Metadata.builder().setResourceId(FileSystems.matchNewResource(path, false))
        .setIsReadSeekEfficient(true).setSizeBytes(size).setLastModifiedMillis(modified).build();
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
