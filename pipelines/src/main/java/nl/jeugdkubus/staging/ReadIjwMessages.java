package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Set;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.InputDigests;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * iJw 3.2 message files (a glob) to one stream of {@link SourceRecord}s: toewijzingen (JW301), start and stop
 * messages (JW305/JW307), declaratie lines (JW323) and dead letters. See {@link IjwMessageParser}. A {@code .zip}
 * file is an archive of messages ({@link MessageArchive}): each entry is one message. Every file read also gives
 * its line of the input digest list ({@link InputDigests#line}; one {@link SourceRecord#digestLines} record per
 * thousand files), digested from the same bytes as are parsed, so that each file is opened once (a file that cannot be read is a READ_ERROR dead letter
 * and has no line). One output, not one per kind: see {@link SourceRecord} for why. Counters: staging.ijw.read (messages: files and archive entries), staging.ijw.archives,
 * staging.ijw.&lt;TYPE&gt;.read (messages per type, UNKNOWN when not an iJw 3.2 message), staging.ijw.records,
 * staging.ijw.dead.
 */
public class ReadIjwMessages extends PTransform<PBegin, PCollection<SourceRecord>> {
  private final String glob;
  private final ConfTables conf;
  private final StagingRules rules;
  private String base;

  public ReadIjwMessages(String glob) {
    this(glob, null);
  }

  /** @param conf the run's configuration tables (for hulpvorm-mapping.csv), or null for the packaged conf/ */
  public ReadIjwMessages(String glob, ConfTables conf) {
    this(glob, conf, StagingRules.defaults(conf));
  }

  /** @param rules the run's gemeente codes and date plausibility window */
  public ReadIjwMessages(String glob, ConfTables conf, StagingRules rules) {
    this.glob = glob;
    this.conf = conf;
    this.rules = rules;
  }

  /** Paths in the digest lines relative to this folder (the --input folder); default absolute. */
  public ReadIjwMessages relativeTo(String base) {
    this.base = base;
    return this;
  }

  @Override
  public PCollection<SourceRecord> expand(PBegin input) {
    Set<String> categories = ProductCategories.load(conf);
    return StagingFiles.list(input, "Ijw", glob)
        .apply("ParseIjw", ParDo.of(new ParseFn(new IjwMessageParser(categories, rules), base)))
        .setCoder(SourceRecordCoder.of());
  }

  /** Digest lines per record (about 100 bytes each; see {@link LineBlocks}). */
  static final int DIGEST_LINES_PER_RECORD = 1000;

  static final class ParseFn extends DoFn<FileIO.ReadableFile, SourceRecord> {
    private final IjwMessageParser parser;
    private final String base;
    private final Counter read = Counters.counter("staging.ijw.read");
    private final Counter records = Counters.counter("staging.ijw.records");
    private final Counter dead = Counters.counter("staging.ijw.dead");
    private final Counter archives = Counters.counter("staging.ijw.archives");

    /** The digest lines of the files read since the last block was sent. */
    private transient LineBlocks digests;

    ParseFn(IjwMessageParser parser, String base) {
      this.parser = parser;
      this.base = base;
    }

    @StartBundle
    public void startBundle() {
      digests = new LineBlocks(DIGEST_LINES_PER_RECORD);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      String rest = digests.rest();
      if (rest != null) c.output(SourceRecord.digestLines(rest), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<SourceRecord> out) {
      if (!MessageArchive.isArchive(file.getMetadata().resourceId().getFilename())) read.inc();
      String name = StagingFiles.fileName(file);
      IjwMessageParser.Sink sink = new IjwMessageParser.Sink() {
        @Override
        public void toewijzing(IjwToewijzing t) {
          records.inc();
          out.output(SourceRecord.of(t));
        }

        @Override
        public void startStop(IjwStartStop s) {
          records.inc();
          out.output(SourceRecord.of(s));
        }

        @Override
        public void declaratie(DeclaratieRegel d) {
          records.inc();
          out.output(SourceRecord.of(d));
        }

        @Override
        public void dead(DeadLetter d) {
          dead.inc();
          out.output(SourceRecord.of(d));
        }

        @Override
        public void note(String what) {
          Counters.counter("staging." + IjwMessageParser.SOURCE + "." + what).inc();
        }
      };
      if (!MessageArchive.isArchive(name)) {
        String type;
        try {
          byte[] stored = StagingFiles.readStored(file);
          digested(InputDigests.line(InputDigests.sha256(stored), file.getMetadata(), base), out);
          try (InputStream in = StagingFiles.decompressed(file, stored)) {
            type = parser.parse(name, in, sink);
          }
        } catch (IOException e) {
          sink.dead(StagingFiles.readError(IjwMessageParser.SOURCE, name, "IJW", e));
          type = null;
        }
        counted(type);
        return;
      }
      archives.inc();
      MessageDigest digest = InputDigests.digest();
      try (InputStream in = new DigestInputStream(StagingFiles.openStored(file), digest)) {
        try {
          MessageArchive.forEachEntry(name, in, (entry, message) -> {
            read.inc();
            counted(parser.parse(entry, message, sink));
          });
        } catch (IOException e) {
          // a damaged archive: the messages before the damage are read, the rest is one dead letter
          sink.dead(StagingFiles.readError(IjwMessageParser.SOURCE, name, "IJW", e));
        }
        in.transferTo(OutputStream.nullOutputStream()); // the rest of the stored bytes, for the digest
      } catch (IOException e) {
        sink.dead(StagingFiles.readError(IjwMessageParser.SOURCE, name, "IJW", e));
        return;
      }
      digested(InputDigests.line(InputDigests.hex(digest.digest()), file.getMetadata(), base), out);
    }

    private void digested(String line, OutputReceiver<SourceRecord> out) {
      String block = digests.add(line);
      if (block != null) out.output(SourceRecord.digestLines(block));
    }

    private static void counted(String type) {
      Counters.counter("staging.ijw." + (type == null ? "UNKNOWN" : type) + ".read").inc();
    }
  }
}
