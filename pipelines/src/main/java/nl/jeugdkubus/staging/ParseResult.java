package nl.jeugdkubus.staging;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.model.DeadLetter;

/** A sink that keeps everything in memory: for tests and for small inputs. */
public final class ParseResult<T> implements StagingSink<T> {
  private final List<T> records = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final java.util.Map<String, Long> notes = new java.util.TreeMap<>();

  @Override
  public void record(T record) {
    records.add(record);
  }

  @Override
  public void dead(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
  }

  @Override
  public void note(String name) {
    notes.merge(name, 1L, Long::sum);
  }

  /** How often each note was counted (e.g. gemeente.mapped). */
  public java.util.Map<String, Long> notes() {
    return notes;
  }

  public List<T> records() {
    return records;
  }

  public List<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
