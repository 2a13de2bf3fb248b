package nl.jeugdkubus.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * The SHA-256 of every input file of one source, computed inside the pipeline (in parallel, so it scales
 * to a million message files): one line per file in {@code sha256sum} form, {@code <hex>  <bytes>  <path>},
 * written unsorted to {@code <dir>/<source>.sha256}. The manifest step sorts the list and digests it
 * ({@link InputDigestList}). Only file names, sizes and digests: never file content.
 */
public final class InputDigests extends PTransform<PBegin, PDone> {
  private final String source;
  private final String glob;
  private final String dir;
  private final String base;

  /** @param base the --input folder: paths below it are listed relative to it (null: absolute paths) */
  public InputDigests(String source, String glob, String base, String dir) {
    this.source = source;
    this.glob = glob;
    this.base = base;
    this.dir = dir;
  }

  @Override
  public PDone expand(PBegin begin) {
    return begin
        .apply("Match", FileIO.match().filepattern(glob).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("Digest", ParDo.of(new DigestFn(base)))
        .apply(write(source, dir));
  }

  /**
   * Writes digest lines computed elsewhere to {@code <dir>/<source>.sha256}: the iJw reader digests each message
   * file from the bytes it parses ({@code staging.ReadIjwMessages}), so that a million files are opened once.
   */
  public static PTransform<PCollection<String>, PDone> write(String source, String dir) {
    return new PTransform<>() {
      @Override
      public PDone expand(PCollection<String> lines) {
        return lines.apply("Write", TextIO.write().to(dir + "/" + source).withSuffix(".sha256").withoutSharding());
      }
    };
  }

  /** The list line of one file: its digest, its size and its path (relative to base when below it). */
  public static String line(String sha256, MatchResult.Metadata file, String base) {
    return line(sha256, file.sizeBytes(), relative(file.resourceId().toString(), base));
  }

  /** The hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    return hex(digest().digest(bytes));
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lower-case hex of a digest. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** sha256 of one matched file as a list line. */
  static final class DigestFn extends DoFn<MatchResult.Metadata, String> {
    private final String base;

    DigestFn(String base) {
      this.base = base;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, OutputReceiver<String> out) throws IOException {
      if (file.resourceId().isDirectory()) return;
      try (InputStream in = Channels.newInputStream(org.apache.beam.sdk.io.FileSystems.open(file.resourceId()))) {
        out.output(line(sha256(in), file, base));
      }
    }
  }

  /** A path below base without the base and its separator; any other path as it is. */
  static String relative(String path, String base) {
    return base != null && path.startsWith(base + "/") ? path.substring(base.length() + 1) : path;
  }

  /** One list line: hex digest, two spaces, size in bytes, two spaces, path. */
  public static String line(String sha256, long bytes, String path) {
    return sha256 + "  " + bytes + "  " + path;
  }

  /** The hex SHA-256 of a stream, read to its end. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    return hex(md.digest());
  }
}
