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
 * (files), .records, .dead.
 */
final class CsvParseFn<T> extends DoFn<FileIO.ReadableFile, T> {
  private final CsvFileParser<T> parser;
  private final TupleTag<T> recordTag;
  private final String source;
  private final Counter read;
  private final Counter records;
  private final Counter dead;

  CsvParseFn(CsvFileParser<T> parser, TupleTag<T> recordTag) {
    this.parser = parser;
    this.recordTag = recordTag;
    this.source = parser.source();
    this.read = Counters.counter("staging." + source + ".read");
    this.records = Counters.counter("staging." + source + ".records");
    this.dead = Counters.counter("staging." + source + ".dead");
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
    };
    try (InputStream in = StagingFiles.open(file)) {
      parser.parse(name, in, sink);
    } catch (IOException e) {
      sink.dead(StagingFiles.readError(source, name, parser.recordType(), e));
    }
  }
}
