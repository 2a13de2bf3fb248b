package nl.jeugdkubus.staging;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CBS Statline period key: {@code yyyyJJ00} (year), {@code yyyyHJ01}/{@code HJ02} (half-year),
 * {@code yyyyKW01}..{@code KW04} (quarter), {@code yyyyMM01}..{@code MM12} (month). Anything else
 * ({@code 2024MM13}, {@code 2024KW05}, {@code 2024HJ03}, {@code ABCDJJ00}, {@code 2024JJ01}) is not a key.
 * Pure; surrounding whitespace is ignored, case is not (CBS writes upper case).
 *
 * @param year the year (1000-9999)
 * @param kind JJ, HJ, KW or MM
 * @param number 0 for JJ, else the half-year, quarter or month (from 1)
 */
public record CbsPeriodKey(int year, String kind, int number) implements Serializable {
  private static final Pattern FORM = Pattern.compile("([1-9]\\d{3})(JJ|HJ|KW|MM)(\\d{2})");

  /** The key parsed, or null when it is none of the four forms or its number is out of range. */
  public static CbsPeriodKey parse(String key) {
    if (key == null) return null;
    Matcher m = FORM.matcher(key.strip());
    if (!m.matches()) return null;
    String kind = m.group(2);
    int n = Integer.parseInt(m.group(3));
    int max = switch (kind) {
      case "JJ" -> 0;
      case "HJ" -> 2;
      case "KW" -> 4;
      default -> 12;
    };
    int min = kind.equals("JJ") ? 0 : 1;
    if (n < min || n > max) return null;
    return new CbsPeriodKey(Integer.parseInt(m.group(1)), kind, n);
  }

  /** The key as CBS writes it, e.g. 2024HJ01. */
  @Override
  public String toString() {
    return year + kind + String.format("%02d", number);
  }
}
