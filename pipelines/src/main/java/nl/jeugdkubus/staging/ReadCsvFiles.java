package nl.jeugdkubus.staging;

import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The CSV sources (a glob each) to their typed records and {@link Tags#DEAD_LETTERS}: one file per
 * element, parsed streaming by a {@link CsvFileParser}. Counters: staging.&lt;source&gt;.read (files),
 * .records, .dead.
 */
public final class ReadCsvFiles<T> extends PTransform<PBegin, PCollectionTuple> {
  private final String name;
  private final String glob;
  private final CsvFileParser<T> parser;
  private final TupleTag<T> tag;
  private final Class<T> type;

  private ReadCsvFiles(String name, String glob, CsvFileParser<T> parser, TupleTag<T> tag, Class<T> type) {
    this.name = name;
    this.glob = glob;
    this.parser = parser;
    this.tag = tag;
    this.type = type;
  }

  /** Municipal registrations to {@link Tags#REGISTRATION_ROWS}; conf: the run's tables (conf/verwijzers.csv; null: packaged). */
  public static ReadCsvFiles<RegistrationRow> registrations(String glob, ConfTables conf) {
    return registrations(glob, conf, StagingRules.defaults(conf));
  }

  /** As {@link #registrations(String, ConfTables)}, with the run's gemeente codes and date window. */
  public static ReadCsvFiles<RegistrationRow> registrations(String glob, ConfTables conf, StagingRules rules) {
    return new ReadCsvFiles<>("Registrations", glob, new RegistrationCsvParser(ProductCategories.verwijzers(conf), rules),
        Tags.REGISTRATION_ROWS, RegistrationRow.class);
  }

  /** The flat declarations export to {@link Tags#DECLARATIE_REGELS} (sourceFormat "CSV"); conf: conf/hulpvorm-mapping.csv. */
  public static ReadCsvFiles<DeclaratieRegel> declarations(String glob, ConfTables conf) {
    return declarations(glob, conf, StagingRules.defaults(conf));
  }

  /** As {@link #declarations(String, ConfTables)}, with the run's gemeente codes and date window. */
  public static ReadCsvFiles<DeclaratieRegel> declarations(String glob, ConfTables conf, StagingRules rules) {
    return new ReadCsvFiles<>("DeclarationsCsv", glob, new DeclarationCsvParser(ProductCategories.load(conf), rules),
        Tags.DECLARATIE_REGELS, DeclaratieRegel.class);
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
    PCollectionTuple out = StagingFiles.match(input, name, glob)
        .apply("Parse" + name, ParDo.of(new CsvParseFn<>(parser, tag))
            .withOutputTags(tag, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(tag).setCoder(AvroCoder.of(type));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }
}
