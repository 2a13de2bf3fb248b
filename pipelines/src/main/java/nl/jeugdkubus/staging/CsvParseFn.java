package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses each CSV file, streaming, with a {@link CsvFileParser}. Counters: staging.&lt;source&gt;.read
 * (files), .records, .dead, and the physical-line reconciliation of {@link CsvLineCount}:
 * .lines.read, .lines.header, .lines.records, .lines.blank, .lines.rejected, .lines.transcoded.
 */
final class CsvParseFn<T> extends DoFn<FileIO.ReadableFile, T> {
  private final CsvFileParser<T> parser;
  private final TupleTag<T> recordTag;
  private final String source;
  private final Counter read;
  private final Counter records;
  private final Counter dead;
  private final Counter linesRead;
  private final Counter linesHeader;
  private final Counter linesRecords;
  private final Counter linesBlank;
  private final Counter linesRejected;
  private final Counter linesTranscoded;

  CsvParseFn(CsvFileParser<T> parser, TupleTag<T> recordTag) {
    this.parser = parser;
    this.recordTag = recordTag;
    this.source = parser.source();
    this.read = Counters.counter("staging." + source + ".read");
    this.records = Counters.counter("staging." + source + ".records");
    this.dead = Counters.counter("staging." + source + ".dead");
    this.linesRead = Counters.counter("staging." + source + ".lines.read");
    this.linesHeader = Counters.counter("staging." + source + ".lines.header");
    this.linesRecords = Counters.counter("staging." + source + ".lines.records");
    this.linesBlank = Counters.counter("staging." + source + ".lines.blank");
    this.linesRejected = Counters.counter("staging." + source + ".lines.rejected");
    this.linesTranscoded = Counters.counter("staging." + source + ".lines.transcoded");
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    read.inc();
    String name = StagingFiles.fileName(file);
    StagingSink<T> sink = new StagingSink<>() {
      @Override
      public void record(T r) {
        records.inc();
        out.get(recordTag).output(r);
      }

      @Override
      public void dead(DeadLetter d) {
        dead.inc();
        out.get(Tags.DEAD_LETTERS).output(d);
      }

      @Override
      public void note(String what) {
        Counters.counter("staging." + source + "." + what).inc();
      }
    };
    try (InputStream in = StagingFiles.open(file)) {
      CsvLineCount lines = parser.parse(name, in, sink);
      linesRead.inc(lines.read());
      linesHeader.inc(lines.header());
      linesRecords.inc(lines.records());
      linesBlank.inc(lines.blank());
      linesRejected.inc(lines.rejected());
      linesTranscoded.inc(lines.transcoded());
    } catch (IOException e) {
      sink.dead(StagingFiles.readError(source, name, parser.recordType(), e));
    }
  }
}
