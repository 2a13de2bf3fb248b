package nl.jeugdkubus;

import java.io.IOException;
import java.nio.file.Path;
import nl.jeugdkubus.common.RunSummary;

/**
 * A step that runs after the Beam pipeline has finished and reconciled, and writes into the pending
 * output folder before it is published (e.g. the HTML report drawn from {@code <pending>/tables}).
 * What it writes is published atomically with the rest; a step that throws stops the run unpublished.
 * Register steps in {@link JeugdkubusPipeline#POST_PIPELINE_STEPS}.
 */
public interface PostPipelineStep {
  /** A short name for the console. */
  String name();

  /**
   * @param pending the run's output folder before publication: tables/, dimensions/, deadletters/, ...
   *     as the pipeline wrote them; write new top-level entries (e.g. report/) here
   */
  void writeInto(Path pending, RunConfiguration config, RunSummary summary) throws IOException;
}
