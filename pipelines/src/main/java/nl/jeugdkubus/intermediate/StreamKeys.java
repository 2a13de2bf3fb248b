package nl.jeugdkubus.intermediate;

import nl.jeugdkubus.model.DeadLetter;

/**
 * The keys of the one stream into the per-person grouping ({@link LinkTrajectories}): a pseudonymised record's key is
 * its pseudonym (hex digits); a dead letter and an input digest line travel with the records under a key of their
 * own that no pseudonym can have (it starts with {@code '!'}), one small group each (source file and position; the
 * first digest line of a block), so that no group grows with the number of rejects or files. Pure logic.
 */
public final class StreamKeys {
  private static final String DEAD = "!dead ";
  private static final String DIGEST = "!digest ";

  private StreamKeys() {}

  /** The key of a dead letter: its source file and position. */
  public static String deadLetter(DeadLetter d) {
    return DEAD + d.getSourceFile() + " " + d.getPosition();
  }

  /** The key of lines of the input digest list: their first line (it names a file, and each file has one line). */
  public static String digestLines(String lines) {
    int end = lines.indexOf('\n');
    return DIGEST + (end < 0 ? lines : lines.substring(0, end));
  }

  /** Whether a key is a person's (a pseudonym), not one of the pass-through keys above. */
  public static boolean isPerson(String key) {
    return !key.startsWith("!");
  }
}
