package nl.jeugdkubus.staging;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;

/**
 * The problems found in one input record. A record with problems becomes one dead letter: the reason
 * is the first problem's code, the detail lists all of them. Problem texts are built by the readers
 * from column/element names and {@link StagingValues#safe} values only: never a BSN or birth date.
 */
final class Issues {
  private final List<String> codes = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(String code, String text) {
    codes.add(code);
    texts.add(text);
  }

  /** Something done to a valid record that the run summary counts (e.g. a merged-away gemeente mapped). */
  void note(String name) {
    notes.add(name);
  }

  List<String> notes() {
    return notes;
  }

  boolean isEmpty() {
    return codes.isEmpty();
  }

  String reason() {
    return codes.isEmpty() ? null : codes.get(0);
  }

  String detail() {
    return String.join("; ", texts);
  }

  DeadLetter toDeadLetter(String source, String file, String position, String rawId, String recordType) {
    return DeadLetters.of(source, file, position, Reasons.STAGE, reason(), detail(), mask(rawId), recordType);
  }

  /** Masks an identifier; blank gives null. */
  static String mask(String rawId) {
    if (rawId == null) return null;
    String t = rawId.replaceAll("\\s", "");
    return t.isEmpty() ? null : DeadLetters.mask(t);
  }
}
