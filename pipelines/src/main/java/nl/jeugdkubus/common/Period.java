package nl.jeugdkubus.common;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a half-year ({@code 2024H1}, {@code 2024H2}) or a full year ({@code 2024}).
 * Boundaries are inclusive: 2024H1 is 2024-01-01 .. 2024-06-30.
 */
public final class Period implements Serializable, Comparable<Period> {
  private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  private final int year;
  /** 1 or 2 for a half-year, 0 for a full year. */
  private final int half;

  private Period(int year, int half) {
    this.year = year;
    this.half = half;
  }

  public static Period halfYear(int year, int half) {
    if (half != 1 && half != 2) throw new IllegalArgumentException("half must be 1 or 2: " + half);
    return new Period(year, half);
  }

  public static Period year(int year) {
    return new Period(year, 0);
  }

  /** Parses {@code 2024H1}, {@code 2024H2} or {@code 2024}. */
  public static Period parse(String s) {
    String t = s.trim().toUpperCase();
    Matcher m = HALF.matcher(t);
    if (m.matches()) return halfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    m = YEAR.matcher(t);
    if (m.matches()) return year(Integer.parseInt(m.group(1)));
    throw new IllegalArgumentException("Not a period (expected e.g. 2024H1, 2024H2 or 2024): '" + s + "'");
  }

  /**
   * Parses a list such as {@code 2021H1-2024H2}, {@code 2023H1,2023H2} or {@code 2021H1..2022H2}:
   * a range expands to every half-year in it.
   */
  public static List<Period> parseList(String spec) {
    List<Period> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      String[] range = p.split("\\.\\.|-");
      if (range.length == 2) {
        Period from = parse(range[0]);
        Period to = parse(range[1]);
        if (!from.isHalfYear() || !to.isHalfYear() || to.compareTo(from) < 0) {
          throw new IllegalArgumentException("A period range runs from one half-year to a later one: '" + p + "'");
        }
        for (Period h = from; h.compareTo(to) <= 0; h = h.next()) out.add(h);
      } else {
        out.add(parse(p));
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("No periods in '" + spec + "'");
    return out;
  }

  /** The half-year a date falls in. */
  public static Period halfYearOf(LocalDate d) {
    return halfYear(d.getYear(), d.getMonthValue() <= 6 ? 1 : 2);
  }

  public boolean isHalfYear() {
    return half != 0;
  }

  public int year() {
    return year;
  }

  public int half() {
    return half;
  }

  public LocalDate start() {
    return half == 2 ? LocalDate.of(year, 7, 1) : LocalDate.of(year, 1, 1);
  }

  /** Last day of the period (inclusive). */
  public LocalDate end() {
    return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }

  public boolean contains(LocalDate d) {
    return d != null && !d.isBefore(start()) && !d.isAfter(end());
  }

  /** True when [from, to] overlaps this period; {@code to == null} means still open. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !from.isAfter(end()) && (to == null || !to.isBefore(start()));
  }

  /** The next half-year (only for half-years). */
  public Period next() {
    if (!isHalfYear()) return year(year + 1);
    return half == 1 ? halfYear(year, 2) : halfYear(year + 1, 1);
  }

  /** The full year this half-year belongs to. */
  public Period asYear() {
    return year(year);
  }

  /** CBS Statline period key: 2024HJ01, 2024HJ02, 2024JJ00. */
  public String cbsKey() {
    return half == 0 ? year + "JJ00" : year + "HJ0" + half;
  }

  /** Parses a CBS period key (2024JJ00, 2024HJ01); null for other kinds (quarters, months). */
  public static Period fromCbsKey(String key) {
    String k = key.trim();
    if (k.length() != 8) return null;
    try {
      int y = Integer.parseInt(k.substring(0, 4));
      String kind = k.substring(4, 6);
      if (kind.equals("JJ") && k.endsWith("00")) return year(y);
      if (kind.equals("HJ")) return halfYear(y, Integer.parseInt(k.substring(6)));
    } catch (IllegalArgumentException e) {
      return null; // not a key (staging dead-letters such rows as INVALID_PERIOD; this is a second guard)
    }
    return null;
  }

  @Override
  public String toString() {
    return half == 0 ? Integer.toString(year) : year + "H" + half;
  }

  @Override
  public int compareTo(Period o) {
    int c = Integer.compare(year, o.year);
    if (c != 0) return c;
    // full year sorts after its halves
    return Integer.compare(half == 0 ? 3 : half, o.half == 0 ? 3 : o.half);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Period p && p.year == year && p.half == half;
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, half);
  }
}
