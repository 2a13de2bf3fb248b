package nl.jeugdkubus.attack;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an outsider knows about the published indicators from docs/cube.md, docs/indicators.md and
 * conf/indicators.csv, written down independently of the marts code: which count or amount each row's
 * teller and noemer are, how waarde is computed from them, and which relations hold between counts.
 */
final class Knowledge {
  private Knowledge() {}

  /** How a row's numbers relate to the unknowns. */
  enum Kind {
    /** aantal: teller = waarde = a rounded count. */
    COUNT,
    /** rate of a count over a public population: exact noemer. */
    RATE,
    /** share of two counts, both rounded. */
    SHARE,
    /** mean of integers (days, hulpvormen) over a rounded count. */
    MEAN,
    /** exact median of integers over a rounded count. */
    MEDIAN,
    /** an amount in whole euros. */
    EURO,
    /** an amount (teller) per count (noemer), whole euros. */
    PER_UNIT,
    /** an amount per public population, whole euros. */
    PER_POPULATION,
    /** public figures or comparisons the attacker does not use. */
    OTHER
  }

  /**
   * A row kind: the measure behind the teller and the one behind the noemer (null when public or
   * absent), the multiplier of a rate (100 or 1000) and the decimals of waarde.
   */
  record Spec(Kind kind, String teller, String noemer, int factor, int decimals) {}

  static final String U_0_17 = "0-17";
  static final String U_12_22 = "12-22";
  static final List<String> AGE_CLASSES = List.of("0-3", "4-11", "12-17", "18-22", "onbekend");
  static final Map<String, List<String>> AGE_PARTS = Map.of(
      Row.TOTAAL, AGE_CLASSES, U_0_17, List.of("0-3", "4-11", "12-17"), U_12_22, List.of("12-17", "18-22"));

  /** Measures that count young people once per cell (not additive over hulpvorm, area, period). */
  static final Set<String> PERSONS = Set.of("jongeren_jeugdzorg", "jongeren_jeugdhulp", "jongeren_zonder_verblijf",
      "jongeren_met_verblijf", "jongeren_jeugdbescherming", "jongeren_jb_met_verblijf", "jongeren_jeugdreclassering",
      "jongeren_specialistisch", "kosten_clienten", "lokaal_gestart", "lokaal_gestart_specialist_6m",
      "lokaal_gestart_specialist_12m", "stapeling_2plus");

  /**
   * Person measures that are not a union over areas or periods: two hulpvormen in a year may be one in
   * each half (stapeling), jeugdbescherming and verblijf must fall in the same gemeente and period, and a
   * local-team start followed by specialist care depends on which start is the earliest in the period.
   * No region or year relation is used for them.
   */
  static final Set<String> NOT_UNION = Set.of("stapeling_2plus", "jongeren_jb_met_verblijf",
      "lokaal_gestart_specialist_6m", "lokaal_gestart_specialist_12m");

  /** Unit measures that count events in a period: a year is the sum of its two halves. */
  static final Set<String> FLOWS = Set.of("trajecten_gestart", "trajecten_gestart_nieuw", "trajecten_gestart_herhaald",
      "trajecten_gestart_crisis", "trajecten_gestart_zonder_crisis", "trajecten_beeindigd",
      "trajecten_beeindigd_volgens_plan", "trajecten_beeindigd_voortijdig", "trajecten_beeindigd_reden_onbekend",
      "trajecten_beeindigd_terugkeer_12m", "specialist_gestart", "specialist_gestart_na_lokaal",
      "wachttijd_aanmelding_aantal", "wachttijd_toewijzing_aantal", "kosten_netto");

  /**
   * docs/disclosure.md "The rule" (5): the published count of a flow's year (a count in FLOWS, whose year is H1 +
   * H2) is the sum of the published counts of its two half-years when both are published; only when a half-year
   * is suppressed is the year's own count rounded. So such a year row is not a rounding of the year's true count
   * (reading it as one claims false intervals: H1 18 and H2 19 are published 20 and 20, the year 37 as 40).
   */
  static boolean yearOfAFlow(String measure) {
    return FLOWS.contains(measure) && !PERSONS.contains(measure);
  }

  /** Exact relations between measures at the same cell: total = sum of parts (docs/cube.md, "measure"). */
  static final List<List<String>> EXACT = List.of(
      List.of("trajecten_gestart", "trajecten_gestart_nieuw", "trajecten_gestart_herhaald"),
      List.of("trajecten_gestart", "trajecten_gestart_crisis", "trajecten_gestart_zonder_crisis"),
      List.of("trajecten_beeindigd", "trajecten_beeindigd_volgens_plan", "trajecten_beeindigd_voortijdig",
          "trajecten_beeindigd_reden_onbekend"));

  /** part <= whole at the same cell (a subset by definition). */
  static final List<List<String>> SUBSETS = List.of(
      List.of("trajecten_beeindigd_terugkeer_12m", "trajecten_beeindigd"),
      List.of("specialist_gestart_na_lokaal", "specialist_gestart"),
      List.of("jongeren_zonder_verblijf", "jongeren_jeugdhulp"),
      List.of("jongeren_met_verblijf", "jongeren_jeugdhulp"),
      List.of("jongeren_jb_met_verblijf", "jongeren_jeugdbescherming"),
      List.of("jongeren_jb_met_verblijf", "jongeren_met_verblijf"),
      List.of("jongeren_jeugdhulp", "jongeren_jeugdzorg"),
      List.of("jongeren_jeugdbescherming", "jongeren_jeugdzorg"),
      List.of("jongeren_jeugdreclassering", "jongeren_jeugdzorg"),
      List.of("jongeren_specialistisch", "jongeren_jeugdzorg"),
      List.of("stapeling_2plus", "jongeren_jeugdzorg"),
      List.of("lokaal_gestart_specialist_12m", "lokaal_gestart"),
      List.of("lokaal_gestart_specialist_6m", "lokaal_gestart_specialist_12m"),
      List.of("peil_0430_lokaal_met_specialist", "peil_0430_lokaal_open"),
      List.of("peil_0831_lokaal_met_specialist", "peil_0831_lokaal_open"),
      List.of("peil_1231_lokaal_met_specialist", "peil_1231_lokaal_open"),
      List.of("dq_lokaal_open_zonder_einddatum_1jaar", "dq_lokaal_open"),
      // every young person with care has at least one trajectory running in the period
      List.of("jongeren_jeugdzorg", "trajecten_lopend"),
      List.of("jongeren_zonder_verblijf", "trajecten_lopend"),
      List.of("jongeren_met_verblijf", "trajecten_lopend"));

  /** whole <= sum of parts at the same cell (young people counted once in the whole). */
  static final List<List<String>> COVERS = List.of(
      List.of("jongeren_jeugdzorg", "jongeren_jeugdhulp", "jongeren_jeugdbescherming", "jongeren_jeugdreclassering"));

  /** The rows' meaning by indicator code (docs/indicators.md). */
  static Spec spec(String indicator, String eenheid) {
    switch (indicator) {
      case "jongeren_met_verblijf_aandeel":
        return new Spec(Kind.SHARE, "jongeren_met_verblijf", "jongeren_jeugdhulp", 100, 1);
      case "jongeren_jb_met_verblijf_aandeel":
        return new Spec(Kind.SHARE, "jongeren_jb_met_verblijf", "jongeren_jeugdbescherming", 100, 1);
      case "specialist_gestart_verwijzer_aandeel":
        return new Spec(Kind.SHARE, "specialist_gestart", "specialist_gestart", 100, 1);
      case "trajecten_beeindigd_volgens_plan_pct":
        return new Spec(Kind.SHARE, "trajecten_beeindigd_volgens_plan", "trajecten_beeindigd", 100, 1);
      case "trajecten_beeindigd_terugkeer_12m_pct":
        return new Spec(Kind.SHARE, "trajecten_beeindigd_terugkeer_12m", "trajecten_beeindigd", 100, 1);
      case "specialist_gestart_na_lokaal_pct":
        return new Spec(Kind.SHARE, "specialist_gestart_na_lokaal", "specialist_gestart", 100, 1);
      case "lokaal_gestart_specialist_6m_pct":
        return new Spec(Kind.SHARE, "lokaal_gestart_specialist_6m", "lokaal_gestart", 100, 1);
      case "lokaal_gestart_specialist_12m_pct":
        return new Spec(Kind.SHARE, "lokaal_gestart_specialist_12m", "lokaal_gestart", 100, 1);
      case "stapeling_2plus_pct":
        return new Spec(Kind.SHARE, "stapeling_2plus", "jongeren_jeugdzorg", 100, 1);
      case "dq_lokaal_open_zonder_einddatum_1jaar_pct":
        return new Spec(Kind.SHARE, "dq_lokaal_open_zonder_einddatum_1jaar", "dq_lokaal_open", 100, 1);
      case "trajectduur_gemiddeld":
        return new Spec(Kind.MEAN, null, "trajecten_beeindigd", 1, 1);
      case "trajectduur_mediaan":
        return new Spec(Kind.MEDIAN, null, "trajecten_beeindigd", 1, 1);
      case "wachttijd_aanmelding_gemiddeld":
        return new Spec(Kind.MEAN, null, "wachttijd_aanmelding_aantal", 1, 1);
      case "wachttijd_aanmelding_mediaan":
        return new Spec(Kind.MEDIAN, null, "wachttijd_aanmelding_aantal", 1, 1);
      case "wachttijd_toewijzing_gemiddeld":
        return new Spec(Kind.MEAN, null, "wachttijd_toewijzing_aantal", 1, 1);
      case "wachttijd_toewijzing_mediaan":
        return new Spec(Kind.MEDIAN, null, "wachttijd_toewijzing_aantal", 1, 1);
      case "stapeling_gemiddeld":
        return new Spec(Kind.MEAN, null, "jongeren_jeugdzorg", 1, 2);
      case "kosten_netto":
        return new Spec(Kind.EURO, "kosten_netto", null, 1, 0);
      case "kosten_per_client":
        return new Spec(Kind.PER_UNIT, "kosten_netto", "jongeren_specialistisch", 1, 0);
      case "kosten_per_jeugdige":
        return new Spec(Kind.PER_POPULATION, "kosten_netto", null, 1, 0);
      case "lasten_jeugd_per_gebruiker":
        return new Spec(Kind.PER_UNIT, "lasten_jeugd", "jongeren_jeugdzorg", 1, 0);
      default:
        break;
    }
    if (indicator.matches("peil_\\d{4}_lokaal_met_specialist_pct")) {
      return new Spec(Kind.SHARE, indicator.replace("_pct", ""), indicator.replace("met_specialist_pct", "open"), 100, 1);
    }
    if (indicator.matches("jongeren_[a-z_]+_(pct|per1000)")) {
      String base = indicator.replaceAll("_(pct|per1000)$", "");
      return new Spec(Kind.RATE, base, null, indicator.endsWith("per1000") ? 1000 : 100, 1);
    }
    if ("aantal".equals(eenheid)) return new Spec(Kind.COUNT, indicator, null, 1, 0);
    return new Spec(Kind.OTHER, null, null, 1, 0);
  }

  /** The age universe of a rate or share's 'totaal' row (docs/cube.md: rates have an age universe). */
  static String universe(String indicator) {
    if (indicator.startsWith("jongeren_jeugdreclassering_")) return U_12_22;
    if (indicator.startsWith("jongeren_") && (indicator.endsWith("_pct") || indicator.endsWith("_per1000")
        || indicator.endsWith("_aandeel"))) return U_0_17;
    return Row.TOTAAL;
  }
}
