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

  public ReadRegistrations(String glob) {
    this.glob = glob;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out = StagingFiles.match(input, "Registrations", glob)
        .apply("ParseRegistrations", ParDo.of(new CsvParseFn<>(new RegistrationCsvParser(), Tags.REGISTRATION_ROWS))
            .withOutputTags(Tags.REGISTRATION_ROWS, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(Tags.REGISTRATION_ROWS).setCoder(AvroCoder.of(RegistrationRow.class));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }
}
