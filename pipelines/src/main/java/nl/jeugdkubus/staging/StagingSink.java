package nl.jeugdkubus.staging;

import nl.jeugdkubus.model.DeadLetter;

/**
 * Receives what a parser makes of its input: typed records and dead letters, in input order. A parser
 * hands every input record to exactly one of the two methods (a file-level problem gives one dead
 * letter for the file).
 */
public interface StagingSink<T> {
  void record(T record);

  void dead(DeadLetter deadLetter);

  /**
   * Counts something done to a record handed to {@link #record} (e.g. "gemeente.mapped"): the run
   * counts it as staging.&lt;source&gt;.&lt;name&gt;. Default: not counted.
   */
  default void note(String name) {}
}
