package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.List;

/**
 * Dimension values of the cube and the age rule.
 *
 * <p>Age rule: the age of a young person in a period is {@code period year - geboortejaar}, the age
 * reached in that calendar year (CBS practice for yearly figures). Classes 0-3, 4-11, 12-17, 18-22;
 * {@code onbekend} when geboortejaar is missing or the age falls outside 0..22 (a birth year after the
 * period, or older than 22: both are registration errors or out of scope for youth care).
 * Rate indicators have an age universe (0-17, or 12-22 for jeugdreclassering): their 'totaal' row
 * covers that universe only. Internally the universes are the pseudo-classes {@link #U0_17} and
 * {@link #U12_22}; they never appear in the published leeftijdsklasse column.
 */
public final class Dims {
  private Dims() {}

  public static final String TOTAAL = "totaal";
  public static final String ONBEKEND = "onbekend";

  public static final String A0_3 = "0-3";
  public static final String A4_11 = "4-11";
  public static final String A12_17 = "12-17";
  public static final String A18_22 = "18-22";
  /** Internal universe key: 0-17 (published as leeftijdsklasse 'totaal' of rate rows). */
  public static final String U0_17 = "0-17";
  /** Internal universe key: 12-22 (published as leeftijdsklasse 'totaal' of jeugdreclassering rates). */
  public static final String U12_22 = "12-22";

  public static final List<String> AGE_CLASSES = List.of(A0_3, A4_11, A12_17, A18_22, ONBEKEND);

  /** Age in a period year (null when geboortejaar is unknown). */
  public static Integer age(Integer geboortejaar, int year) {
    return geboortejaar == null ? null : year - geboortejaar;
  }

  /** The leeftijdsklasse of an age (null = unknown). */
  public static String ageClass(Integer age) {
    if (age == null || age < 0 || age > 22) return ONBEKEND;
    if (age <= 3) return A0_3;
    if (age <= 11) return A4_11;
    if (age <= 17) return A12_17;
    return A18_22;
  }

  /** The class keys a person of this age contributes to: its class, 'totaal', and the universes it is in when requested. */
  public static List<String> ageKeys(Integer age, boolean withUniverses) {
    List<String> keys = new ArrayList<>(4);
    keys.add(ageClass(age));
    keys.add(TOTAAL);
    if (withUniverses && age != null) {
      if (age >= 0 && age <= 17) keys.add(U0_17);
      if (age >= 12 && age <= 22) keys.add(U12_22);
    }
    return keys;
  }

  /** Geslacht as the cube shows it: M, V, or O (anything else, including unknown). */
  public static String sex(String geslacht) {
    if (geslacht == null) return "O";
    String g = geslacht.trim().toUpperCase();
    return g.equals("M") || g.equals("V") ? g : "O";
  }

  /** Verwijzer code as the cube shows it ('onbekend' when blank). */
  public static String verwijzer(String code) {
    return code == null || code.isBlank() ? ONBEKEND : code.trim();
  }
}
