package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.Dims.TOTAAL;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CubeRow;

/**
 * Pure derivation of cube rows from the combined cells of one (area, age key, geslacht) group, all
 * periods together: counts, rates, shares, means, medians, euros, benchmark and index rows. No Beam.
 * Values are computed exactly from the unrounded cells and rounded once ({@link Rounding}); teller and
 * noemer hold unrounded counts (disclosure control rounds them later).
 */
public final class CubeDeriver implements Serializable {
  public static final String NVT = "n.v.t.";

  private final MartsConfig config;
  private final GemeenteInfo gemeenten;
  private final CbsTables cbs;
  private final Map<String, List<String>> regionMembers;
  private final List<String> referenceGroup;

  /**
   * @param scope the gemeenten in the input: region rows cover these (population denominators are
   *     summed over them), and they are the reference group when none is configured
   */
  public CubeDeriver(MartsConfig config, GemeenteInfo gemeenten, CbsTables cbs, Collection<String> scope) {
    this.config = config;
    this.gemeenten = gemeenten;
    this.cbs = cbs;
    this.regionMembers = new HashMap<>();
    Set<String> sorted = new TreeSet<>(scope);
    for (String g : sorted) {
      if (GemeenteInfo.isRegion(g)) continue;
      List<String> areas = gemeenten.areasOf(g);
      if (areas.size() > 1) regionMembers.computeIfAbsent(areas.get(1), r -> new ArrayList<>()).add(g);
    }
    List<String> ref = new ArrayList<>(config.referenceGroup());
    if (ref.isEmpty()) for (String g : sorted) if (!GemeenteInfo.isRegion(g)) ref.add(g);
    this.referenceGroup = ref;
  }

  /** Lookup of the group's cells without area/age/sex. */
  private static String k(String measure, String periode, String hv, String vw, String pc) {
    return measure + "|" + periode + "|" + hv + "|" + vw + "|" + pc;
  }

  /** Derives the rows of all groups of a set of combined cells (convenience for small inputs and tests). */
  public List<CubeRow> deriveAll(Map<CellKey, Acc> cells) {
    Map<String, Map<CellKey, Acc>> groups = new TreeMap<>();
    for (Map.Entry<CellKey, Acc> e : cells.entrySet()) {
      groups.computeIfAbsent(e.getKey().deriveGroup(), x -> new HashMap<>()).put(e.getKey(), e.getValue());
    }
    List<CubeRow> out = new ArrayList<>();
    for (Map<CellKey, Acc> g : groups.values()) out.addAll(derive(g));
    return out;
  }

  /** The gemeenten (not regions) among the areas of a set of cells: the scope of the input. */
  public static Set<String> scopeOf(Collection<CellKey> keys) {
    Set<String> out = new TreeSet<>();
    for (CellKey k : keys) if (!GemeenteInfo.isRegion(k.area())) out.add(k.area());
    return out;
  }

  /** Derives every row of one group. All cells must share area, age and sex. */
  public List<CubeRow> derive(Map<CellKey, Acc> cells) {
    if (cells.isEmpty()) return List.of();
    CellKey first = cells.keySet().iterator().next();
    Group g = new Group(first.area(), first.age(), first.sex());
    for (Map.Entry<CellKey, Acc> e : cells.entrySet()) {
      CellKey c = e.getKey();
      if (!c.area().equals(g.area) || !c.age().equals(g.age) || !c.sex().equals(g.sex)) {
        throw new IllegalArgumentException("cells of different groups: " + first + " and " + c);
      }
      g.cells.put(k(c.measure(), c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie()), e.getValue());
    }
    List<CubeRow> out = new ArrayList<>();
    for (Map.Entry<CellKey, Acc> e : new TreeMap<>(cells).entrySet()) derive(g, e.getKey(), e.getValue(), out);
    benchmark(g, out);
    countBenchmarks(g, out);
    finance(g, out);
    return out;
  }

  private final class Group {
    final String area;
    final String age;
    final String sex;
    final boolean universeKey;
    final boolean in017;
    final boolean in1222;
    final Map<String, Acc> cells = new HashMap<>();

    Group(String area, String age, String sex) {
      this.area = area;
      this.age = age;
      this.sex = sex;
      universeKey = age.equals(Dims.U0_17) || age.equals(Dims.U12_22);
      in017 = age.equals(Dims.A0_3) || age.equals(Dims.A4_11) || age.equals(Dims.A12_17) || age.equals(Dims.U0_17);
      in1222 = age.equals(Dims.A12_17) || age.equals(Dims.A18_22) || age.equals(Dims.U12_22);
    }

    Acc cell(String measure, String periode, String hv, String vw, String pc) {
      return cells.get(k(measure, periode, hv, vw, pc));
    }

    Long population(Period p, String universeOrClass) {
      String ageKey = universeKey ? universeOrClass : age;
      return cbs.population(area, regionMembers.get(area), p.year(), sex, ageKey);
    }

    CubeRow row(String code, String periode, String hv, String vw, String pc, Double teller, Double noemer, Double waarde,
        String cbsStatus) {
      GemeenteInfo.Area a = gemeenten.area(area);
      return CubeRow.newBuilder()
          .setIndicator(code)
          .setPeriode(periode)
          .setGemeenteCode(area)
          .setGemeenteNaam(a.naam())
          .setRegio(a.regio() == null ? Dims.ONBEKEND : a.regio())
          .setLeeftijdsklasse(universeKey ? TOTAAL : age)
          .setGeslacht(sex)
          .setHulpvorm(hv)
          .setVerwijzer(vw)
          .setProductcategorie(pc)
          .setTeller(teller)
          .setNoemer(noemer)
          .setWaarde(waarde)
          .setEenheid(Indicators.get(code).eenheid())
          .setOnderdrukt(false)
          .setCbsStatus(cbsStatus)
          .setRunId(config.runId())
          .build();
    }
  }

  private static Double d(Long v) {
    return v == null ? null : v.doubleValue();
  }

  private static Double d(long v) {
    return (double) v;
  }

  private void derive(Group g, CellKey c, Acc a, List<CubeRow> out) {
    String m = c.measure();
    String per = c.periode();
    Period period = Period.parse(per);
    String hv = c.hulpvorm();
    String vw = c.verwijzer();
    String pc = c.productcategorie();
    long n = a.count();
    switch (m) {
      case Measures.JEUGDZORG -> {
        if (g.universeKey) return;
        out.add(g.row("jongeren_jeugdzorg", per, hv, vw, pc, d(n), null, d(n), NVT));
        out.add(g.row("stapeling_gemiddeld", per, hv, vw, pc, null, d(n), Rounding.mean(a.sum(), n), NVT));
      }
      case Measures.STAPELING_2PLUS -> {
        if (g.universeKey) return;
        count(g, out, "stapeling_2plus", c, n);
        share(g, out, "stapeling_2plus_pct", c, n, g.cell(Measures.JEUGDZORG, per, TOTAAL, TOTAAL, TOTAAL));
      }
      case Measures.JEUGDHULP, Measures.ZONDER_VERBLIJF, Measures.MET_VERBLIJF, Measures.JEUGDBESCHERMING -> {
        String code = switch (m) {
          case Measures.JEUGDHULP -> "jongeren_jeugdhulp";
          case Measures.ZONDER_VERBLIJF -> "jongeren_zonder_verblijf";
          case Measures.MET_VERBLIJF -> "jongeren_met_verblijf";
          default -> "jongeren_jeugdbescherming";
        };
        if (!g.universeKey) count(g, out, code, c, n);
        if (g.in017) {
          rates(g, out, code, c, n, period, Dims.U0_17);
          if (m.equals(Measures.MET_VERBLIJF) && hv.equals(TOTAAL)) {
            share(g, out, "jongeren_met_verblijf_aandeel", c, n, g.cell(Measures.JEUGDHULP, per, TOTAAL, TOTAAL, TOTAAL));
          }
        }
      }
      case Measures.JB_MET_VERBLIJF -> {
        if (g.in017) {
          share(g, out, "jongeren_jb_met_verblijf_aandeel", c, n, g.cell(Measures.JEUGDBESCHERMING, per, TOTAAL, TOTAAL, TOTAAL));
        }
      }
      case Measures.JEUGDRECLASSERING -> {
        if (!g.universeKey) count(g, out, "jongeren_jeugdreclassering", c, n);
        if (g.in1222) rates(g, out, "jongeren_jeugdreclassering", c, n, period, Dims.U12_22);
      }
      case Measures.SPECIALISTISCH -> {
        if (!g.universeKey) count(g, out, "jongeren_specialistisch", c, n);
      }
      case Measures.LOPEND -> count(g, out, "trajecten_lopend", c, n);
      case Measures.GESTART -> count(g, out, "trajecten_gestart", c, n);
      case Measures.GESTART_NIEUW -> count(g, out, "trajecten_gestart_nieuw", c, n);
      case Measures.GESTART_HERHAALD -> count(g, out, "trajecten_gestart_herhaald", c, n);
      case Measures.GESTART_CRISIS -> count(g, out, "trajecten_gestart_crisis", c, n);
      case Measures.GESTART_ZONDER_CRISIS -> count(g, out, "trajecten_gestart_zonder_crisis", c, n);
      case Measures.BEEINDIGD -> {
        count(g, out, "trajecten_beeindigd", c, n);
        means(g, out, "trajectduur", c, a);
      }
      case Measures.BEEINDIGD_VOLGENS_PLAN -> {
        count(g, out, "trajecten_beeindigd_volgens_plan", c, n);
        share(g, out, "trajecten_beeindigd_volgens_plan_pct", c, n, g.cell(Measures.BEEINDIGD, per, hv, vw, pc));
      }
      case Measures.BEEINDIGD_VOORTIJDIG -> count(g, out, "trajecten_beeindigd_voortijdig", c, n);
      case Measures.BEEINDIGD_REDEN_ONBEKEND -> count(g, out, "trajecten_beeindigd_reden_onbekend", c, n);
      case Measures.BEEINDIGD_TERUGKEER -> {
        count(g, out, "trajecten_beeindigd_terugkeer_12m", c, n);
        share(g, out, "trajecten_beeindigd_terugkeer_12m_pct", c, n, g.cell(Measures.BEEINDIGD, per, hv, vw, pc));
      }
      case Measures.SPEC_GESTART -> {
        count(g, out, "specialist_gestart", c, n);
        if (!vw.equals(TOTAAL)) {
          share(g, out, "specialist_gestart_verwijzer_aandeel", c, n, g.cell(Measures.SPEC_GESTART, per, hv, TOTAAL, pc));
        }
      }
      case Measures.SPEC_GESTART_NA_LOKAAL -> {
        count(g, out, "specialist_gestart_na_lokaal", c, n);
        share(g, out, "specialist_gestart_na_lokaal_pct", c, n, g.cell(Measures.SPEC_GESTART, per, hv, vw, pc));
      }
      case Measures.KOSTEN -> costs(g, out, c, a, period);
      case Measures.LOKAAL_GESTART -> count(g, out, "lokaal_gestart", c, n);
      case Measures.LOKAAL_SPEC_6M, Measures.LOKAAL_SPEC_12M -> {
        String code = m.equals(Measures.LOKAAL_SPEC_6M) ? "lokaal_gestart_specialist_6m" : "lokaal_gestart_specialist_12m";
        count(g, out, code, c, n);
        share(g, out, code + "_pct", c, n, g.cell(Measures.LOKAAL_GESTART, per, TOTAAL, vw, pc));
      }
      case Measures.DQ_OPEN -> count(g, out, "dq_lokaal_open", c, n);
      case Measures.DQ_OPEN_1JAAR -> {
        count(g, out, "dq_lokaal_open_zonder_einddatum_1jaar", c, n);
        share(g, out, "dq_lokaal_open_zonder_einddatum_1jaar_pct", c, n, g.cell(Measures.DQ_OPEN, per, hv, vw, pc));
      }
      case Measures.WACHT_AANMELDING -> {
        count(g, out, "wachttijd_aanmelding_aantal", c, n);
        means(g, out, "wachttijd_aanmelding", c, a);
      }
      case Measures.WACHT_TOEWIJZING -> {
        count(g, out, "wachttijd_toewijzing_aantal", c, n);
        means(g, out, "wachttijd_toewijzing", c, a);
      }
      default -> {
        String fam = Measures.family(m);
        if (fam.startsWith("peil_")) {
          String code = fam + "_lokaal_" + Measures.kenmerk(m);
          count(g, out, code, c, n);
          if (Measures.kenmerk(m).equals("met_specialist")) {
            share(g, out, code + "_pct", c, n, g.cell(fam + ":open", per, hv, vw, pc));
          }
        } else {
          throw new IllegalStateException("no derivation for measure " + m);
        }
      }
    }
  }

  private void count(Group g, List<CubeRow> out, String code, CellKey c, long n) {
    out.add(g.row(code, c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), d(n), null, d(n), NVT));
  }

  /** Percentage and rate per 1,000 of the population of the age class (or universe); without population: teller only. */
  private void rates(Group g, List<CubeRow> out, String code, CellKey c, long n, Period p, String universe) {
    Long pop = g.population(p, universe);
    Double pct = pop == null || pop == 0 ? null : Rounding.percent(n, pop);
    Double pm = pop == null || pop == 0 ? null : Rounding.perThousand(n, pop);
    out.add(g.row(code + "_pct", c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), d(n), d(pop), pct, NVT));
    out.add(g.row(code + "_per1000", c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), d(n), d(pop), pm, NVT));
  }

  /** A share of a count in another count (noemer cell must exist: it contains the teller's units). */
  private void share(Group g, List<CubeRow> out, String code, CellKey c, long n, Acc noemer) {
    if (noemer == null || noemer.count() == 0) throw new IllegalStateException("share " + code + " without noemer at " + c);
    out.add(g.row(code, c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), d(n), d(noemer.count()),
        Rounding.percent(n, noemer.count()), NVT));
  }

  private void means(Group g, List<CubeRow> out, String prefix, CellKey c, Acc a) {
    if (a.hist() == null || a.count() == 0) return;
    out.add(g.row(prefix + "_gemiddeld", c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), null,
        d(a.count()), Rounding.meanDays(a.sum(), a.count()), NVT));
    out.add(g.row(prefix + "_mediaan", c.periode(), c.hulpvorm(), c.verwijzer(), c.productcategorie(), null,
        d(a.count()), Rounding.median(a.hist()), NVT));
  }

  private void costs(Group g, List<CubeRow> out, CellKey c, Acc a, Period p) {
    String per = c.periode();
    double euros = Rounding.euros(a.sum());
    out.add(g.row("kosten_netto", per, c.hulpvorm(), c.verwijzer(), c.productcategorie(), euros, null, euros, NVT));
    out.add(g.row("kosten_clienten", per, c.hulpvorm(), c.verwijzer(), c.productcategorie(), d(a.count()), null, d(a.count()), NVT));
    if (!c.productcategorie().equals(TOTAAL)) return;
    Acc clients = g.cell(Measures.SPECIALISTISCH, per, c.hulpvorm(), TOTAAL, TOTAAL);
    if (clients != null && clients.count() > 0) {
      out.add(g.row("kosten_per_client", per, c.hulpvorm(), c.verwijzer(), TOTAAL, euros, d(clients.count()),
          Rounding.eurosPer(a.sum(), clients.count()), NVT));
    }
    if (c.hulpvorm().equals(TOTAAL) && g.age.equals(TOTAAL) && g.sex.equals(TOTAAL)) {
      Long pop = cbs.population(g.area, regionMembers.get(g.area), p.year(), TOTAAL, Dims.U0_17);
      if (pop != null && pop > 0) {
        out.add(g.row("kosten_per_jeugdige", per, TOTAAL, c.verwijzer(), TOTAAL, euros, d(pop), Rounding.eurosPer(a.sum(), pop), NVT));
      }
    }
  }

  /** Iv3 taakvelden of the jeugd lasten: 6.72 maatwerkdienstverlening 18-, 6.82 geëscaleerde zorg 18-. */
  static final List<String> JEUGD_POSTS = List.of("6.72", "6.82");
  static final List<String> PREVENTIE_POSTS = List.of("preventie");

  /**
   * Rows of the optional municipal finance table (docs/cube.md "Finance rows"), in the group of all ages
   * and both sexes, for every full year of the run: lasten_jeugd (posts 6.72 + 6.82) per jongere (population
   * 0-17 on 1 January) and per gebruiker (young people with any care in the year, jongeren_jeugdzorg),
   * lasten_preventie (post 'preventie') per jongere.
   */
  private void finance(Group g, List<CubeRow> out) {
    if (!g.age.equals(TOTAAL) || !g.sex.equals(TOTAAL)) return;
    for (Period p : config.periods()) {
      if (p.isHalfYear()) continue;
      String per = p.toString();
      Long pop = cbs.population(g.area, regionMembers.get(g.area), p.year(), TOTAAL, Dims.U0_17);
      Long jeugd = cbs.finance(g.area, regionMembers.get(g.area), p.year(), JEUGD_POSTS);
      if (jeugd != null) {
        double euros = Rounding.euros(jeugd);
        out.add(g.row("lasten_jeugd", per, TOTAAL, TOTAAL, TOTAAL, euros, null, euros, NVT));
        if (pop != null && pop > 0) {
          out.add(g.row("lasten_jeugd_per_jongere", per, TOTAAL, TOTAAL, TOTAAL, euros, d(pop), Rounding.eurosPer(jeugd, pop), NVT));
        }
        long users = count(g.cell(Measures.JEUGDZORG, per, TOTAAL, TOTAAL, TOTAAL));
        if (users > 0) {
          out.add(g.row("lasten_jeugd_per_gebruiker", per, TOTAAL, TOTAAL, TOTAAL, euros, d(users), Rounding.eurosPer(jeugd, users), NVT));
        }
      }
      Long preventie = cbs.finance(g.area, regionMembers.get(g.area), p.year(), PREVENTIE_POSTS);
      if (preventie != null) {
        double euros = Rounding.euros(preventie);
        out.add(g.row("lasten_preventie", per, TOTAAL, TOTAAL, TOTAAL, euros, null, euros, NVT));
        if (pop != null && pop > 0) {
          out.add(g.row("lasten_preventie_per_jongere", per, TOTAAL, TOTAAL, TOTAAL, euros, d(pop),
              Rounding.eurosPer(preventie, pop), NVT));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // benchmark (7)

  /** Our unrounded value of a benchmark indicator in a period (null when its noemer is unknown or zero). */
  private Fraction ours(Group g, String code, Period p) {
    String per = p.toString();
    long teller;
    Long noemer;
    switch (code) {
      case "jongeren_jeugdhulp_pct" -> {
        teller = count(g.cell(Measures.JEUGDHULP, per, TOTAAL, TOTAAL, TOTAAL));
        noemer = g.population(p, Dims.U0_17);
      }
      case "jongeren_jeugdbescherming_pct" -> {
        teller = count(g.cell(Measures.JEUGDBESCHERMING, per, TOTAAL, TOTAAL, TOTAAL));
        noemer = g.population(p, Dims.U0_17);
      }
      case "jongeren_jeugdreclassering_pct" -> {
        teller = count(g.cell(Measures.JEUGDRECLASSERING, per, TOTAAL, TOTAAL, TOTAAL));
        noemer = g.population(p, Dims.U12_22);
      }
      case "jongeren_met_verblijf_aandeel" -> {
        teller = count(g.cell(Measures.MET_VERBLIJF, per, TOTAAL, TOTAAL, TOTAAL));
        noemer = count(g.cell(Measures.JEUGDHULP, per, TOTAAL, TOTAAL, TOTAAL));
      }
      case "jongeren_jb_met_verblijf_aandeel" -> {
        teller = count(g.cell(Measures.JB_MET_VERBLIJF, per, TOTAAL, TOTAAL, TOTAAL));
        noemer = count(g.cell(Measures.JEUGDBESCHERMING, per, TOTAAL, TOTAAL, TOTAAL));
      }
      default -> throw new IllegalArgumentException(code);
    }
    if (noemer == null || noemer == 0) return null;
    return Fraction.of(teller, noemer).times(100);
  }

  private static long count(Acc a) {
    return a == null ? 0 : a.count();
  }

  /**
   * Benchmark rows (docs/cube.md): in the group of a universe at geslacht 'totaal'. For every
   * benchmark indicator X of this universe and every period: X_cbs (85098NED, same gemeente and
   * period), X_nl (NL01), X_refgroep (unweighted mean of the reference group's CBS values), the
   * differences X_verschil_* (ours minus theirs, percentage points), and X_index (ours / ours in the
   * base period x 100). All computed from unrounded values. Also a zero row of X when we count nobody
   * but know the noemer. Regions get X and X_index only (CBS has no figures for them).
   */
  private void benchmark(Group g, List<CubeRow> out) {
    if (!g.universeKey || !g.sex.equals(TOTAAL)) return;
    boolean gm = !GemeenteInfo.isRegion(g.area);
    for (Map.Entry<String, String> e : Indicators.CBS_MEASURE.entrySet()) {
      String x = e.getKey();
      if (!Indicators.cbsTable(x).equals(CbsTables.BENCHMARK_TABLE) || !Indicators.get(x).universe().equals(g.age)) continue;
      String measure = e.getValue();
      for (Period p : config.periods()) {
        String per = p.toString();
        Fraction ours = ours(g, x, p);
        if (ours != null && ours.isZero()) {
          Long noemer = x.endsWith("_aandeel") ? Long.valueOf(count(oursNoemerCell(g, x, per))) : g.population(p, g.age);
          out.add(g.row(x, per, TOTAAL, TOTAAL, TOTAAL, 0.0, d(noemer), 0.0, NVT));
          if (x.endsWith("_pct")) {
            out.add(g.row(x.replace("_pct", "_per1000"), per, TOTAAL, TOTAAL, TOTAAL, 0.0, d(noemer), 0.0, NVT));
          }
        }
        Period base = config.indexBaseFor(p);
        if (base != null && ours != null) {
          Fraction b = ours(g, x, base);
          if (b != null && !b.isZero()) {
            out.add(g.row(x + "_index", per, TOTAAL, TOTAAL, TOTAAL, null, null, Rounding.index(ours, b), NVT));
          }
        }
        if (!gm) continue;
        CbsTables.Value own = cbs.benchmark(g.area, p, measure, g.age);
        CbsTables.Value nl = cbs.benchmark(CbsTables.NEDERLAND, p, measure);
        addCbs(g, out, x, "_cbs", "_verschil_cbs", per, TOTAAL, ours, value(own), status(own));
        addCbs(g, out, x, "_nl", "_verschil_nl", per, TOTAAL, ours, value(nl), status(nl));
        Fraction sum = Fraction.of(0);
        int used = 0;
        String status = null;
        for (String r : referenceGroup) {
          CbsTables.Value v = cbs.benchmark(r, p, measure, g.age);
          if (v == null || v.value() == null) continue;
          sum = sum.plus(Fraction.ofDecimal(v.value()));
          used++;
          if (status == null || CbsTables.statusRank(v.status()) < CbsTables.statusRank(status)) status = v.status();
        }
        if (used > 0) {
          Fraction mean = sum.divide(Fraction.of(used));
          addCbs(g, out, x, "_refgroep", "_verschil_refgroep", per, TOTAAL, ours, new Known(mean), status);
        }
      }
    }
  }

  private Acc oursNoemerCell(Group g, String x, String per) {
    return g.cell(x.equals("jongeren_met_verblijf_aandeel") ? Measures.JEUGDHULP : Measures.JEUGDBESCHERMING, per, TOTAAL,
        TOTAAL, TOTAAL);
  }

  /** A CBS value: present (possibly null = published as '.'). */
  private record Known(Fraction value) {}

  /** A CBS value as a Known (null: CBS has no such cell). */
  private static Known value(CbsTables.Value v) {
    return v == null ? null : new Known(v.value() == null ? null : Fraction.ofDecimal(v.value()));
  }

  private static String status(CbsTables.Value v) {
    return v == null ? null : v.status();
  }

  /** The row X+suffix with a CBS value (when CBS has a cell) and X+diffSuffix, ours minus theirs, at verwijzer vw. */
  private void addCbs(Group g, List<CubeRow> out, String x, String suffix, String diffSuffix, String per, String vw,
      Fraction ours, Known theirs, String status) {
    if (theirs == null) return;
    Double w = theirs.value() == null ? null : Rounding.round(theirs.value(), Rounding.DECIMALS_PERCENT);
    out.add(g.row(x + suffix, per, TOTAAL, vw, TOTAAL, null, null, w, status));
    if (ours != null && theirs.value() != null && diffSuffix != null) {
      out.add(g.row(x + diffSuffix, per, TOTAAL, vw, TOTAAL, null, null, Rounding.difference(ours, theirs.value()), status));
    }
  }

  /**
   * Benchmarks on CBS counts (docs/cube.md), in the group of all ages and both sexes of a gemeente, for every
   * period: jongeren_jeugdzorg_cbs (85100NED, persoonskenmerk totaal) and jongeren_jeugdzorg_verschil_cbs (ours minus
   * CBS, young people); per verwijzer of conf/cbs-verwijzer.csv specialist_gestart_verwijzer_aandeel_cbs and _nl
   * (85097NED: trajectories of the verwijzer / of all verwijzers x 100) and _verschil_cbs (where we have the share).
   * On the boundaries CbsTables sums the counts of old codes before the share is taken.
   */
  private void countBenchmarks(Group g, List<CubeRow> out) {
    if (!g.age.equals(TOTAAL) || !g.sex.equals(TOTAAL) || GemeenteInfo.isRegion(g.area)) return;
    String jz = "jongeren_jeugdzorg";
    String share = "specialist_gestart_verwijzer_aandeel";
    for (Period p : config.periods()) {
      String per = p.toString();
      Acc ownJz = g.cell(Measures.JEUGDZORG, per, TOTAAL, TOTAAL, TOTAAL);
      CbsTables.Value theirJz = cbs.count(CbsTables.PERSONEN_TABLE, g.area, p, Indicators.cbsColumn(jz), TOTAAL);
      addCbs(g, out, jz, "_cbs", "_verschil_cbs", per, TOTAAL, ownJz == null ? null : Fraction.of(ownJz.count()),
          value(theirJz), status(theirJz));
      Acc all = g.cell(Measures.SPEC_GESTART, per, TOTAAL, TOTAAL, TOTAAL);
      for (String vw : cbs.cbsVerwijzers()) {
        Acc part = g.cell(Measures.SPEC_GESTART, per, TOTAAL, vw, TOTAAL);
        Fraction ours = part == null || all == null || all.count() == 0 ? null : Fraction.of(part.count(), all.count()).times(100);
        CbsTables.Value own = cbs.verwijzerShare(g.area, p, Indicators.cbsColumn(share), vw);
        CbsTables.Value nl = cbs.verwijzerShare(CbsTables.NEDERLAND, p, Indicators.cbsColumn(share), vw);
        addCbs(g, out, share, "_cbs", "_verschil_cbs", per, vw, ours, value(own), status(own));
        addCbs(g, out, share, "_nl", null, per, vw, ours, value(nl), status(nl));
      }
    }
  }
}
