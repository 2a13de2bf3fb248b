package nl.jeugdkubus.staging;

import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The optional municipal finance table (CSV files, a glob) to {@link Tags#CBS_CELLS} (table
 * "financien") and {@link Tags#DEAD_LETTERS}. See {@link FinanceCsvParser}.
 */
public class ReadFinance extends PTransform<PBegin, PCollectionTuple> {
  private final String glob;

  public ReadFinance(String glob) {
    this.glob = glob;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out = StagingFiles.match(input, "Finance", glob)
        .apply("ParseFinance", ParDo.of(new CsvParseFn<>(new FinanceCsvParser(), Tags.CBS_CELLS))
            .withOutputTags(Tags.CBS_CELLS, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(Tags.CBS_CELLS).setCoder(AvroCoder.of(CbsCell.class));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }
}
