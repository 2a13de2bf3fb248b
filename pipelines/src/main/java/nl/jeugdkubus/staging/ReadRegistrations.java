package nl.jeugdkubus.staging;

import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Municipal registrations CSV files (a glob) to {@link Tags#REGISTRATION_ROWS} and
 * {@link Tags#DEAD_LETTERS}. See {@link RegistrationCsvParser}.
 */
public class ReadRegistrations extends PTransform<PBegin, PCollectionTuple> {
  private final String glob;
  private final String confDir;

  public ReadRegistrations(String glob) {
    this(glob, null);
  }

  /** @param confDir folder overriding conf/ (verwijzers.csv), or null for the packaged copy */
  public ReadRegistrations(String glob, String confDir) {
    this.glob = glob;
    this.confDir = confDir;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out = StagingFiles.match(input, "Registrations", glob)
        .apply("ParseRegistrations", ParDo.of(new CsvParseFn<>(new RegistrationCsvParser(ProductCategories.verwijzers(confDir)), Tags.REGISTRATION_ROWS))
            .withOutputTags(Tags.REGISTRATION_ROWS, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(Tags.REGISTRATION_ROWS).setCoder(AvroCoder.of(RegistrationRow.class));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }
}
