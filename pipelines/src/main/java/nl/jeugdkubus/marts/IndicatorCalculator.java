package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.Dims.TOTAAL;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.jeugdkubus.common.Dates;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.GemeenteWissel;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Trajectory;

/**
 * Pure indicator logic: what one young person contributes to the cells of the cube. No Beam.
 *
 * <p>A person's contributions are collected in one map per person, so a young person counts ONCE in
 * every cell of a person measure (in a gemeente, in its region, in 'totaal' rows), however many
 * trajectories they have there; unit measures (trajectories) add one per trajectory. Every cell is
 * also contributed to its 'totaal' rows (leeftijdsklasse, geslacht and, where the measure is broken
 * down by them, hulpvorm, verwijzer, productcategorie). Gemeenten are never rolled up to a total;
 * a gemeente known in conf/gemeenten-2026.csv also contributes to its region (REG_...).
 * Definitions of every measure: docs/indicators.md and docs/cube.md.
 */
public final class IndicatorCalculator implements Serializable {
  public static final String BRON_LOKAAL = "lokaal_team";
  public static final String BRON_IJW = "ijw";
  public static final String JEUGDHULP = "jeugdhulp";
  public static final String JEUGDBESCHERMING = "jeugdbescherming";
  public static final String JEUGDRECLASSERING = "jeugdreclassering";

  private final GemeenteInfo gemeenten;

  public IndicatorCalculator(GemeenteInfo gemeenten) {
    this.gemeenten = gemeenten;
  }

  /** One cell contribution of one person. */
  public record Contribution(CellKey key, Acc acc) {}

  /** A move during a trajectory: from this day on, this gemeente is responsible. */
  private record Wissel(LocalDate vanaf, String gemeente) {}

  /** A trajectory with parsed dates. */
  private record T(
      Trajectory src, String bron, String zorgsoort, String hulpvorm, String gemeente, LocalDate start, LocalDate end,
      LocalDate aanmeld, LocalDate toewijzing, List<Wissel> wissels) {
    /** The gemeente responsible on day d (woonplaatsbeginsel; moves in docs/linkage.md). */
    String gemeenteOn(LocalDate d) {
      String g = gemeente;
      for (Wissel w : wissels) if (!w.vanaf.isAfter(d)) g = w.gemeente;
      return g;
    }

    /**
     * The gemeenten a trajectory counts for as running in a period: every one responsible on some day of its
     * care in the period (after a move in the period: the old and the new one). Events (start, end) count for
     * the gemeente responsible on their day, so every count stays additive over half-years and gemeenten.
     */
    List<String> gemeentenIn(Period per) {
      LocalDate from = start.isAfter(per.start()) ? start : per.start();
      LocalDate to = end != null && end.isBefore(per.end()) ? end : per.end();
      List<String> out = new ArrayList<>(List.of(gemeenteOn(from)));
      for (Wissel w : wissels) {
        if (w.vanaf.isAfter(from) && !w.vanaf.isAfter(to) && !out.contains(w.gemeente)) out.add(w.gemeente);
      }
      return out;
    }

    boolean lokaal() {
      return BRON_LOKAAL.equals(bron);
    }

    boolean ijw() {
      return BRON_IJW.equals(bron);
    }

    /** Specialist care: iJw jeugdhulp. */
    boolean specialist() {
      return ijw() && JEUGDHULP.equals(zorgsoort);
    }

    boolean jeugdhulp() {
      return JEUGDHULP.equals(zorgsoort);
    }

    boolean zonderVerblijf() {
      return jeugdhulp() && isZonderVerblijf(hulpvorm);
    }

    boolean metVerblijf() {
      return jeugdhulp() && isMetVerblijf(hulpvorm);
    }

    boolean runningOn(LocalDate d) {
      return !start.isAfter(d) && (end == null || !end.isBefore(d));
    }
  }

  public static boolean isZonderVerblijf(String hv) {
    return hv.equals("01") || hv.equals("02") || hv.equals("03") || hv.equals("04");
  }

  public static boolean isMetVerblijf(String hv) {
    return hv.equals("11") || hv.equals("12") || hv.equals("13") || hv.equals("14");
  }

  public List<Contribution> contributions(PersonHistory p, List<Period> periods) {
    List<T> ts = parse(p);
    String sex = Dims.sex(p.getGeslacht());
    Cells cells = new Cells();
    for (Period per : periods) {
      Integer age = Dims.age(p.getGeboortejaar(), per.year());
      Ctx c = new Ctx(cells, per.toString(), age, sex);
      care(c, per, ts);
      trajectories(c, per, ts);
      specialistStarts(c, per, ts);
      costs(c, per, p.getKosten(), p.getPseudonym());
      prevention(c, per, ts);
      waiting(c, per, ts);
    }
    List<Contribution> out = new ArrayList<>(cells.map.size());
    for (Map.Entry<CellKey, Acc> e : cells.map.entrySet()) out.add(new Contribution(e.getKey(), e.getValue()));
    return out;
  }

  /** (1) Young people with care: a trajectory overlapping the period. */
  private void care(Ctx c, Period per, List<T> ts) {
    List<T> running = new ArrayList<>();
    for (T t : ts) if (per.overlaps(t.start, t.end)) running.add(t);
    if (running.isEmpty()) return;
    Set<String> hulpvormen = new HashSet<>();
    for (T t : running) hulpvormen.add(t.hulpvorm);
    int k = hulpvormen.size();
    Map<String, List<T>> byGemeente = new LinkedHashMap<>();
    for (T t : running) for (String g : t.gemeentenIn(per)) byGemeente.computeIfAbsent(g, x -> new ArrayList<>()).add(t);
    for (Map.Entry<String, List<T>> e : byGemeente.entrySet()) {
      String g = e.getKey();
      c.personSum(Measures.JEUGDZORG, g, null, TOTAAL, k);
      if (k >= 2) c.person(Measures.STAPELING_2PLUS, g, null, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
      boolean jb = false;
      boolean met = false;
      for (T t : e.getValue()) {
        List<String> hv = List.of(t.hulpvorm, TOTAAL);
        if (t.jeugdhulp()) c.person(Measures.JEUGDHULP, g, Dims.U0_17, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
        if (t.zonderVerblijf()) c.person(Measures.ZONDER_VERBLIJF, g, Dims.U0_17, hv, List.of(TOTAAL), List.of(TOTAAL));
        if (t.metVerblijf()) {
          c.person(Measures.MET_VERBLIJF, g, Dims.U0_17, hv, List.of(TOTAAL), List.of(TOTAAL));
          met = true;
        }
        if (JEUGDBESCHERMING.equals(t.zorgsoort)) {
          c.person(Measures.JEUGDBESCHERMING, g, Dims.U0_17, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
          jb = true;
        }
        if (JEUGDRECLASSERING.equals(t.zorgsoort)) {
          c.person(Measures.JEUGDRECLASSERING, g, Dims.U12_22, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
        }
        if (t.ijw()) c.person(Measures.SPECIALISTISCH, g, null, hv, List.of(TOTAAL), List.of(TOTAAL));
      }
      if (jb && met) c.person(Measures.JB_MET_VERBLIJF, g, Dims.U0_17, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
    }
  }

  /** (2) Trajectories running, started, ended; durations; return to care. */
  private void trajectories(Ctx c, Period per, List<T> ts) {
    for (T t : ts) {
      List<String> hv = List.of(t.hulpvorm, TOTAAL);
      if (per.overlaps(t.start, t.end)) for (String g : t.gemeentenIn(per)) c.unit(Measures.LOPEND, g, hv, List.of(TOTAAL));
      if (per.contains(t.start)) {
        String g = t.gemeenteOn(t.start);
        c.unit(Measures.GESTART, g, hv, List.of(TOTAAL));
        c.unit(t.src.getHerhaaldBeroep() ? Measures.GESTART_HERHAALD : Measures.GESTART_NIEUW, g, hv, List.of(TOTAAL));
        c.unit(t.src.getCrisis() ? Measures.GESTART_CRISIS : Measures.GESTART_ZONDER_CRISIS, g, hv, List.of(TOTAAL));
      }
      if (t.end != null && per.contains(t.end)) {
        String g = t.gemeenteOn(t.end);
        long duur = Dates.days(t.start, t.end) + 1;
        c.days(Measures.BEEINDIGD, g, hv, duur);
        c.unit(redenMeasure(t.src.getRedenBeeindigingCbs()), g, hv, List.of(TOTAAL));
        if (returnsWithin12Months(t, ts)) c.unit(Measures.BEEINDIGD_TERUGKEER, g, hv, List.of(TOTAAL));
      }
    }
  }

  static String redenMeasure(String cbs) {
    if (cbs == null) return Measures.BEEINDIGD_REDEN_ONBEKEND;
    return switch (cbs.trim()) {
      case "01" -> Measures.BEEINDIGD_VOLGENS_PLAN;
      case "02", "03", "04", "05" -> Measures.BEEINDIGD_VOORTIJDIG;
      default -> Measures.BEEINDIGD_REDEN_ONBEKEND;
    };
  }

  /** Another trajectory of the person starts after the end of t (at least one day later) and at most 12 months after it. */
  private static boolean returnsWithin12Months(T t, List<T> ts) {
    LocalDate limit = t.end.plusMonths(12);
    for (T o : ts) {
      if (o == t) continue;
      if (o.start.isAfter(t.end) && !o.start.isAfter(limit)) return true;
    }
    return false;
  }

  /** (3) Specialist trajectories started, by verwijzer; and whether local-team support started before. */
  private void specialistStarts(Ctx c, Period per, List<T> ts) {
    for (T t : ts) {
      if (!t.specialist() || !per.contains(t.start)) continue;
      List<String> vw = List.of(Dims.verwijzer(t.src.getVerwijzerCode()), TOTAAL);
      c.unit(Measures.SPEC_GESTART, t.gemeenteOn(t.start), List.of(TOTAAL), vw);
      boolean lokaalBefore = false;
      for (T l : ts) if (l.lokaal() && l.start.isBefore(t.start)) lokaalBefore = true;
      if (lokaalBefore) c.unit(Measures.SPEC_GESTART_NA_LOKAAL, t.gemeenteOn(t.start), List.of(TOTAAL), vw);
    }
  }

  /** (4) Net declared amounts; a cost line belongs to the period of its periodeBegin. */
  private void costs(Ctx c, Period per, List<CostLine> kosten, String pseudonym) {
    if (kosten == null) return;
    for (CostLine k : kosten) {
      LocalDate begin;
      try {
        begin = Dates.parse(k.getPeriodeBegin());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cost line of person " + DeadLetters.mask(pseudonym) + ": periodeBegin " + e.getMessage(), e);
      }
      boolean in = per.isHalfYear() ? Period.halfYearOf(begin).equals(per) : begin.getYear() == per.year();
      if (!in) continue;
      c.cents(k.getGemeenteCode(), List.of(k.getHulpvorm(), TOTAAL), List.of(k.getProductCategorie(), TOTAAL), k.getNettoCenten());
    }
  }

  /** (5) Prevention flow, peildatum snapshots and the data-quality flag. */
  private void prevention(Ctx c, Period per, List<T> ts) {
    // local-team support started in the period: earliest start per gemeente
    Map<String, LocalDate> firstStart = new TreeMap<>();
    for (T l : ts) {
      if (l.lokaal() && per.contains(l.start)) firstStart.merge(l.gemeenteOn(l.start), l.start, (a, b) -> a.isBefore(b) ? a : b);
    }
    for (Map.Entry<String, LocalDate> e : firstStart.entrySet()) {
      String g = e.getKey();
      LocalDate start = e.getValue();
      c.person(Measures.LOKAAL_GESTART, g, null, List.of(TOTAAL), List.of(TOTAAL), List.of(TOTAAL));
      for (T s : ts) {
        if (!s.specialist() || s.start.isBefore(start)) continue;
        List<String> hv = List.of(s.hulpvorm, TOTAAL);
        if (!s.start.isAfter(start.plusMonths(6))) c.person(Measures.LOKAAL_SPEC_6M, g, null, hv, List.of(TOTAAL), List.of(TOTAAL));
        if (!s.start.isAfter(start.plusMonths(12))) c.person(Measures.LOKAAL_SPEC_12M, g, null, hv, List.of(TOTAAL), List.of(TOTAAL));
      }
    }
    if (!per.isHalfYear()) return; // snapshots belong to the half-year of their date
    for (String mmdd : Measures.PEILDATA) {
      LocalDate d = LocalDate.of(per.year(), Integer.parseInt(mmdd.substring(0, 2)), Integer.parseInt(mmdd.substring(2)));
      if (!per.contains(d)) continue;
      boolean specialistRunning = false;
      for (T s : ts) if (s.specialist() && s.runningOn(d)) specialistRunning = true;
      for (T l : ts) {
        if (!l.lokaal() || !l.runningOn(d)) continue;
        c.unit(Measures.peilOpen(mmdd), l.gemeenteOn(d), List.of(TOTAAL), List.of(TOTAAL));
        if (specialistRunning) c.unit(Measures.peilMetSpecialist(mmdd), l.gemeenteOn(d), List.of(TOTAAL), List.of(TOTAAL));
      }
    }
    LocalDate end = per.end();
    LocalDate yearBefore = end.minusYears(1);
    for (T l : ts) {
      if (!l.lokaal() || !l.runningOn(end)) continue;
      c.unit(Measures.DQ_OPEN, l.gemeenteOn(end), List.of(TOTAAL), List.of(TOTAAL));
      if (l.end == null && l.start.isBefore(yearBefore)) c.unit(Measures.DQ_OPEN_1JAAR, l.gemeenteOn(end), List.of(TOTAAL), List.of(TOTAAL));
    }
  }

  /** (6) Waiting times of trajectories started in the period (negative waits are registration errors and left out). */
  private void waiting(Ctx c, Period per, List<T> ts) {
    for (T t : ts) {
      if (!per.contains(t.start)) continue;
      if (t.lokaal() && t.aanmeld != null) {
        long d = Dates.days(t.aanmeld, t.start);
        if (d >= 0) c.days(Measures.WACHT_AANMELDING, t.gemeenteOn(t.start), List.of(TOTAAL), d);
      }
      if (t.ijw() && t.toewijzing != null) {
        // the municipality's decision (first Toewijzingsdatum) to the actual start, not Ingangsdatum to start
        long d = Dates.days(t.toewijzing, t.start);
        if (d >= 0) c.days(Measures.WACHT_TOEWIJZING, t.gemeenteOn(t.start), List.of(t.hulpvorm, TOTAAL), d);
      }
    }
  }

  private static List<T> parse(PersonHistory p) {
    List<T> out = new ArrayList<>();
    for (Trajectory t : p.getTrajecten()) {
      try {
        LocalDate start = Dates.parse(t.getStartdatum());
        List<Wissel> wissels = new ArrayList<>();
        for (GemeenteWissel w : t.getGemeenteWissels()) wissels.add(new Wissel(Dates.parse(w.getVanaf()), w.getGemeenteCode()));
        out.add(new T(t, t.getBron(), t.getZorgsoort(), t.getHulpvorm(), t.getGemeenteCode(), start,
            Dates.parseOptional(t.getEinddatum()), Dates.parseOptional(t.getAanmelddatum()),
            Dates.parseOptional(t.getToewijzingsdatum()), wissels));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("trajectory of person " + DeadLetters.mask(p.getPseudonym()) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The per-person cell map, with the expansion to areas, age keys and sexes of one period. */
  private static final class Cells {
    final Map<CellKey, Acc> map = new LinkedHashMap<>();

    Acc at(CellKey k) {
      return map.computeIfAbsent(k, x -> new Acc());
    }
  }

  private final class Ctx {
    final Cells cells;
    final String periode;
    final Integer age;
    final List<String> sexes;

    Ctx(Cells cells, String periode, Integer age, String sex) {
      this.cells = cells;
      this.periode = periode;
      this.age = age;
      this.sexes = List.of(sex, TOTAAL);
    }

    private List<String> ages(String universe) {
      List<String> keys = Dims.ageKeys(age, universe != null);
      if (universe != null) keys.removeIf(a -> (a.equals(Dims.U0_17) || a.equals(Dims.U12_22)) && !a.equals(universe));
      return keys;
    }

    private List<CellKey> keys(String measure, String gemeente, String universe, List<String> hv, List<String> vw, List<String> pc) {
      List<CellKey> out = new ArrayList<>();
      for (String area : gemeenten.areasOf(gemeente))
        for (String a : ages(universe))
          for (String s : sexes)
            for (String h : hv)
              for (String v : vw)
                for (String p : pc) out.add(new CellKey(measure, periode, area, a, s, h, v, p));
      return out;
    }

    /** A person measure: the person counts once per cell. */
    void person(String measure, String gemeente, String universe, List<String> hv, List<String> vw, List<String> pc) {
      for (CellKey k : keys(measure, gemeente, universe, hv, vw, pc)) cells.at(k).setCount(1);
    }

    /** A person measure carrying a per-person value (number of different hulpvormen). */
    void personSum(String measure, String gemeente, String universe, String hv, long value) {
      for (CellKey k : keys(measure, gemeente, universe, List.of(hv), List.of(TOTAAL), List.of(TOTAAL))) {
        Acc a = cells.at(k);
        a.setCount(1);
        a.setSum(value);
      }
    }

    /** A unit measure: one more trajectory (or case). */
    void unit(String measure, String gemeente, List<String> hv, List<String> vw) {
      for (CellKey k : keys(measure, gemeente, null, hv, vw, List.of(TOTAAL))) cells.at(k).addCount(1);
    }

    /** A unit with a day value (duration, waiting time). */
    void days(String measure, String gemeente, List<String> hv, long days) {
      for (CellKey k : keys(measure, gemeente, null, hv, List.of(TOTAAL), List.of(TOTAAL))) cells.at(k).addDays(days);
    }

    /** Costs: the person counts once as client, the amount adds. */
    void cents(String gemeente, List<String> hv, List<String> pc, long cents) {
      for (CellKey k : keys(Measures.KOSTEN, gemeente, null, hv, List.of(TOTAAL), pc)) {
        Acc a = cells.at(k);
        a.setCount(1);
        a.addSum(cents);
      }
    }
  }
}
