package nl.jeugdkubus.staging;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nl.jeugdkubus.model.DeadLetter;

/** Helpers for the staging tests. */
final class TestText {
  private TestText() {}

  static InputStream utf8(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Every field of a dead letter in one string, to look for leaked values. */
  static String all(DeadLetter d) {
    return d.toString();
  }
}
