package nl.jeugdkubus.staging;

import java.io.Serializable;
import nl.jeugdkubus.common.ConfTables;

/**
 * The run-wide checks every staging reader applies besides its format: the gemeente codes a record may
 * carry and the date plausibility window. Built once per run (RunConfiguration) and handed to every parser.
 */
public record StagingRules(GemeenteCodes gemeenten, DatePlausibility dates) implements Serializable {

  /** The codes of the given tables (null: packaged) and the window of {@link DatePlausibility#defaults()}. */
  public static StagingRules defaults(ConfTables conf) {
    return new StagingRules(GemeenteCodes.load(conf), DatePlausibility.defaults());
  }
}
