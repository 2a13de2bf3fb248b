package nl.jeugdkubus.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** Date parsing shared by every reader: ISO yyyy-MM-dd, and the Dutch dd-MM-yyyy of CSV exports. */
public final class Dates {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /**
   * Parses a date strictly (2027-06-31 is an error, not 2027-07-01).
   *
   * @throws IllegalArgumentException with a message naming the value
   */
  public static LocalDate parse(String s) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException("missing date");
    String t = s.trim();
    try {
      if (t.length() == 10 && t.charAt(4) == '-') return LocalDate.parse(t, ISO);
      if (t.length() == 10 && t.charAt(2) == '-') return LocalDate.parse(t, DUTCH);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("impossible date '" + t + "'");
    }
    throw new IllegalArgumentException("not a date (expected yyyy-MM-dd): '" + t + "'");
  }

  /** Parses an optional date: null or blank gives null. */
  public static LocalDate parseOptional(String s) {
    return s == null || s.isBlank() ? null : parse(s);
  }

  /** Normalises to ISO yyyy-MM-dd, or null for blank. */
  public static String iso(String s) {
    LocalDate d = parseOptional(s);
    return d == null ? null : d.toString();
  }

  /** Age in whole years on a date. */
  public static int age(LocalDate birth, LocalDate on) {
    return (int) ChronoUnit.YEARS.between(birth, on);
  }

  /** Days from a to b (b - a). */
  public static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }
}
