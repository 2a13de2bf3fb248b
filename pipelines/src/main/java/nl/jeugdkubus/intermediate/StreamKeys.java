package nl.jeugdkubus.intermediate;

import nl.jeugdkubus.model.DeadLetter;

/**
 * The keys of the one stream into the per-person grouping ({@link LinkTrajectories}): a pseudonymised record's key is
 * its pseudonym (hex digits); a dead letter and an input digest line travel with the records under a key of their
 * own that no pseudonym can have (it starts with {@code '!'}), one small group each (source file and position; the
 * digest line itself), so that no group grows with the number of rejects or files. Pure logic.
 */
public final class StreamKeys {
  private static final String DEAD = "!dead ";
  private static final String DIGEST = "!digest ";

  private StreamKeys() {}

  /** The key of a dead letter: its source file and position. */
  public static String deadLetter(DeadLetter d) {
    return DEAD + d.getSourceFile() + " " + d.getPosition();
  }

  /** The key of an input digest line: the line (it names the file). */
  public static String digestLine(String line) {
    return DIGEST + line;
  }

  /** Whether a key is a person's (a pseudonym), not one of the pass-through keys above. */
  public static boolean isPerson(String key) {
    return !key.startsWith("!");
  }
}
