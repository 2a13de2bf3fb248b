package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator registry: for every indicator code of conf/indicators.csv, its unit, its age universe
 * and which aggregate cells its teller and noemer are (so disclosure control can protect rows that
 * share a cell together). The texts (names, definitions) live in the catalogue; a test keeps the two
 * in step.
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

  /** Indicators compared with CBS 85098NED, and the CBS measure of each. */
  public static final Map<String, String> CBS_MEASURE;

  /** Benchmark row suffixes (docs/cube.md "Benchmark rows"). */
  public static final List<String> BENCHMARK_SUFFIXES =
      List.of("_cbs", "_nl", "_refgroep", "_verschil_cbs", "_verschil_nl", "_verschil_refgroep", "_index");

  private static final Map<String, Indicator> ALL = new LinkedHashMap<>();

  private static Ref t(String measure) {
    return new Ref(measure, Src.TELLER, Map.of());
  }

  private static Ref n(String measure, String... overrides) {
    return new Ref(measure, Src.NOEMER, pairs(overrides));
  }

  private static Ref none(String measure, String... overrides) {
    return new Ref(measure, Src.NONE, pairs(overrides));
  }

  private static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return Collections.unmodifiableMap(m);
  }

  private static void add(String code, String eenheid, String universe, Ref... refs) {
    boolean tc = false;
    boolean nc = false;
    for (Ref r : refs) {
      tc |= r.src == Src.TELLER;
      nc |= r.src == Src.NOEMER;
    }
    if (ALL.put(code, new Indicator(code, eenheid, universe, List.of(refs), tc, nc, false, null)) != null) {
      throw new IllegalStateException("duplicate indicator " + code);
    }
  }

  /** Count, percentage and rate per 1,000 of young people with a kind of care. */
  private static void careTriple(String code, String measure, String universe) {
    add(code, AANTAL, null, t(measure));
    add(code + "_pct", PROCENT, universe, t(measure));
    add(code + "_per1000", PER_1000, universe, t(measure));
  }

  static {
    // (1) young people with care
    add("jongeren_jeugdzorg", AANTAL, null, t(Measures.JEUGDZORG));
    careTriple("jongeren_jeugdhulp", Measures.JEUGDHULP, Dims.U0_17);
    careTriple("jongeren_zonder_verblijf", Measures.ZONDER_VERBLIJF, Dims.U0_17);
    careTriple("jongeren_met_verblijf", Measures.MET_VERBLIJF, Dims.U0_17);
    careTriple("jongeren_jeugdbescherming", Measures.JEUGDBESCHERMING, Dims.U0_17);
    careTriple("jongeren_jeugdreclassering", Measures.JEUGDRECLASSERING, Dims.U12_22);
    add("jongeren_met_verblijf_aandeel", PROCENT, Dims.U0_17, t(Measures.MET_VERBLIJF), n(Measures.JEUGDHULP));
    add("jongeren_jb_met_verblijf_aandeel", PROCENT, Dims.U0_17, t(Measures.JB_MET_VERBLIJF), n(Measures.JEUGDBESCHERMING));
    // (2) trajectories
    add("trajecten_lopend", AANTAL, null, t(Measures.LOPEND));
    add("trajecten_gestart", AANTAL, null, t(Measures.GESTART));
    add("trajecten_gestart_nieuw", AANTAL, null, t(Measures.GESTART_NIEUW));
    add("trajecten_gestart_herhaald", AANTAL, null, t(Measures.GESTART_HERHAALD));
    add("trajecten_gestart_crisis", AANTAL, null, t(Measures.GESTART_CRISIS));
    add("trajecten_gestart_zonder_crisis", AANTAL, null, t(Measures.GESTART_ZONDER_CRISIS));
    add("trajecten_beeindigd", AANTAL, null, t(Measures.BEEINDIGD));
    add("trajecten_beeindigd_volgens_plan", AANTAL, null, t(Measures.BEEINDIGD_VOLGENS_PLAN));
    add("trajecten_beeindigd_voortijdig", AANTAL, null, t(Measures.BEEINDIGD_VOORTIJDIG));
    add("trajecten_beeindigd_reden_onbekend", AANTAL, null, t(Measures.BEEINDIGD_REDEN_ONBEKEND));
    add("trajecten_beeindigd_volgens_plan_pct", PROCENT, null, t(Measures.BEEINDIGD_VOLGENS_PLAN), n(Measures.BEEINDIGD));
    add("trajectduur_gemiddeld", DAGEN, null, n(Measures.BEEINDIGD));
    add("trajectduur_mediaan", DAGEN, null, n(Measures.BEEINDIGD));
    // (3) verwijzers of specialist trajectories
    add("specialist_gestart", AANTAL, null, t(Measures.SPEC_GESTART));
    add("specialist_gestart_verwijzer_aandeel", PROCENT, null, t(Measures.SPEC_GESTART),
        n(Measures.SPEC_GESTART, "verwijzer", Dims.TOTAAL));
    // (4) costs
    add("kosten_netto", EURO, null, none(Measures.KOSTEN));
    add("kosten_clienten", AANTAL, null, t(Measures.KOSTEN));
    add("jongeren_specialistisch", AANTAL, null, t(Measures.SPECIALISTISCH));
    add("kosten_per_client", EURO, null, none(Measures.KOSTEN), n(Measures.SPECIALISTISCH));
    add("kosten_per_jeugdige", EURO, null, none(Measures.KOSTEN));
    // (4b) municipal finance table (optional input): lasten per jongere and per gebruiker
    add("lasten_jeugd", EURO, null);
    add("lasten_jeugd_per_jongere", EURO, null);
    add("lasten_jeugd_per_gebruiker", EURO, null, n(Measures.JEUGDZORG));
    add("lasten_preventie", EURO, null);
    add("lasten_preventie_per_jongere", EURO, null);
    // (5) prevention flow, stacking, return, snapshots, data quality
    add("lokaal_gestart", AANTAL, null, t(Measures.LOKAAL_GESTART));
    add("lokaal_gestart_specialist_6m", AANTAL, null, t(Measures.LOKAAL_SPEC_6M));
    add("lokaal_gestart_specialist_6m_pct", PROCENT, null, t(Measures.LOKAAL_SPEC_6M),
        n(Measures.LOKAAL_GESTART, "hulpvorm", Dims.TOTAAL));
    add("lokaal_gestart_specialist_12m", AANTAL, null, t(Measures.LOKAAL_SPEC_12M));
    add("lokaal_gestart_specialist_12m_pct", PROCENT, null, t(Measures.LOKAAL_SPEC_12M),
        n(Measures.LOKAAL_GESTART, "hulpvorm", Dims.TOTAAL));
    add("specialist_gestart_na_lokaal", AANTAL, null, t(Measures.SPEC_GESTART_NA_LOKAAL));
    add("specialist_gestart_na_lokaal_pct", PROCENT, null, t(Measures.SPEC_GESTART_NA_LOKAAL), n(Measures.SPEC_GESTART));
    add("stapeling_gemiddeld", GEMIDDELDE, null, n(Measures.JEUGDZORG));
    add("stapeling_2plus", AANTAL, null, t(Measures.STAPELING_2PLUS));
    add("stapeling_2plus_pct", PROCENT, null, t(Measures.STAPELING_2PLUS), n(Measures.JEUGDZORG));
    add("trajecten_beeindigd_terugkeer_12m", AANTAL, null, t(Measures.BEEINDIGD_TERUGKEER));
    add("trajecten_beeindigd_terugkeer_12m_pct", PROCENT, null, t(Measures.BEEINDIGD_TERUGKEER), n(Measures.BEEINDIGD));
    for (String d : Measures.PEILDATA) {
      add("peil_" + d + "_lokaal_open", AANTAL, null, t(Measures.peilOpen(d)));
      add("peil_" + d + "_lokaal_met_specialist", AANTAL, null, t(Measures.peilMetSpecialist(d)));
      add("peil_" + d + "_lokaal_met_specialist_pct", PROCENT, null, t(Measures.peilMetSpecialist(d)), n(Measures.peilOpen(d)));
    }
    add("dq_lokaal_open", AANTAL, null, t(Measures.DQ_OPEN));
    add("dq_lokaal_open_zonder_einddatum_1jaar", AANTAL, null, t(Measures.DQ_OPEN_1JAAR));
    add("dq_lokaal_open_zonder_einddatum_1jaar_pct", PROCENT, null, t(Measures.DQ_OPEN_1JAAR), n(Measures.DQ_OPEN));
    // (6) waiting times
    add("wachttijd_aanmelding_aantal", AANTAL, null, t(Measures.WACHT_AANMELDING));
    add("wachttijd_aanmelding_gemiddeld", DAGEN, null, n(Measures.WACHT_AANMELDING));
    add("wachttijd_aanmelding_mediaan", DAGEN, null, n(Measures.WACHT_AANMELDING));
    add("wachttijd_toewijzing_aantal", AANTAL, null, t(Measures.WACHT_TOEWIJZING));
    add("wachttijd_toewijzing_gemiddeld", DAGEN, null, n(Measures.WACHT_TOEWIJZING));
    add("wachttijd_toewijzing_mediaan", DAGEN, null, n(Measures.WACHT_TOEWIJZING));

    // (7) benchmark rows
    Map<String, String> cbs = new LinkedHashMap<>();
    cbs.put("jongeren_jeugdhulp_pct", "JongerenMetJeugdhulpInNatura_1");
    cbs.put("jongeren_met_verblijf_aandeel", "JongerenMetJeugdhMetVerblInNat_2");
    cbs.put("jongeren_jeugdbescherming_pct", "JongerenMetJeugdbescherming_3");
    cbs.put("jongeren_jb_met_verblijf_aandeel", "JeugdbeschEnJeugdhMetVerblInNat_4");
    cbs.put("jongeren_jeugdreclassering_pct", "JongerenMetJeugdreclassering_5");
    CBS_MEASURE = Collections.unmodifiableMap(cbs);
    for (String x : cbs.keySet()) {
      Indicator base = ALL.get(x);
      List<Ref> noValues = new ArrayList<>();
      for (Ref r : base.refs()) noValues.add(new Ref(r.measure(), Src.NONE, r.overrides()));
      for (String s : BENCHMARK_SUFFIXES) {
        boolean fromCbs = s.equals("_cbs") || s.equals("_nl") || s.equals("_refgroep");
        String unit = fromCbs ? PROCENT : s.equals("_index") ? INDEX : PROCENTPUNT;
        ALL.put(x + s, new Indicator(x + s, unit, base.universe(), fromCbs ? List.of() : List.copyOf(noValues),
            false, false, fromCbs, x));
      }
    }
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
