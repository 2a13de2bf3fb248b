package nl.jeugdkubus.staging;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The whole staging layer: reads every source and returns one tuple with
 * {@link Tags#REGISTRATION_ROWS}, {@link Tags#IJW_TOEWIJZINGEN}, {@link Tags#IJW_START_STOP},
 * {@link Tags#DECLARATIE_REGELS} (JW323 and CSV together), {@link Tags#CBS_CELLS} (with the optional finance table) and
 * {@link Tags#DEAD_LETTERS} (all readers together), and {@link Tags#IJW_INPUT_DIGESTS} (the digest lines of the iJw
 * files, computed while they are read). A null glob leaves its outputs empty.
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
    List<PCollection<RegistrationRow>> registrations = new ArrayList<>();
    List<PCollection<IjwToewijzing>> toewijzingen = new ArrayList<>();
    List<PCollection<IjwStartStop>> startStops = new ArrayList<>();
    List<PCollection<DeclaratieRegel>> declaraties = new ArrayList<>();
    List<PCollection<CbsCell>> cells = new ArrayList<>();
    List<PCollection<DeadLetter>> dead = new ArrayList<>();
    List<PCollection<String>> ijwDigests = new ArrayList<>();

    if (registrationsGlob != null) {
      PCollectionTuple t = input.apply("ReadRegistrations", ReadCsvFiles.registrations(registrationsGlob, conf, rules));
      registrations.add(t.get(Tags.REGISTRATION_ROWS));
      dead.add(t.get(Tags.DEAD_LETTERS));
    }
    if (ijwGlob != null) {
      PCollectionTuple t = input.apply("ReadIjwMessages", new ReadIjwMessages(ijwGlob, conf, rules).relativeTo(inputBase));
      ijwDigests.add(t.get(Tags.IJW_INPUT_DIGESTS));
      toewijzingen.add(t.get(Tags.IJW_TOEWIJZINGEN));
      startStops.add(t.get(Tags.IJW_START_STOP));
      declaraties.add(t.get(Tags.DECLARATIE_REGELS));
      dead.add(t.get(Tags.DEAD_LETTERS));
    }
    if (declarationsCsvGlob != null) {
      PCollectionTuple t = input.apply("ReadDeclarationsCsv", ReadCsvFiles.declarations(declarationsCsvGlob, conf, rules));
      declaraties.add(t.get(Tags.DECLARATIE_REGELS));
      dead.add(t.get(Tags.DEAD_LETTERS));
    }
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
        .of(Tags.REGISTRATION_ROWS, flatten(input, "RegistrationRows", registrations, AvroCoder.of(RegistrationRow.class)))
        .and(Tags.IJW_TOEWIJZINGEN, flatten(input, "IjwToewijzingen", toewijzingen, AvroCoder.of(IjwToewijzing.class)))
        .and(Tags.IJW_START_STOP, flatten(input, "IjwStartStop", startStops, AvroCoder.of(IjwStartStop.class)))
        .and(Tags.DECLARATIE_REGELS, flatten(input, "DeclaratieRegels", declaraties, AvroCoder.of(DeclaratieRegel.class)))
        .and(Tags.CBS_CELLS, flatten(input, "CbsCells", cells, AvroCoder.of(CbsCell.class)))
        .and(Tags.DEAD_LETTERS, flatten(input, "DeadLetters", dead, AvroCoder.of(DeadLetter.class)))
        .and(Tags.IJW_INPUT_DIGESTS, flatten(input, "IjwInputDigests", ijwDigests, StringUtf8Coder.of()));
  }

  private static <T> PCollection<T> flatten(PBegin input, String name, List<PCollection<T>> parts, Coder<T> coder) {
    if (parts.isEmpty()) return input.apply("Empty" + name, Create.empty(coder));
    if (parts.size() == 1) return parts.get(0);
    return PCollectionList.of(parts).apply("Flatten" + name, Flatten.pCollections()).setCoder(coder);
  }
}
