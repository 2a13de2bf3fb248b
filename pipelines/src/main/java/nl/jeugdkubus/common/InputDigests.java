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
        .apply("Write", TextIO.write().to(dir + "/" + source).withSuffix(".sha256").withoutSharding());
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
        out.output(line(sha256(in), file.sizeBytes(), relative(file.resourceId().toString(), base)));
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
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    return HexFormat.of().formatHex(md.digest());
  }
}
