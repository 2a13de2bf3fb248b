package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator registry, derived from conf/indicators.csv (the packaged catalogue; the one place that says
 * which indicators exist): for every code its unit, its age universe and which aggregate cells its teller
 * and noemer are (so disclosure control can protect rows that share a cell together).
 */
public final class Indicators {
  private Indicators() {}

  public static final String AANTAL = "aantal";
  public static final String PER_1000 = "per_1000";
  public static final String PROCENT = "procent";
  public static final String EURO = "euro";
  public static final String DAGEN = "dagen";
  public static final String GEMIDDELDE = "gemiddelde";
  public static final String PROCENTPUNT = "procentpunt";
  public static final String INDEX = "index";

  /** Which field of a row holds the unrounded count of a referenced cell. */
  public enum Src { TELLER, NOEMER, NONE }

  /**
   * A reference from a row to a count cell of a measure family. The cell's key is the row's key with
   * the family and kenmerk of {@code measure}, with leeftijdsklasse 'totaal' read as the indicator's
   * age universe, and with the given dimensions overridden (e.g. verwijzer -> totaal for a share's noemer).
   */
  public record Ref(String measure, Src src, Map<String, String> overrides) implements Serializable {}

  /**
   * @param universe age universe of a rate (Dims.U0_17 or U12_22): its 'totaal' row covers that universe; null = all ages
   * @param cbsSource rows copied from CBS (never suppressed)
   * @param benchmarkOf for benchmark rows: the indicator compared
   */
  public record Indicator(
      String code, String eenheid, String universe, List<Ref> refs, boolean tellerIsCount, boolean noemerIsCount,
      boolean cbsSource, String benchmarkOf) implements Serializable {}

  /** Indicators compared with CBS, and the CBS measure of each (catalogue column cbs_maat: 'Column' of 85098NED or 'TABLE:Column'). */
  public static final Map<String, String> CBS_MEASURE;

  private static final Map<String, Indicator> ALL = new LinkedHashMap<>();
  private static final Map<String, IndicatorCatalogue.Entry> ENTRIES;

  /** A count cell's measure (not a finance post, not the population). */
  private static boolean isCell(String measure) {
    return !measure.isEmpty() && !measure.startsWith(IndicatorCatalogue.BEVOLKING) && !measure.startsWith("financien:");
  }

  private static Ref ref(String measure, Src src, Map<String, String> overrides) {
    return new Ref(measure, src, Collections.unmodifiableMap(new LinkedHashMap<>(overrides)));
  }

  /** The cells a row of this catalogue entry points at, derived from its soort, maat and noemer_maat. */
  private static List<Ref> refs(IndicatorCatalogue.Entry e) {
    List<Ref> refs = new ArrayList<>();
    String s = e.soort();
    if (e.isCount() || s.equals("per_inwoner") || s.equals("aandeel")) {
      refs.add(ref(e.maat(), Src.TELLER, Map.of()));
    } else if ((s.equals("bedrag") || s.startsWith("bedrag_per")) && isCell(e.maat())) {
      refs.add(ref(e.maat(), Src.NONE, Map.of()));
    }
    if ((s.equals("aandeel") || s.equals("gemiddelde") || s.equals("mediaan") || s.equals("bedrag_per")) && isCell(e.noemerMeasure())) {
      refs.add(ref(e.noemerMeasure(), Src.NOEMER, e.noemerOverrides()));
    }
    return refs;
  }

  static {
    IndicatorCatalogue cat = IndicatorCatalogue.load(null);
    ENTRIES = Collections.unmodifiableMap(cat.byCode());
    Map<String, String> cbs = new LinkedHashMap<>();
    for (IndicatorCatalogue.Entry e : cat.entries()) {
      if (!e.cbsMaat().isEmpty()) cbs.put(e.code(), e.cbsMaat());
    }
    CBS_MEASURE = Collections.unmodifiableMap(cbs);
    for (IndicatorCatalogue.Entry e : cat.entries()) {
      String universe = e.universum().isEmpty() ? null : e.universum();
      String s = e.soort();
      if (s.startsWith("cbs_")) {
        ALL.put(e.code(), new Indicator(e.code(), e.eenheid(), universe, List.of(), false, false, true, e.maat()));
      } else if (s.startsWith("verschil_") || s.equals("index")) {
        List<Ref> noValues = new ArrayList<>();
        for (Ref r : refs(ENTRIES.get(e.maat()))) noValues.add(new Ref(r.measure(), Src.NONE, r.overrides()));
        ALL.put(e.code(), new Indicator(e.code(), e.eenheid(), universe, List.copyOf(noValues), false, false, false, e.maat()));
      } else {
        List<Ref> refs = refs(e);
        boolean tc = false;
        boolean nc = false;
        for (Ref r : refs) {
          tc |= r.src() == Src.TELLER;
          nc |= r.src() == Src.NOEMER;
        }
        ALL.put(e.code(), new Indicator(e.code(), e.eenheid(), universe, List.copyOf(refs), tc, nc, false, null));
      }
    }
  }

  /** The CBS table of an indicator's cbs_maat ('TABLE:Column'; without a table: 85098NED). */
  public static String cbsTable(String code) {
    String m = CBS_MEASURE.get(code);
    if (m == null) throw new IllegalArgumentException("no cbs_maat for " + code);
    int colon = m.indexOf(':');
    return colon < 0 ? CbsTables.BENCHMARK_TABLE : m.substring(0, colon);
  }

  /** The CBS column (topic key) of an indicator's cbs_maat. */
  public static String cbsColumn(String code) {
    String m = CBS_MEASURE.get(code);
    if (m == null) throw new IllegalArgumentException("no cbs_maat for " + code);
    return m.substring(m.indexOf(':') + 1);
  }

  /** The catalogue entry of a code. */
  public static IndicatorCatalogue.Entry entry(String code) {
    IndicatorCatalogue.Entry e = ENTRIES.get(code);
    if (e == null) throw new IllegalArgumentException("unknown indicator " + code);
    return e;
  }

  public static Indicator get(String code) {
    Indicator i = ALL.get(code);
    if (i == null) throw new IllegalArgumentException("unknown indicator " + code);
    return i;
  }

  public static boolean exists(String code) {
    return ALL.containsKey(code);
  }

  public static Map<String, Indicator> all() {
    return Collections.unmodifiableMap(ALL);
  }
}
