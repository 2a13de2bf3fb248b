package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses each CSV file, streaming, with a {@link CsvFileParser}. Counters: staging.&lt;source&gt;.read
 * (files), .records, .dead, and the physical-line reconciliation of {@link CsvLineCount}:
 * .lines.read, .lines.header, .lines.records, .lines.blank, .lines.rejected, .lines.transcoded.
 *
 * @param <T> the parser's record type
 * @param <O> the main output's type: T, or {@link SourceRecord} for a person source
 */
final class CsvParseFn<T, O> extends DoFn<FileIO.ReadableFile, O> {
  /** Where a parsed record and a dead letter go: two outputs, or the one {@link Tags#SOURCE_RECORDS} stream. */
  interface Emitter<T> extends Serializable {
    void record(T record, MultiOutputReceiver out);

    void dead(DeadLetter deadLetter, MultiOutputReceiver out);

    /** The records to {@code tag}, the dead letters to {@link Tags#DEAD_LETTERS}. */
    static <T> Emitter<T> separate(TupleTag<T> tag) {
      return new Emitter<>() {
        @Override
        public void record(T record, MultiOutputReceiver out) {
          out.get(tag).output(record);
        }

        @Override
        public void dead(DeadLetter deadLetter, MultiOutputReceiver out) {
          out.get(Tags.DEAD_LETTERS).output(deadLetter);
        }
      };
    }

    /** Records and dead letters into the one {@link Tags#SOURCE_RECORDS} stream (a person source). */
    static <T> Emitter<T> oneStream(SerializableFunction<T, SourceRecord> wrap) {
      return new Emitter<>() {
        @Override
        public void record(T record, MultiOutputReceiver out) {
          out.get(Tags.SOURCE_RECORDS).output(wrap.apply(record));
        }

        @Override
        public void dead(DeadLetter deadLetter, MultiOutputReceiver out) {
          out.get(Tags.SOURCE_RECORDS).output(SourceRecord.of(deadLetter));
        }
      };
    }
  }

  private final CsvFileParser<T> parser;
  private final Emitter<T> emitter;
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

  CsvParseFn(CsvFileParser<T> parser, Emitter<T> emitter) {
    this.parser = parser;
    this.emitter = emitter;
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
        emitter.record(r, out);
      }

      @Override
      public void dead(DeadLetter d) {
        dead.inc();
        emitter.dead(d, out);
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
