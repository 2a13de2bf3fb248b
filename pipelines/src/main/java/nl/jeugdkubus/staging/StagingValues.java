package nl.jeugdkubus.staging;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdkubus.common.Dates;

/** Field checks and conversions shared by the staging readers. All methods are pure. */
public final class StagingValues {
  private static final Pattern EIGHT_OR_NINE_DIGITS = Pattern.compile("\\d{8,9}");
  private static final Pattern EUROS = Pattern.compile("(\\d{1,13})(?:,(\\d{1,2}))?");
  private static final Pattern WHOLE = Pattern.compile("\\d{1,15}");
  private static final Pattern GM_CODE = Pattern.compile("GM\\d{4}");
  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");

  private StagingValues() {}

  /** Blank to null, otherwise trimmed. */
  public static String clean(String s) {
    if (s == null) return null;
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * The one BSN normalisation rule (docs/pseudonymisation.md, used by staging and pseudonymisation):
   * remove whitespace, dots and dashes ({@code 8152.52.821}, {@code 815-252-821}); 8 digits get a
   * leading zero back (lost in Excel); 9 digits pass as they are. Anything else gives null (the caller
   * writes an INVALID_BSN dead letter). The eleven-test is not done here (the pseudonymisation step does it).
   */
  public static String normaliseBsn(String raw) {
    if (raw == null) return null;
    String t = bsnDigits(raw);
    if (!EIGHT_OR_NINE_DIGITS.matcher(t).matches()) return null;
    return t.length() == 8 ? "0" + t : t;
  }

  /** A raw BSN without the whitespace, dots and dashes {@link #normaliseBsn} removes. */
  public static String bsnDigits(String raw) {
    return raw.replaceAll("[\\s.\\-]", "");
  }

  /**
   * Euros with a decimal comma and no thousands separator ("1250,00", "12,5", "7") to whole cents,
   * exactly (no floating point). Returns null when the text is not such an amount (also for a sign,
   * a decimal point or more than two decimals).
   */
  public static Long euroCommaToCents(String s) {
    String t = clean(s);
    if (t == null) return null;
    Matcher m = EUROS.matcher(t);
    if (!m.matches()) return null;
    long euros = Long.parseLong(m.group(1));
    String dec = m.group(2);
    long cents = dec == null ? 0 : dec.length() == 1 ? Long.parseLong(dec) * 10 : Long.parseLong(dec);
    return euros * 100 + cents;
  }

  /** A non-negative whole number (iJw Bedrag in cents, volumes); null when it is not one. */
  public static Long wholeNumber(String s) {
    String t = clean(s);
    if (t == null || !WHOLE.matcher(t).matches()) return null;
    return Long.parseLong(t);
  }

  /** "GM0363" (case-insensitive on input) to upper case, or null when it is not GM + 4 digits. */
  public static String gmCode(String s) {
    String t = clean(s);
    if (t == null) return null;
    String u = t.toUpperCase();
    return GM_CODE.matcher(u).matches() ? u : null;
  }

  /** A 4-digit iJw gemeente code ("0363") to "GM0363", or null when it is not 4 digits. */
  public static String gmFromIjw(String s) {
    String t = clean(s);
    return t != null && FOUR_DIGITS.matcher(t).matches() ? "GM" + t : null;
  }

  /** A date as the CSV readers accept it (Dates.parse: ISO or dd-MM-yyyy), as ISO; throws when invalid. */
  public static String csvDate(String s) {
    return Dates.parse(s).toString();
  }

  /** An iJw date (xs:date, ISO yyyy-MM-dd only), as ISO; throws IllegalArgumentException when invalid. */
  public static String ijwDate(String s) {
    String t = clean(s);
    if (t == null) throw new IllegalArgumentException("missing date");
    if (!ISO_DATE.matcher(t).matches()) throw new IllegalArgumentException("not a date (expected yyyy-MM-dd)");
    LocalDate d = Dates.parse(t);
    return d.toString();
  }

  /** COD046 geslacht: 0 onbekend -> O, 1 man -> M, 2 vrouw -> V; null for anything else. */
  public static String geslachtCod046(String s) {
    String t = clean(s);
    if (t == null) return null;
    switch (t) {
      case "0": return "O";
      case "1": return "M";
      case "2": return "V";
      default: return null;
    }
  }

  /**
   * A value fit for a dead-letter detail: quoted, at most 40 characters, and any run of 6 or more digits
   * masked (a BSN typed into the wrong column must not leak). Never use it for birth dates or names.
   */
  public static String safe(String s) {
    return safe(s, 40);
  }

  /** As {@link #safe(String)}, with a longer length limit (parser messages). */
  public static String safe(String s, int maxLength) {
    if (s == null) return "(empty)";
    String t = s.strip();
    if (t.length() > maxLength) t = t.substring(0, maxLength) + "...";
    Matcher m = LONG_DIGITS.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(maskDigits(m.group())));
    m.appendTail(sb);
    return "'" + sb + "'";
  }

  private static String maskDigits(String digits) {
    return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
  }
}
