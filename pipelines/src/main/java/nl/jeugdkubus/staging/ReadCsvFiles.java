package nl.jeugdkubus.staging;

import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The CSV sources (a glob each): one file per element, parsed streaming by a {@link CsvFileParser}. A person source
 * (registraties, the flat declarations export) gives one {@link Tags#SOURCE_RECORDS} stream of records and dead
 * letters ({@link SourceRecord}); the finance table gives {@link Tags#CBS_CELLS} and {@link Tags#DEAD_LETTERS}. Counters: staging.&lt;source&gt;.read (files),
 * .records, .dead.
 */
public final class ReadCsvFiles<T> extends PTransform<PBegin, PCollectionTuple> {
  private final String name;
  private final String glob;
  private final CsvFileParser<T> parser;
  /** null: a person source, everything into {@link Tags#SOURCE_RECORDS}; else the records' own tag */
  private final TupleTag<T> tag;
  private final Class<T> type;

  private ReadCsvFiles(String name, String glob, CsvFileParser<T> parser, TupleTag<T> tag, Class<T> type) {
    this.name = name;
    this.glob = glob;
    this.parser = parser;
    this.tag = tag;
    this.type = type;
  }

  private static <T> ReadCsvFiles<T> personSource(String name, String glob, CsvFileParser<T> parser) {
    return new ReadCsvFiles<>(name, glob, parser, null, null);
  }

  /** Municipal registrations (and their dead letters) to {@link Tags#SOURCE_RECORDS}; conf: the run's tables (conf/verwijzers.csv; null: packaged). */
  public static ReadCsvFiles<RegistrationRow> registrations(String glob, ConfTables conf) {
    return registrations(glob, conf, StagingRules.defaults(conf));
  }

  /** As {@link #registrations(String, ConfTables)}, with the run's gemeente codes and date window. */
  public static ReadCsvFiles<RegistrationRow> registrations(String glob, ConfTables conf, StagingRules rules) {
    return personSource("Registrations", glob, new RegistrationCsvParser(ProductCategories.verwijzers(conf), rules));
  }

  /** The flat declarations export (sourceFormat "CSV", and its dead letters) to {@link Tags#SOURCE_RECORDS}; conf: conf/hulpvorm-mapping.csv. */
  public static ReadCsvFiles<DeclaratieRegel> declarations(String glob, ConfTables conf) {
    return declarations(glob, conf, StagingRules.defaults(conf));
  }

  /** As {@link #declarations(String, ConfTables)}, with the run's gemeente codes and date window. */
  public static ReadCsvFiles<DeclaratieRegel> declarations(String glob, ConfTables conf, StagingRules rules) {
    return personSource("DeclarationsCsv", glob, new DeclarationCsvParser(ProductCategories.load(conf), rules));
  }

  /** The optional municipal finance table to {@link Tags#CBS_CELLS} (table "financien"). */
  public static ReadCsvFiles<CbsCell> finance(String glob) {
    return finance(glob, StagingRules.defaults(null));
  }

  /** As {@link #finance(String)}, with the run's gemeente codes. */
  public static ReadCsvFiles<CbsCell> finance(String glob, StagingRules rules) {
    return new ReadCsvFiles<>("Finance", glob, new FinanceCsvParser(rules), Tags.CBS_CELLS, CbsCell.class);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<FileIO.ReadableFile> files = StagingFiles.match(input, name, glob);
    if (tag == null) {
      // one output (SourceRecord explains why): parsed records and dead letters in one stream
      CsvParseFn<T, SourceRecord> fn = new CsvParseFn<>(parser, CsvParseFn.Emitter.<T>oneStream(ReadCsvFiles::wrap));
      PCollectionTuple out = files.apply("Parse" + name, ParDo.of(fn).withOutputTags(Tags.SOURCE_RECORDS, TupleTagList.empty()));
      out.get(Tags.SOURCE_RECORDS).setCoder(SourceRecordCoder.of());
      return out;
    }
    PCollectionTuple out = files.apply("Parse" + name, ParDo.of(new CsvParseFn<T, T>(parser, CsvParseFn.Emitter.separate(tag)))
        .withOutputTags(tag, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(tag).setCoder(AvroCoder.of(type));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  /** A person source's record as a {@link SourceRecord} (the two record types the CSV person sources give). */
  private static SourceRecord wrap(Object record) {
    if (record instanceof RegistrationRow r) return SourceRecord.of(r);
    if (record instanceof DeclaratieRegel d) return SourceRecord.of(d);
    throw new IllegalArgumentException("not a person record: " + record.getClass().getSimpleName());
  }
}
