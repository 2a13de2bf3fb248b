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
 * </ul>
 */
public final class CbsTables implements Serializable {
  public static final String POPULATION_TABLE = "03759ned";
  public static final String POPULATION_MEASURE = "BevolkingOp1Januari_1";
  public static final String BENCHMARK_TABLE = "85098NED";
  public static final String NEDERLAND = "NL01";

  /** A CBS value and the status of its period. */
  public record Value(Double value, String status) implements Serializable {}

  /** gemeente|year|sex|age -> persons. sex: M, V, totaal. */
  private final HashMap<String, Long> population = new HashMap<>();
  /** The same, summed over the old codes CBS published for a gemeente of the boundaries (used when it has no own figure). */
  private final HashMap<String, Long> mappedPopulation = new HashMap<>();
  /** regio|periodeKey|measure -> value. */
  private final HashMap<String, Value> benchmark = new HashMap<>();
  /** Municipal finance table: gemeente|year|post -> cents (rows of the same key are added up). */
  private final HashMap<String, Long> finance = new HashMap<>();
  /** Table id of the municipal finance rows (staging.FinanceCsvParser.TABLE). */
  public static final String FINANCE_TABLE = "financien";

  /** Adds one CBS cell if it belongs to a table the marts use, on the newest boundaries; leeftijd maps Leeftijd keys to ages. */
  public void add(CbsCell c, Map<String, Integer> leeftijd) {
    add(c, leeftijd, null);
  }

  /**
   * As {@link #add(CbsCell, Map)} on the run's boundaries (null: as CBS publishes, no mapping). Population of an old
   * code (a gemeente merged away on or before the boundary day) is summed onto the gemeente of the boundaries and used
   * only where CBS has no figure of that gemeente itself; a code that does not exist on the boundaries (created later)
   * is left out. Benchmark percentages are never mapped: a gemeente without its own CBS figure has none
   * (docs/mappings.md "Herindeling and boundaries").
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
      String target = boundaries == null || GemeenteInfo.isRegion(regio) || !regio.startsWith("GM") ? regio : boundaries.mapToBoundaries(regio);
      if (target == null) return;
      String key = target + "|" + p.year() + "|" + sex + "|" + age;
      if (target.equals(regio)) population.put(key, Math.round(c.getValue()));
      else mappedPopulation.merge(key, Math.round(c.getValue()), Long::sum);
    } else if (table.equalsIgnoreCase(FINANCE_TABLE)) {
      Period p = Period.fromCbsKey(c.getPeriodeKey());
      if (p == null || p.isHalfYear() || c.getValue() == null) return;
      finance.merge(regio + "|" + p.year() + "|" + c.getMeasure().trim().toLowerCase(Locale.ROOT),
          Math.round(c.getValue() * 100), Long::sum);
    } else if (table.equalsIgnoreCase(BENCHMARK_TABLE)) {
      benchmark.put(regio + "|" + c.getPeriodeKey().trim() + "|" + c.getMeasure(), new Value(c.getValue(), status(c.getStatus())));
    }
  }

  public CbsTables merge(CbsTables o) {
    population.putAll(o.population);
    o.mappedPopulation.forEach((k, v) -> mappedPopulation.merge(k, v, Long::sum));
    benchmark.putAll(o.benchmark);
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

  /** The 85098NED value of a region (GMxxxx or NL01) for a period and measure, or null when CBS has no such cell. */
  public Value benchmark(String regio, Period period, String measure) {
    return benchmark.get(regio + "|" + period.cbsKey() + "|" + measure);
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
    return population.isEmpty() && mappedPopulation.isEmpty() && benchmark.isEmpty() && finance.isEmpty();
  }
}
