package nl.jeugdkubus.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.jeugdkubus.common.Period;

/**
 * Dutch notation for the report: '.' groups thousands, ',' is the decimal sign (1.234,5), half-up
 * rounding; period labels as CBS StatLine writes them ("2024 1e halfjaar", "2024 2e halfjaar", "2024");
 * unit labels in Dutch.
 */
public final class DutchFormat {
  private DutchFormat() {}

  /** A number with {@code decimals} decimals in Dutch notation, e.g. (1234.5, 1) -> "1.234,5". */
  public static String number(double v, int decimals) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    boolean negative = b.signum() < 0;
    String plain = b.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String frac = dot < 0 ? "" : plain.substring(dot + 1);
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) g.append('.');
      g.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + g + (frac.isEmpty() ? "" : "," + frac);
  }

  /** Decimals shown for a unit of schemas/PublishedRow.avsc. */
  public static int decimals(String eenheid) {
    return switch (eenheid == null ? "" : eenheid) {
      case "aantal", "euro" -> 0;
      default -> 1;
    };
  }

  /** A value in its unit's notation, e.g. (12.34, "procent") -> "12,3 %", (1234, "euro") -> "€ 1.234". */
  public static String value(double v, String eenheid) {
    String n = number(v, decimals(eenheid));
    return switch (eenheid == null ? "" : eenheid) {
      case "procent" -> n + " %";
      case "euro" -> "€ " + n;
      case "per_1000" -> n + " per 1.000";
      case "dagen" -> n + " dagen";
      case "procentpunt" -> n + " procentpunt";
      default -> n;
    };
  }

  /** The axis label of a unit. */
  public static String unitLabel(String eenheid) {
    return switch (eenheid == null ? "" : eenheid) {
      case "aantal" -> "aantal";
      case "per_1000" -> "per 1.000 jongeren";
      case "procent" -> "procent (%)";
      case "euro" -> "euro (€)";
      case "dagen" -> "dagen";
      case "procentpunt" -> "procentpunt";
      case "index" -> "index (basisperiode = 100)";
      default -> eenheid;
    };
  }

  /** 2024H1 -> "2024 1e halfjaar", 2024H2 -> "2024 2e halfjaar", 2024 -> "2024" (as CBS StatLine). */
  public static String period(String periode) {
    Period p = Period.parse(periode);
    return p.isHalfYear() ? p.year() + " " + p.half() + "e halfjaar" : String.valueOf(p.year());
  }

  /** A short axis label: 2024H1 -> "2024-1", 2024 -> "2024" (the legend below each chart spells it out). */
  public static String shortPeriod(String periode) {
    Period p = Period.parse(periode);
    return p.isHalfYear() ? p.year() + "-" + p.half() : String.valueOf(p.year());
  }
}
