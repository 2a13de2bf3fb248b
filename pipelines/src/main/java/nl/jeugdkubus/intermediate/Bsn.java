package nl.jeugdkubus.intermediate;

/**
 * BSN validation as jeugdkubus applies it before pseudonymising (docs/pseudonymisation.md).
 *
 * <ul>
 *   <li>9 digits; an 8-digit number gets a leading zero (Excel drops it);</li>
 *   <li>the eleven-test: (9·d1 + 8·d2 + … + 2·d8 − d9) mod 11 = 0;</li>
 *   <li>{@code 999999999}: CBS's "unknown" placeholder (fails the test) — {@link Kind#UNKNOWN};</li>
 *   <li>{@code 000000000}: CBS's "unborn child" placeholder (passes the test but is shared by every
 *       unborn child, so it identifies nobody) — {@link Kind#UNBORN}.</li>
 * </ul>
 */
public final class Bsn {
  public enum Kind { VALID, UNKNOWN, UNBORN, INVALID }

  public static final String UNKNOWN_PLACEHOLDER = "999999999";
  public static final String UNBORN_PLACEHOLDER = "000000000";

  private Bsn() {}

  /** Strips spaces, dots and dashes and restores a lost leading zero; null when not 8 or 9 digits (the staging rule). */
  public static String normalise(String raw) {
    return nl.jeugdkubus.staging.StagingValues.normaliseBsn(raw);
  }

  public static boolean elevenTest(String nineDigits) {
    if (nineDigits == null || !nineDigits.matches("\\d{9}")) return false;
    int sum = 0;
    for (int i = 0; i < 8; i++) sum += (9 - i) * (nineDigits.charAt(i) - '0');
    sum -= nineDigits.charAt(8) - '0';
    return sum % 11 == 0;
  }

  public static Kind classify(String raw) {
    String n = normalise(raw);
    if (n == null) return Kind.INVALID;
    if (n.equals(UNKNOWN_PLACEHOLDER)) return Kind.UNKNOWN;
    if (n.equals(UNBORN_PLACEHOLDER)) return Kind.UNBORN;
    return elevenTest(n) ? Kind.VALID : Kind.INVALID;
  }
}
