package nl.jeugdkubus.staging;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The whole staging layer: reads every source and returns one tuple with a stream of {@link SourceRecord}s per
 * person source ({@link Tags#REGISTRATION_SOURCE}, {@link Tags#IJW_SOURCE} with the digest lines of the iJw files,
 * {@link Tags#DECLARATIONS_CSV_SOURCE}; each holds its reader's records and dead letters), and
 * {@link Tags#CBS_CELLS} (with the optional finance table) with their readers' {@link Tags#DEAD_LETTERS}. A null glob
 * leaves its outputs empty. The person streams stay apart so that the pseudonymisation chains behind each reader.
 */
public class ReadSources extends PTransform<PBegin, PCollectionTuple> {
  private final String registrationsGlob;
  private final String ijwGlob;
  private final String declarationsCsvGlob;
  private final String cbsGlob;
  private final String financeGlob;
  private final ConfTables conf;
  private final StagingRules rules;
  private String inputBase;

  public ReadSources(String registrationsGlob, String ijwGlob, String declarationsCsvGlob, String cbsGlob) {
    this(registrationsGlob, ijwGlob, declarationsCsvGlob, cbsGlob, null);
  }

  /** @param conf the run's configuration tables (code lists), or null for the packaged conf/ */
  public ReadSources(String registrationsGlob, String ijwGlob, String declarationsCsvGlob, String cbsGlob, ConfTables conf) {
    this(registrationsGlob, ijwGlob, declarationsCsvGlob, cbsGlob, null, conf);
  }

  /** @param financeGlob the optional municipal finance table (CSV), or null */
  public ReadSources(String registrationsGlob, String ijwGlob, String declarationsCsvGlob, String cbsGlob,
      String financeGlob, ConfTables conf) {
    this(registrationsGlob, ijwGlob, declarationsCsvGlob, cbsGlob, financeGlob, conf, StagingRules.defaults(conf));
  }

  /** @param rules the run's gemeente codes and date plausibility window (RunConfiguration.stagingRules) */
  public ReadSources(String registrationsGlob, String ijwGlob, String declarationsCsvGlob, String cbsGlob,
      String financeGlob, ConfTables conf, StagingRules rules) {
    this.rules = rules;
    this.registrationsGlob = registrationsGlob;
    this.ijwGlob = ijwGlob;
    this.declarationsCsvGlob = declarationsCsvGlob;
    this.cbsGlob = cbsGlob;
    this.financeGlob = financeGlob;
    this.conf = conf;
  }

  /** Paths in the iJw digest lines relative to this folder (the --input folder); default absolute. */
  public ReadSources relativeTo(String inputBase) {
    this.inputBase = inputBase;
    return this;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    List<PCollection<CbsCell>> cells = new ArrayList<>();
    List<PCollection<DeadLetter>> dead = new ArrayList<>();

    PCollection<SourceRecord> registrations = registrationsGlob == null ? none(input, "Registrations")
        : input.apply("ReadRegistrations", ReadCsvFiles.registrations(registrationsGlob, conf, rules)).get(Tags.SOURCE_RECORDS);
    PCollection<SourceRecord> ijw = ijwGlob == null ? none(input, "Ijw")
        : input.apply("ReadIjwMessages", new ReadIjwMessages(ijwGlob, conf, rules).relativeTo(inputBase));
    PCollection<SourceRecord> declarationsCsv = declarationsCsvGlob == null ? none(input, "DeclarationsCsv")
        : input.apply("ReadDeclarationsCsv", ReadCsvFiles.declarations(declarationsCsvGlob, conf, rules))
            .get(Tags.SOURCE_RECORDS);
    if (cbsGlob != null) {
      PCollectionTuple t = input.apply("ReadCbsTables", new ReadCbsTables(cbsGlob, rules.gemeenten()));
      cells.add(t.get(Tags.CBS_CELLS));
      dead.add(t.get(Tags.DEAD_LETTERS));
    }
    if (financeGlob != null) {
      PCollectionTuple t = input.apply("ReadFinance", ReadCsvFiles.finance(financeGlob, rules));
      cells.add(t.get(Tags.CBS_CELLS));
      dead.add(t.get(Tags.DEAD_LETTERS));
    }

    return PCollectionTuple
        .of(Tags.REGISTRATION_SOURCE, registrations)
        .and(Tags.IJW_SOURCE, ijw)
        .and(Tags.DECLARATIONS_CSV_SOURCE, declarationsCsv)
        .and(Tags.CBS_CELLS, flatten(input, "CbsCells", cells, AvroCoder.of(CbsCell.class)))
        .and(Tags.DEAD_LETTERS, flatten(input, "DeadLetters", dead, AvroCoder.of(DeadLetter.class)));
  }

  private static PCollection<SourceRecord> none(PBegin input, String name) {
    return input.apply("No" + name, Create.empty(SourceRecordCoder.of()));
  }

  private static <T> PCollection<T> flatten(PBegin input, String name, List<PCollection<T>> parts, Coder<T> coder) {
    if (parts.isEmpty()) return input.apply("Empty" + name, Create.empty(coder));
    if (parts.size() == 1) return parts.get(0);
    return PCollectionList.of(parts).apply("Flatten" + name, Flatten.pCollections()).setCoder(coder);
  }
}
