package nl.jeugdkubus.marts;

import java.io.Serializable;

/**
 * Key of one aggregate cell as the indicator logic produces it: a measure ("family:kenmerk", see
 * {@link Measures}), a period, an area (gemeente code or region code), and the dimension values.
 * The age value may be an internal universe key ({@link Dims#U0_17}, {@link Dims#U12_22}).
 */
public record CellKey(
    String measure, String periode, String area, String age, String sex, String hulpvorm, String verwijzer,
    String productcategorie) implements Serializable, Comparable<CellKey> {

  private static final String SEP = "|";

  public String encode() {
    return String.join(SEP, measure, periode, area, age, sex, hulpvorm, verwijzer, productcategorie);
  }

  public static CellKey decode(String s) {
    String[] p = s.split("\\|", -1);
    if (p.length != 8) throw new IllegalArgumentException("not a cell key: " + s);
    return new CellKey(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
  }

  public String family() {
    return Measures.family(measure);
  }

  public String kenmerk() {
    return Measures.kenmerk(measure);
  }

  /** The grouping key of the derivation step: area, age and sex (all periods and measures of it together). */
  public String deriveGroup() {
    return group(area, age, sex);
  }

  /** The {@link #deriveGroup} key of an area, age key and geslacht. */
  public static String group(String area, String age, String sex) {
    return String.join(SEP, area, age, sex);
  }

  /** The area of a {@link #deriveGroup} key. */
  public static String groupArea(String group) {
    return group.substring(0, group.indexOf('|'));
  }

  public CellKey withMeasure(String m) {
    return new CellKey(m, periode, area, age, sex, hulpvorm, verwijzer, productcategorie);
  }

  public CellKey withPeriode(String p) {
    return new CellKey(measure, p, area, age, sex, hulpvorm, verwijzer, productcategorie);
  }

  public CellKey withHulpvorm(String h) {
    return new CellKey(measure, periode, area, age, sex, h, verwijzer, productcategorie);
  }

  public CellKey withVerwijzer(String v) {
    return new CellKey(measure, periode, area, age, sex, hulpvorm, v, productcategorie);
  }

  public CellKey withProductcategorie(String pc) {
    return new CellKey(measure, periode, area, age, sex, hulpvorm, verwijzer, pc);
  }

  @Override
  public int compareTo(CellKey o) {
    return encode().compareTo(o.encode());
  }

  @Override
  public String toString() {
    return encode();
  }
}
