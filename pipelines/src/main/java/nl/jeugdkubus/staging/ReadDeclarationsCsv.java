package nl.jeugdkubus.staging;

import java.util.Set;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Flat declarations CSV files (a glob) to {@link Tags#DECLARATIE_REGELS} (sourceFormat "CSV") and
 * {@link Tags#DEAD_LETTERS}. See {@link DeclarationCsvParser}.
 */
public class ReadDeclarationsCsv extends PTransform<PBegin, PCollectionTuple> {
  private final String glob;
  private final String confDir;

  public ReadDeclarationsCsv(String glob) {
    this(glob, null);
  }

  /** @param confDir folder overriding conf/ (for hulpvorm-mapping.csv), or null for the packaged copy */
  public ReadDeclarationsCsv(String glob, String confDir) {
    this.glob = glob;
    this.confDir = confDir;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    Set<String> categories = ProductCategories.load(confDir);
    PCollectionTuple out = StagingFiles.match(input, "DeclarationsCsv", glob)
        .apply("ParseDeclarationsCsv",
            ParDo.of(new CsvParseFn<>(new DeclarationCsvParser(categories), Tags.DECLARATIE_REGELS))
                .withOutputTags(Tags.DECLARATIE_REGELS, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(Tags.DECLARATIE_REGELS).setCoder(AvroCoder.of(DeclaratieRegel.class));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }
}
