package nl.jeugdkubus.staging;

import java.util.regex.Pattern;

/**
 * Makes an XSD validator message fit for a dead letter. Xerces quotes the offending value
 * ({@code cvc-pattern-valid: Value '99990000612' is not facet-valid ...}, {@code cvc-datatype-valid.1.2.1:
 * '2010-02-31' is not a valid value for 'date'}, {@code cvc-type.3.1.3: The value '...' of element ...});
 * that value can be a BSN, a birth date or a name, so every quoted value is replaced by {@code '…'}.
 * What stays: the cvc code, element and type names (namespace URIs dropped) and the facets of the
 * schema. As a second line of defence any run of 6 or more digits and anything shaped like a date left
 * over is masked too.
 */
final class ValidatorMessages {
  private ValidatorMessages() {}

  static final String HIDDEN = "'…'";
  static final int MAX_LENGTH = 300;

  /** {"http://...":Name} -> Name. */
  private static final Pattern NAMESPACE = Pattern.compile("\"[^\"]*\":");
  /** Value 'x' / The value 'x' / value = 'x' (attribute values too). */
  private static final Pattern VALUE = Pattern.compile("(?i)\\b(value)(\\s*=?\\s*)'[^']*'");
  /** cvc-datatype-valid.1.2.1: 'x' is not a valid value ... (the value comes first). */
  private static final Pattern LEADING_VALUE = Pattern.compile("^(cvc-[\\w.-]+:\\s*)'[^']*'");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d[\\d .-]{4,}\\d");
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}");

  static String mask(String message) {
    if (message == null || message.isBlank()) return "(no message)";
    String m = message.replaceAll("\\s+", " ").strip();
    m = NAMESPACE.matcher(m).replaceAll("");
    m = LEADING_VALUE.matcher(m).replaceAll("$1" + HIDDEN);
    m = VALUE.matcher(m).replaceAll("$1$2" + HIDDEN);
    m = DATE_LIKE.matcher(m).replaceAll("…");
    m = LONG_DIGITS.matcher(m).replaceAll(r -> digitsOnlyIfLong(r.group()));
    if (m.length() > MAX_LENGTH) m = m.substring(0, MAX_LENGTH) + "...";
    return m;
  }

  /** A run of digits (spaces, dots and dashes between) is masked when it holds 6 or more digits. */
  private static String digitsOnlyIfLong(String run) {
    long digits = run.chars().filter(Character::isDigit).count();
    return digits >= 6 ? "…" : java.util.regex.Matcher.quoteReplacement(run);
  }
}
