package nl.jeugdkubus.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes every dead letter as one JSON line to {@code <output>/deadletters/deadletters-*.jsonl}
 * (fields as in schemas/DeadLetter.avsc) and counts them per stage and reason ("deadletters.STAGE.REASON") and
 * per source ("rejects.SOURCE.STAGE.REASON", for {@link RejectThreshold}).
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {
  private final String directory;

  public WriteDeadLetters(String directory) {
    this.directory = directory;
  }

  @Override
  public PDone expand(PCollection<DeadLetter> in) {
    return in.apply("ToJson", ParDo.of(new ToJsonFn()))
        .apply("Write", TextIO.write().to(directory + "/deadletters").withSuffix(".jsonl").withNumShards(1));
  }

  static final class ToJsonFn extends DoFn<DeadLetter, String> {
    private transient ObjectMapper mapper;

    @Setup
    public void setup() {
      mapper = new ObjectMapper();
    }

    @ProcessElement
    public void process(ProcessContext c) throws JsonProcessingException {
      DeadLetter d = c.element();
      Counters.counter("deadletters." + d.getStage() + "." + d.getReason()).inc();
      Counters.counter(RejectThreshold.PREFIX + d.getSource() + "." + d.getStage() + "." + d.getReason()).inc();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", d.getSource());
      m.put("sourceFile", d.getSourceFile());
      m.put("position", d.getPosition());
      m.put("stage", d.getStage());
      m.put("reason", d.getReason());
      m.put("detail", d.getDetail());
      m.put("maskedId", d.getMaskedId());
      m.put("recordType", d.getRecordType());
      c.output(mapper.writeValueAsString(m));
    }
  }
}
