package nl.jeugdkubus.common;

import java.util.Objects;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.RegistrationRow;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;

/**
 * One element of the single record stream from the person sources to the per-person grouping: a record as
 * read (BSN still present: it lives only between a reader and the pseudonymisation chained behind it), a
 * pseudonymised record, a dead letter, or lines of the iJw input digest list.
 *
 * <p>Why one stream: on Flink's batch runtime a step with several outputs hands every consumer the whole union of
 * its outputs, and when the branches meet again (in the per-person join, in the one dead-letter sink) the
 * exchanges become blocking (docs/performance.md, "where the dam comes from"). With one output per step the
 * records flow from the parser through the pseudonymisation into the one shuffle without being written aside.
 */
public final class SourceRecord {
  /** What a record is; the ordinal is its tag in {@link SourceRecordCoder} (append only). */
  public enum Kind {
    REGISTRATION_ROW(RegistrationRow.class),
    IJW_TOEWIJZING(IjwToewijzing.class),
    IJW_START_STOP(IjwStartStop.class),
    DECLARATIE_REGEL(DeclaratieRegel.class),
    REGISTRATION(LocalRegistration.class),
    TOEWIJZING(Toewijzing.class),
    MUTATIE(ZorgMutatie.class),
    DECLARATIE(Declaratie.class),
    DEAD_LETTER(DeadLetter.class),
    INPUT_DIGEST(String.class);

    final Class<?> type;

    Kind(Class<?> type) {
      this.type = type;
    }
  }

  private final Kind kind;
  private final Object value;

  private SourceRecord(Kind kind, Object value) {
    this.kind = kind;
    this.value = Objects.requireNonNull(value, "value");
  }

  static SourceRecord of(Kind kind, Object value) {
    if (!kind.type.isInstance(value)) throw new IllegalArgumentException(kind + " holds " + kind.type.getSimpleName());
    return new SourceRecord(kind, value);
  }

  public static SourceRecord of(RegistrationRow r) { return new SourceRecord(Kind.REGISTRATION_ROW, r); }
  public static SourceRecord of(IjwToewijzing r) { return new SourceRecord(Kind.IJW_TOEWIJZING, r); }
  public static SourceRecord of(IjwStartStop r) { return new SourceRecord(Kind.IJW_START_STOP, r); }
  public static SourceRecord of(DeclaratieRegel r) { return new SourceRecord(Kind.DECLARATIE_REGEL, r); }
  public static SourceRecord of(LocalRegistration r) { return new SourceRecord(Kind.REGISTRATION, r); }
  public static SourceRecord of(Toewijzing r) { return new SourceRecord(Kind.TOEWIJZING, r); }
  public static SourceRecord of(ZorgMutatie r) { return new SourceRecord(Kind.MUTATIE, r); }
  public static SourceRecord of(Declaratie r) { return new SourceRecord(Kind.DECLARATIE, r); }
  public static SourceRecord of(DeadLetter d) { return new SourceRecord(Kind.DEAD_LETTER, d); }

  /**
   * Lines of the input digest list ({@link InputDigests#line}), separated by {@code '\n'} (no newline at the end):
   * a reader gives one such record per thousand files, not one per file, so that a million message files add a
   * thousand records, not a million, to the grouping.
   */
  public static SourceRecord digestLines(String lines) {
    return new SourceRecord(Kind.INPUT_DIGEST, lines);
  }

  public Kind kind() {
    return kind;
  }

  /** The record, as its kind's type. */
  public <T> T as(Class<T> type) {
    if (type != kind.type) throw new IllegalStateException("a " + kind + " is not a " + type.getSimpleName());
    return type.cast(value);
  }

  Object value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRecord s && s.kind == kind && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }

  /** The kind and the record's text (Avro's JSON form): for tests and diagnostics, never for logs (it can hold a BSN). */
  @Override
  public String toString() {
    return kind + " " + value;
  }
}
