package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.staging.GemeenteCodes;

/**
 * The two CBS tables the marts use, as lookups (small: a side input).
 *
 * <ul>
 *   <li>03759ned: population on 1 January per gemeente, year, geslacht and single year of age
 *       (Leeftijd keys from conf/cbs-leeftijd.csv). The denominator of a half-year is the population
 *       on 1 January of its year.</li>
 *   <li>85098NED: CBS youth-care indicators (percentages) per region (GMxxxx, NL01) and period, with
 *       the status of the period.</li>
 *   <li>85097NED: jeugdhulptrajecten per verwijzer (counts; VerwijzerJeugdzorg keys from conf/cbs-verwijzer.csv).</li>
 *   <li>85100NED: jongeren met jeugdzorg (counts, half-years) at persoonskenmerk 'totaal'.</li>
 * </ul>
 *
 * <p>On the run's boundaries (docs/mappings.md "Herindeling and boundaries") a gemeente without its own CBS figure
 * gets the figure of the old codes merged into it: counts summed, 85098NED percentages weighted by the old codes'
 * population of the measure's universe; the status of a combination is the least final of its parts.
 */
public final class CbsTables implements Serializable {
  public static final String POPULATION_TABLE = "03759ned";
  public static final String POPULATION_MEASURE = "BevolkingOp1Januari_1";
  public static final String BENCHMARK_TABLE = "85098NED";
  public static final String NEDERLAND = "NL01";
  /** Jeugdhulptrajecten per verwijzer; dimension {@link #VERWIJZER_DIMENSION} (docs/input-formats.md: keys assumed). */
  public static final String VERWIJZER_TABLE = "85097NED";
  public static final String VERWIJZER_DIMENSION = "VerwijzerJeugdzorg";
  /** Jongeren met jeugdzorg by persoonskenmerken, half-years; only the 'totaal' persoonskenmerk is used. */
  public static final String PERSONEN_TABLE = "85100NED";
  public static final String PERSOONSKENMERKEN_DIMENSION = "Persoonskenmerken";
  public static final String PERSOONSKENMERKEN_TOTAAL = "T009002";

  /** A CBS value and the status of its period. */
  public record Value(Double value, String status) implements Serializable {}

  /** gemeente|year|sex|age -> persons. sex: M, V, totaal. */
  private final HashMap<String, Long> population = new HashMap<>();
  /** The same, summed over the old codes CBS published for a gemeente of the boundaries (used when it has no own figure). */
  private final HashMap<String, Long> mappedPopulation = new HashMap<>();
  /** regio|periodeKey|measure -> value. */
  private final HashMap<String, Value> benchmark = new HashMap<>();
  /** 85097NED and 85100NED: table|regio|periodeKey|measure|dimension key -> count (CBS's own figure of the regio). */
  private final HashMap<String, Value> counts = new HashMap<>();
  /** The same, summed over the old codes CBS published for a gemeente of the boundaries. */
  private final HashMap<String, Value> mappedCounts = new HashMap<>();
  /** Old code -> gemeente of the boundaries it was merged into (only codes that differ). */
  private final HashMap<String, String> mergedInto = new HashMap<>();
  /** Population of old codes under their own code (oldCode|year|sex|age): the weights of their benchmark percentages. */
  private final HashMap<String, Long> oldPopulation = new HashMap<>();
  /** 85097NED VerwijzerJeugdzorg key -> verwijzer of the cube (conf/cbs-verwijzer.csv). */
  private final HashMap<String, String> verwijzerKeys;
  /** Municipal finance table: gemeente|year|post -> cents (rows of the same key are added up). */
  private final HashMap<String, Long> finance = new HashMap<>();
  /** Table id of the municipal finance rows (staging.FinanceCsvParser.TABLE). */
  public static final String FINANCE_TABLE = "financien";

  /** Tables with the packaged conf/cbs-verwijzer.csv. */
  public CbsTables() {
    this(verwijzerMapping(null));
  }

  /** @param verwijzerKeys 85097NED VerwijzerJeugdzorg key -> verwijzer (COD327 code or 'totaal'), {@link #verwijzerMapping} */
  public CbsTables(Map<String, String> verwijzerKeys) {
    this.verwijzerKeys = new HashMap<>(verwijzerKeys);
  }

  /** Adds one CBS cell if it belongs to a table the marts use, on the newest boundaries; leeftijd maps Leeftijd keys to ages. */
  public void add(CbsCell c, Map<String, Integer> leeftijd) {
    add(c, leeftijd, null);
  }

  /**
   * As {@link #add(CbsCell, Map)} on the run's boundaries (null: as CBS publishes, no mapping). Population of an old
   * code (a gemeente merged away on or before the boundary day) is summed onto the gemeente of the boundaries and used
   * only where CBS has no figure of that gemeente itself; a code that does not exist on the boundaries (created later)
   * is left out. Benchmark figures of old codes are kept under their own code and combined on lookup (counts summed,
   * percentages weighted by population; docs/mappings.md "Herindeling and boundaries").
   */
  public void add(CbsCell c, Map<String, Integer> leeftijd, GemeenteCodes boundaries) {
    String table = c.getTableId() == null ? "" : c.getTableId().trim();
    String regio = c.getRegioCode().trim();
    if (table.equalsIgnoreCase(POPULATION_TABLE)) {
      if (!POPULATION_MEASURE.equals(c.getMeasure()) || c.getValue() == null) return;
      Period p = Period.fromCbsKey(c.getPeriodeKey());
      if (p == null || p.isHalfYear()) return;
      String sex = sexOf(c.getDimensions().get("Geslacht"));
      String lk = c.getDimensions().get("Leeftijd");
      Integer age = lk == null ? null : leeftijd.get(lk.trim());
      if (sex == null || age == null) return;
      String target = target(regio, boundaries);
      if (target == null) return;
      String key = target + "|" + p.year() + "|" + sex + "|" + age;
      if (target.equals(regio)) {
        population.put(key, Math.round(c.getValue()));
      } else {
        mappedPopulation.merge(key, Math.round(c.getValue()), Long::sum);
        oldPopulation.put(regio + "|" + p.year() + "|" + sex + "|" + age, Math.round(c.getValue()));
      }
    } else if (table.equalsIgnoreCase(FINANCE_TABLE)) {
      Period p = Period.fromCbsKey(c.getPeriodeKey());
      if (p == null || p.isHalfYear() || c.getValue() == null) return;
      finance.merge(regio + "|" + p.year() + "|" + c.getMeasure().trim().toLowerCase(Locale.ROOT),
          Math.round(c.getValue() * 100), Long::sum);
    } else if (table.equalsIgnoreCase(BENCHMARK_TABLE)) {
      String target = target(regio, boundaries);
      if (target == null) return;
      if (!target.equals(regio)) mergedInto.put(regio, target);
      benchmark.put(regio + "|" + c.getPeriodeKey().trim() + "|" + c.getMeasure(), new Value(c.getValue(), status(c.getStatus())));
    } else if (table.equalsIgnoreCase(VERWIJZER_TABLE) || table.equalsIgnoreCase(PERSONEN_TABLE)) {
      String dimKey = countKey(table, c.getDimensions());
      if (dimKey == null) return;
      String target = target(regio, boundaries);
      if (target == null) return;
      String rest = "|" + c.getPeriodeKey().trim() + "|" + c.getMeasure().trim() + "|" + dimKey;
      Value v = new Value(c.getValue(), status(c.getStatus()));
      String t = table.toUpperCase(Locale.ROOT) + "|";
      if (target.equals(regio)) counts.put(t + regio + rest, v);
      else mappedCounts.merge(t + target + rest, v, CbsTables::sum);
    }
  }

  /** The gemeente of the boundaries a CBS region code stands for (itself without boundaries or for NL01, PVnn, ...). */
  private static String target(String regio, GemeenteCodes boundaries) {
    return boundaries == null || GemeenteInfo.isRegion(regio) || !regio.startsWith("GM") ? regio : boundaries.mapToBoundaries(regio);
  }

  /** The dimension key a 85097NED / 85100NED cell is kept under (the cube's verwijzer; 'totaal'), or null: not used. */
  private String countKey(String table, Map<String, String> dims) {
    if (table.equalsIgnoreCase(VERWIJZER_TABLE)) {
      String k = dims.get(VERWIJZER_DIMENSION);
      return k == null ? null : verwijzerKeys.get(k.trim());
    }
    String k = dims.get(PERSOONSKENMERKEN_DIMENSION);
    return k != null && k.trim().equals(PERSOONSKENMERKEN_TOTAAL) ? Dims.TOTAAL : null;
  }

  /** Two parts of a combined count: null ('.') when either is; the least final status. */
  static Value sum(Value a, Value b) {
    Double v = a.value() == null || b.value() == null ? null : a.value() + b.value();
    return new Value(v, leastFinal(a.status(), b.status()));
  }

  /** The least final of two statuses (null: none yet). */
  static String leastFinal(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    return statusRank(b) < statusRank(a) ? b : a;
  }

  public CbsTables merge(CbsTables o) {
    population.putAll(o.population);
    o.mappedPopulation.forEach((k, v) -> mappedPopulation.merge(k, v, Long::sum));
    benchmark.putAll(o.benchmark);
    counts.putAll(o.counts);
    o.mappedCounts.forEach((k, v) -> mappedCounts.merge(k, v, CbsTables::sum));
    mergedInto.putAll(o.mergedInto);
    oldPopulation.putAll(o.oldPopulation);
    o.finance.forEach((k, v) -> finance.merge(k, v, Long::sum));
    return this;
  }

  private static String sexOf(String key) {
    if (key == null) return null;
    return switch (key.trim()) {
      case "3000" -> "M";
      case "4000" -> "V";
      case "T001038" -> Dims.TOTAAL;
      default -> null;
    };
  }

  /** CBS status as the cube writes it: voorlopig, nader voorlopig, definitief (onbekend without a Perioden file). */
  static String status(String s) {
    if (s == null || s.isBlank()) return Dims.ONBEKEND;
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** Rank of a status: the least final of several statuses describes a combination of them. */
  static int statusRank(String s) {
    return switch (s) {
      case "definitief" -> 3;
      case "nader voorlopig" -> 2;
      case "voorlopig" -> 1;
      default -> 0;
    };
  }

  /** The VerwijzerJeugdzorg key -> verwijzer mapping of conf/cbs-verwijzer.csv (85097NED). */
  public static Map<String, String> verwijzerMapping(ConfTables conf) {
    Map<String, String> m = new HashMap<>();
    for (Map<String, String> r : (conf == null ? ConfTables.packaged() : conf).table("cbs-verwijzer.csv").rows()) {
      m.put(r.get("verwijzer_key"), r.get("verwijzer"));
    }
    return m;
  }

  /** The Leeftijd key -> age mapping of conf/cbs-leeftijd.csv. */
  public static Map<String, Integer> leeftijdMapping(ConfTables conf) {
    Map<String, Integer> m = new HashMap<>();
    for (Map<String, String> r : (conf == null ? ConfTables.packaged() : conf).table("cbs-leeftijd.csv").rows()) {
      m.put(r.get("leeftijd_key"), Integer.parseInt(r.get("leeftijd")));
    }
    return m;
  }

  /** Ages of an age key (class or universe); null for 'onbekend' / 'totaal'. */
  static int[] ageRange(String ageKey) {
    return switch (ageKey) {
      case Dims.A0_3 -> new int[] {0, 3};
      case Dims.A4_11 -> new int[] {4, 11};
      case Dims.A12_17 -> new int[] {12, 17};
      case Dims.A18_22 -> new int[] {18, 22};
      case Dims.U0_17 -> new int[] {0, 17};
      case Dims.U12_22 -> new int[] {12, 22};
      default -> null;
    };
  }

  /**
   * Population on 1 January of {@code year} of one gemeente, or of a region (sum over {@code regionMembers}),
   * in an age class or universe; null when not every single year of age is known (or geslacht O, or
   * leeftijdsklasse onbekend/totaal: no population).
   */
  public Long population(String area, Collection<String> regionMembers, int year, String sex, String ageKey) {
    int[] r = ageRange(ageKey);
    if (r == null || sex.equals("O")) return null;
    if (!GemeenteInfo.isRegion(area)) return gemeentePopulation(area, year, sex, r);
    if (regionMembers == null || regionMembers.isEmpty()) return null;
    long total = 0;
    for (String g : regionMembers) {
      Long p = gemeentePopulation(g, year, sex, r);
      if (p == null) return null;
      total += p;
    }
    return total;
  }

  private Long gemeentePopulation(String g, int year, String sex, int[] range) {
    long total = 0;
    for (int a = range[0]; a <= range[1]; a++) {
      Long v = person(g + "|" + year + "|" + sex + "|" + a);
      if (v == null && sex.equals(Dims.TOTAAL)) {
        Long m = person(g + "|" + year + "|M|" + a);
        Long f = person(g + "|" + year + "|V|" + a);
        v = m == null || f == null ? null : m + f;
      }
      if (v == null) return null;
      total += v;
    }
    return total;
  }

  /** A population cell: CBS's own figure of the gemeente, else the sum over its old codes. */
  private Long person(String key) {
    Long own = population.get(key);
    return own != null ? own : mappedPopulation.get(key);
  }

  /** The 85098NED value of a region (GMxxxx or NL01) as CBS published it, or null when CBS has no such cell. */
  public Value benchmark(String regio, Period period, String measure) {
    return benchmark.get(regio + "|" + period.cbsKey() + "|" + measure);
  }

  /**
   * The 85098NED value of a gemeente of the boundaries: CBS's own figure, else the mean of the figures of the old
   * codes merged into it, each weighted by its population of {@code universe} (geslacht totaal) on 1 January of
   * the period's year; null without any. The combination has no value (not available) when a part has none ('.')
   * or has no population; its status is the least final of its parts. The parts are the old codes with a cell of
   * this period and measure or with a population of that year (an old code with population but no cell: no value).
   */
  public Value benchmark(String regio, Period period, String measure, String universe) {
    Value own = benchmark(regio, period, measure);
    if (own != null || GemeenteInfo.isRegion(regio)) return own;
    int[] range = ageRange(universe);
    Fraction weighted = Fraction.of(0);
    long weights = 0;
    boolean complete = true;
    String status = null;
    int parts = 0;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(mergedInto).entrySet()) {
      if (!e.getValue().equals(regio)) continue;
      String old = e.getKey();
      Value v = benchmark(old, period, measure);
      Long w = range == null ? null : oldPopulation(old, period.year(), range);
      if (v == null && w == null) continue;
      parts++;
      if (v != null) status = leastFinal(status, v.status());
      if (v == null || v.value() == null || w == null) {
        complete = false;
        continue;
      }
      weighted = weighted.plus(Fraction.ofDecimal(v.value()).times(w));
      weights += w;
    }
    if (parts == 0 || status == null) return null;
    if (!complete || weights == 0) return new Value(null, status);
    return new Value(weighted.divide(Fraction.of(weights)).toDouble(), status);
  }

  private Long oldPopulation(String old, int year, int[] range) {
    long total = 0;
    for (int a = range[0]; a <= range[1]; a++) {
      Long v = oldPopulation.get(old + "|" + year + "|" + Dims.TOTAAL + "|" + a);
      if (v == null) {
        Long m = oldPopulation.get(old + "|" + year + "|M|" + a);
        Long f = oldPopulation.get(old + "|" + year + "|V|" + a);
        v = m == null || f == null ? null : m + f;
      }
      if (v == null) return null;
      total += v;
    }
    return total;
  }

  /**
   * A 85097NED / 85100NED count of a gemeente (CBS's own, else summed over the old codes merged into it) or of NL01,
   * for a period, measure and dimension key (verwijzer or 'totaal'); null when CBS has no such cell.
   */
  public Value count(String table, String regio, Period period, String measure, String dimKey) {
    String k = table.toUpperCase(Locale.ROOT) + "|" + regio + "|" + period.cbsKey() + "|" + measure + "|" + dimKey;
    Value own = counts.get(k);
    return own != null ? own : mappedCounts.get(k);
  }

  /**
   * The 85097NED share (%) of trajectories of one verwijzer in all trajectories ('totaal' verwijzer) of a region and
   * period, from the (summed) counts; null without both cells; no value when either is '.' or the total is 0.
   */
  public Value verwijzerShare(String regio, Period period, String measure, String verwijzer) {
    Value part = count(VERWIJZER_TABLE, regio, period, measure, verwijzer);
    Value all = count(VERWIJZER_TABLE, regio, period, measure, Dims.TOTAAL);
    if (part == null || all == null) return null;
    String status = leastFinal(part.status(), all.status());
    if (part.value() == null || all.value() == null || all.value() <= 0) return new Value(null, status);
    return new Value(100.0 * part.value() / all.value(), status);
  }

  /** The verwijzers (not 'totaal') of conf/cbs-verwijzer.csv, sorted. */
  public java.util.SortedSet<String> cbsVerwijzers() {
    java.util.SortedSet<String> s = new java.util.TreeSet<>(verwijzerKeys.values());
    s.remove(Dims.TOTAAL);
    return s;
  }

  /**
   * Sum in cents of the finance posts of a gemeente, or of a region (sum over {@code regionMembers}),
   * for a year; null when the area has none of the posts (a region: when a member has none).
   */
  public Long finance(String area, Collection<String> regionMembers, int year, Collection<String> posts) {
    if (!GemeenteInfo.isRegion(area)) return gemeenteFinance(area, year, posts);
    if (regionMembers == null || regionMembers.isEmpty()) return null;
    long total = 0;
    for (String g : regionMembers) {
      Long v = gemeenteFinance(g, year, posts);
      if (v == null) return null;
      total += v;
    }
    return total;
  }

  private Long gemeenteFinance(String g, int year, Collection<String> posts) {
    Long total = null;
    for (String post : posts) {
      Long v = finance.get(g + "|" + year + "|" + post);
      if (v != null) total = (total == null ? 0 : total) + v;
    }
    return total;
  }

  public boolean isEmpty() {
    return population.isEmpty() && mappedPopulation.isEmpty() && benchmark.isEmpty() && finance.isEmpty() && counts.isEmpty()
        && mappedCounts.isEmpty();
  }
}
