package nl.jeugdkubus.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.jeugdkubus.attack.Knowledge.Kind;
import nl.jeugdkubus.attack.Knowledge.Spec;

/**
 * Turns the published rows into the attacker's unknowns and constraints: one unknown per count (or euro
 * amount) of one measure at one cell (period, area, five dimensions), whatever rows and tables it appears
 * in; the published numbers of every row; and every relation an outsider can read in the docs (sums
 * along each dimension, region and gemeenten, year and half-years, related measures).
 */
final class AttackModel {
  static final int MEASURE = 0;
  static final int PERIODE = 1;
  static final int AREA = 2;
  static final int FIRST_DIM = 3;
  static final int FIELDS = 8;

  /** A protected count: a suppressed cell, or a count only published rounded. */
  record Target(int var, Row row, boolean suppressed) {}

  final Bounds bounds = new Bounds();
  final PublishedOutput.Parameters parameters;
  private final Map<Integer, Target> targets = new LinkedHashMap<>();
  private final Map<Integer, Boolean> publishedRounded = new HashMap<>();
  private final Map<String, String> regionOf;
  private final Set<String> amounts = Set.of("kosten_netto", "lasten_jeugd");

  private AttackModel(PublishedOutput.Parameters parameters, Map<String, String> regionOf) {
    this.parameters = parameters;
    this.regionOf = regionOf;
  }

  /**
   * @param regionOf gemeente code -> region area code (REG_...), from the published gemeente dimension
   * @param flowYearsAreSums whether a flow's year with both half-years published is their sum (Knowledge.yearOfAFlow)
   */
  static AttackModel build(List<Row> rows, PublishedOutput.Parameters p, Map<String, String> regionOf,
      boolean flowYearsAreSums) {
    AttackModel m = new AttackModel(p, regionOf);
    m.derived.addAll(derivedFromPublished(rows));
    if (flowYearsAreSums) m.shown.addAll(shownCounts(rows));
    for (Row r : rows) m.addRow(r);
    m.addRelations();
    return m;
  }

  List<Target> targets() {
    List<Target> out = new ArrayList<>();
    for (Target t : targets.values()) out.add(new Target(t.var, t.row, !publishedRounded.getOrDefault(t.var, false)));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Unknowns
  // ---------------------------------------------------------------------------------------------

  static String key(String measure, Row r, String leeftijd, String verwijzer) {
    return String.join(" ", measure, r.periode(), r.gemeente(), leeftijd, r.geslacht(), r.hulpvorm(), verwijzer,
        r.productcategorie());
  }

  private int unknown(String name) {
    String measure = name.substring(0, name.indexOf(' '));
    return amounts.contains(measure) ? bounds.amount(name) : bounds.count(name);
  }

  private void target(int v, Row r, boolean published) {
    Target t = targets.get(v);
    // describe a target by its own count row where there is one
    if (t == null || ("aantal".equals(r.eenheid()) && !"aantal".equals(t.row.eenheid()))) {
      targets.put(v, new Target(v, r, false));
    }
    if (published) publishedRounded.put(v, true);
  }

  // ---------------------------------------------------------------------------------------------
  // What each row says
  // ---------------------------------------------------------------------------------------------

  /** Indicators whose waarde is computed from the published (rounded) teller and noemer: no information. */
  private final Set<String> derived = new java.util.HashSet<>();

  /**
   * The indicators whose every published waarde equals the figure computed from the row's own published
   * teller and noemer. docs/cube.md (the old cube) computes waarde from the unrounded counts, where that
   * happens only by chance; a protection that derives waarde from what is published makes it true for every
   * row, and then waarde says nothing more than teller and noemer.
   */
  static Set<String> derivedFromPublished(List<Row> rows) {
    Map<String, int[]> seen = new HashMap<>(); // indicator -> {rows checked, rows that match}
    for (Row r : rows) {
      if (r.onderdrukt() || r.teller() == null || r.noemer() == null || r.waarde() == null) continue;
      Spec s = Knowledge.spec(r.indicator(), r.eenheid());
      boolean match;
      if (s.kind() == Kind.RATE || s.kind() == Kind.SHARE) {
        match = Tuples.roundsTo(s.factor() * Math.round(r.teller()), Math.round(r.noemer()), r.waarde(), s.decimals())
            && Math.abs(Tuples.rounded(s.factor() * r.teller() / r.noemer(), s.decimals()) - r.waarde()) < 1e-9;
      } else if (s.kind() == Kind.PER_UNIT) {
        match = Math.abs(Tuples.rounded(r.teller() / r.noemer(), 0) - r.waarde()) < 1e-9;
      } else {
        continue;
      }
      int[] c = seen.computeIfAbsent(r.indicator(), k -> new int[2]);
      c[0]++;
      if (match) c[1]++;
    }
    Set<String> out = new java.util.HashSet<>();
    seen.forEach((k, c) -> {
      if (c[0] > 0 && c[0] == c[1]) out.add(k);
    });
    return out;
  }

  /** The counts some published row shows (its teller or noemer published), by unknown name. */
  private final Set<String> shown = new java.util.HashSet<>();

  static Set<String> shownCounts(List<Row> rows) {
    Set<String> out = new java.util.HashSet<>();
    for (Row r : rows) {
      if (r.onderdrukt()) continue;
      Spec s = Knowledge.spec(r.indicator(), r.eenheid());
      String[] n = names(r);
      boolean tellerIsCount = s.kind() == Kind.COUNT || s.kind() == Kind.RATE || s.kind() == Kind.SHARE;
      boolean noemerIsCount = s.kind() == Kind.SHARE || s.kind() == Kind.MEAN || s.kind() == Kind.MEDIAN
          || s.kind() == Kind.PER_UNIT;
      if (tellerIsCount && n[0] != null && r.teller() != null) out.add(n[0]);
      if (noemerIsCount && n[1] != null && r.noemer() != null) out.add(n[1]);
    }
    return out;
  }

  /**
   * Knowledge.yearOfAFlow: the year count of a flow whose two half-years are both published is published as the
   * sum of their published counts, not as a rounding of its own count; it says nothing beyond the half-years.
   */
  private boolean sumOfPublishedHalves(String name) {
    String[] f = name.split(" ");
    if (!f[PERIODE].matches("\\d{4}") || !Knowledge.yearOfAFlow(f[MEASURE])) return false;
    return shown.contains(with(f, PERIODE, f[PERIODE] + "H1")) && shown.contains(with(f, PERIODE, f[PERIODE] + "H2"));
  }

  /** The unknowns behind a row's teller and noemer (null where public or absent). */
  static String[] names(Row r) {
    Spec s = Knowledge.spec(r.indicator(), r.eenheid());
    String age = Row.TOTAAL.equals(r.leeftijd()) ? Knowledge.universe(r.indicator()) : r.leeftijd();
    String verw = "specialist_gestart_verwijzer_aandeel".equals(r.indicator()) ? Row.TOTAAL : r.verwijzer();
    String t = s.teller() == null ? null : key(s.teller(), r, age, r.verwijzer());
    String n = s.noemer() == null ? null : noemerKey(s.noemer(), r, age, verw);
    return new String[] {t, n};
  }

  /** The true value of every unknown, from the internal cube (only to check the attacker). */
  static Map<String, Double> truth(List<Row> internal) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : internal) {
      String[] n = names(r);
      Spec s = Knowledge.spec(r.indicator(), r.eenheid());
      if (n[0] != null && r.teller() != null && s.kind() != Kind.OTHER) out.put(n[0], r.teller());
      if (n[1] != null && r.noemer() != null && s.kind() != Kind.OTHER) out.put(n[1], r.noemer());
    }
    return out;
  }

  private void addRow(Row r) {
    Spec s = Knowledge.spec(r.indicator(), r.eenheid());
    boolean pub = !r.onderdrukt();
    String age = Row.TOTAAL.equals(r.leeftijd()) ? Knowledge.universe(r.indicator()) : r.leeftijd();
    String src = r.where();
    String[] names = names(r);
    switch (s.kind()) {
      case COUNT -> {
        int t = unknown(names[0]);
        target(t, r, pub);
        // a row exists only where something was counted (docs/cube.md); suppressed means at least 1
        bounds.add(Linear.within(t, 1, Bounds.INF, "row exists / suppressed, so at least 1: " + src));
        if (pub && r.teller() != null) rounded(t, r.teller(), "published " + src);
      }
      case RATE -> {
        int t = unknown(names[0]);
        target(t, r, pub);
        if (!pub && !allTotaal(r)) bounds.add(Linear.within(t, 1, Bounds.INF, "suppressed, so at least 1: " + src));
        if (pub && r.teller() != null) rounded(t, r.teller(), "published teller of " + src);
        if (pub && r.noemer() != null && r.waarde() != null && !derived.contains(r.indicator())) {
          long pop = Math.round(r.noemer());
          double w = r.waarde();
          int f = s.factor();
          int d = s.decimals();
          bounds.add(new Tuples(new int[] {t}, x -> Tuples.roundsTo(f * x[0], pop, w, d),
              "waarde " + Fmt.num(w) + " = " + f + " * teller / " + pop + " (exact noemer) of " + src));
        }
      }
      case SHARE -> {
        int t = unknown(names[0]);
        int n = unknown(names[1]);
        target(t, r, pub);
        target(n, r, pub);
        bounds.add(Linear.atMost(t, n, "teller is part of noemer: " + src));
        bounds.add(Linear.within(n, 1, Bounds.INF, "a share exists only with a noemer: " + src));
        if (pub) {
          if (r.teller() != null) rounded(t, r.teller(), "published teller of " + src);
          if (r.noemer() != null) rounded(n, r.noemer(), "published noemer of " + src);
          if (r.waarde() != null && !derived.contains(r.indicator())) {
            double w = r.waarde();
            int f = s.factor();
            int d = s.decimals();
            bounds.add(new Tuples(new int[] {t, n}, x -> Tuples.roundsTo(f * x[0], x[1], w, d),
                "waarde " + Fmt.num(w) + " = " + f + " * teller / noemer of " + src));
          }
        }
      }
      case MEAN, MEDIAN -> {
        int n = unknown(names[1]);
        target(n, r, pub);
        bounds.add(Linear.within(n, 1, Bounds.INF, "a mean exists only with a count: " + src));
        if (pub && r.noemer() != null) rounded(n, r.noemer(), "published noemer of " + src);
        if (pub && r.waarde() != null) {
          double w = r.waarde();
          int d = s.decimals();
          if (s.kind() == Kind.MEAN) {
            bounds.add(new Tuples(new int[] {n}, x -> Tuples.meanPossible(x[0], w, d),
                "mean " + Fmt.num(w) + " of integers over n must be some S/n: " + src));
          } else if (Math.abs(w * 2 - Math.rint(w * 2)) < 1e-9 && Math.abs(w - Math.rint(w)) > 0.25) {
            bounds.add(new Tuples(new int[] {n}, x -> x[0] % 2 == 0,
                "median " + Fmt.num(w) + " ends in .5, so an even count: " + src));
          }
        }
      }
      case EURO -> {
        int a = unknown(names[0]);
        if (pub && r.teller() != null) euros(a, r.teller(), "published " + src);
      }
      case PER_UNIT -> {
        int a = unknown(names[0]);
        int n = unknown(names[1]);
        target(n, r, pub);
        if (pub) {
          if (r.teller() != null) euros(a, r.teller(), "published teller of " + src);
          if (r.noemer() != null) rounded(n, r.noemer(), "published noemer of " + src);
          if (r.waarde() != null && !derived.contains(r.indicator())) bounds.add(new PerUnit(a, n, r.waarde(), 0.5, "per-unit waarde of " + src));
        }
      }
      case PER_POPULATION -> {
        int a = unknown(names[0]);
        if (pub && r.teller() != null) euros(a, r.teller(), "published teller of " + src);
        if (pub && r.noemer() != null && r.waarde() != null) {
          double pop = r.noemer();
          bounds.add(Linear.within(a, pop * (r.waarde() - 0.5), pop * (r.waarde() + 0.5),
              "waarde * exact noemer of " + src));
        }
      }
      case OTHER -> { }
    }
  }

  private static boolean allTotaal(Row r) {
    for (int d = 0; d < 5; d++) if (!Row.TOTAAL.equals(r.dim(d))) return false;
    return true;
  }

  /** The noemer's cell: the row's cell, with dimensions the noemer's measure is not broken down by at totaal. */
  private static String noemerKey(String measure, Row r, String age, String verwijzer) {
    String h = "lokaal_gestart".equals(measure) || measure.startsWith("jongeren_jeugd") ? Row.TOTAAL : r.hulpvorm();
    return String.join(" ", measure, r.periode(), r.gemeente(), age, r.geslacht(), h, verwijzer, r.productcategorie());
  }

  /** A count published rounded to a multiple of roundTo; published counts are never 1..suppressUpTo. */
  private void rounded(int v, double published, String why) {
    if (sumOfPublishedHalves(bounds.name(v))) return; // the sum of the half-years' published counts: nothing new
    int step = parameters.roundTo();
    long r = Math.round(published);
    double lo = Math.ceil(r - step / 2.0);
    double hi = Math.ceil(r + step / 2.0) - 1;
    if (step % 2 == 1) {
      lo = r - (step - 1) / 2;
      hi = r + (step - 1) / 2;
    }
    lo = Math.max(lo, 0);
    int small = parameters.suppressUpTo();
    String note = "";
    if (lo >= 1 && lo <= small) {
      lo = small + 1;
      note = ", not 1.." + small;
    } else if (hi <= small && hi >= 1) {
      hi = 0;
      note = ", not 1.." + small;
    }
    if (lo > hi) return; // the published value does not fit the documented rule: use nothing
    bounds.add(Linear.within(v, lo, hi, why + " = " + r + " (rounded to " + step + note + ")"));
  }

  private void euros(int a, double published, String why) {
    bounds.add(Linear.within(a, published - 0.5, published + 0.5, why + " = EUR " + Fmt.num(published)
        + " (whole euros)"));
  }

  // ---------------------------------------------------------------------------------------------
  // Relations between unknowns
  // ---------------------------------------------------------------------------------------------

  /**
   * measure -> the breakdowns it is published in (bit d set: dimension d is not totaal; bit 6: a half-year). An
   * absent row means 0 only where its measure is published in that breakdown and kind of period: a table by
   * hulpvorm says nothing about a cell by hulpvorm x geslacht, a table of years nothing about a half-year.
   */
  private final Map<String, Set<Integer>> signatures = new HashMap<>();

  private static int signature(String[] f) {
    int sig = 0;
    for (int d = 0; d < 5; d++) if (!isTotal(d, f[FIRST_DIM + d])) sig |= 1 << d;
    // an age universe (0-17, 12-22: the 'totaal' row of a rate or share) is not the all-ages 'totaal': a table
    // that publishes a share by geslacht at 0-17 says nothing about the all-ages count by geslacht (tables/,
    // issue 9; the old crossed cube/ had both, so it did not matter there)
    if (!Row.TOTAAL.equals(f[FIRST_DIM]) && Knowledge.AGE_PARTS.containsKey(f[FIRST_DIM])) sig |= 1 << 5;
    // a table published per full year only (conf/tables.csv perioden 'jaar', e.g. trajecten_crisis) says nothing
    // about a half-year: its half-year rows are absent by design, not 0
    if (f[PERIODE].contains("H")) sig |= 1 << 6;
    return sig;
  }

  private boolean publishedLike(String measure, String[] f) {
    Set<Integer> s = signatures.get(measure);
    return s != null && s.contains(signature(f));
  }

  private void addRelations() {
    int n = bounds.size();
    Map<String, Integer> byKey = new HashMap<>();
    List<String[]> fields = new ArrayList<>(n);
    Map<String, List<Set<String>>> values = new HashMap<>(); // measure -> per dim the non-total values
    Map<String, Set<String>> periods = new HashMap<>(); // measure -> periods it has unknowns in
    for (int v = 0; v < n; v++) {
      String[] f = bounds.name(v).split(" ");
      fields.add(f);
      byKey.put(bounds.name(v), v);
      periods.computeIfAbsent(f[MEASURE], k -> new java.util.HashSet<>()).add(f[PERIODE]);
      signatures.computeIfAbsent(f[MEASURE], k -> new java.util.HashSet<>()).add(signature(f));
      List<Set<String>> vals = values.computeIfAbsent(f[MEASURE], k -> {
        List<Set<String>> l = new ArrayList<>();
        for (int i = 0; i < 5; i++) l.add(new TreeSet<>());
        return l;
      });
      for (int d = 0; d < 5; d++) {
        String x = f[FIRST_DIM + d];
        if (!isTotal(d, x)) vals.get(d).add(x);
      }
    }
    Map<String, List<String>> gemeentenOf = new HashMap<>();
    for (Map.Entry<String, String> e : regionOf.entrySet()) {
      gemeentenOf.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    for (int v = 0; v < n; v++) {
      String[] f = fields.get(v);
      String measure = f[MEASURE];
      boolean persons = Knowledge.PERSONS.contains(measure);
      // along each dimension
      for (int d = 0; d < 5; d++) {
        String x = f[FIRST_DIM + d];
        if (!isTotal(d, x)) continue;
        List<String> partValues = d == 0 ? Knowledge.AGE_PARTS.get(x) : new ArrayList<>(values.get(measure).get(d));
        if (partValues == null || values.get(measure).get(d).isEmpty()) continue;
        boolean exact = d <= 1 || !persons;
        String[] part = f.clone();
        part[FIRST_DIM + d] = partValues.get(0);
        if (!publishedLike(measure, part)) continue;
        if (d == 0 && !values.get(measure).get(0).containsAll(partValues)) {
          // an age class this measure is never published in (e.g. 18-22 of a share whose universe is 0-17) is
          // unknown, not 0: only part <= total holds (tables/, issue 9)
          for (String pv : partValues) {
            Integer p = byKey.get(with(f, FIRST_DIM, pv));
            if (p != null && p != v) bounds.add(Linear.atMost(p, v, dimName(d) + ": part <= total"));
          }
          continue;
        }
        group(v, f, FIRST_DIM + d, partValues, exact, byKey, dimName(d));
      }
      // region and its gemeenten
      List<String> gemeenten = gemeentenOf.get(f[AREA]);
      boolean union = !Knowledge.NOT_UNION.contains(measure);
      if (gemeenten != null && union) group(v, f, AREA, gemeenten, !persons, byKey, "region = its gemeenten");
      // year and its half-years
      Set<String> ps = periods.get(measure);
      if (union && f[PERIODE].matches("\\d{4}") && ps.contains(f[PERIODE] + "H1") && ps.contains(f[PERIODE] + "H2")) {
        boolean exact = Knowledge.FLOWS.contains(measure);
        group(v, f, PERIODE, List.of(f[PERIODE] + "H1", f[PERIODE] + "H2"), exact, byKey,
            exact ? "year = H1 + H2 (a flow)" : "year of H1, H2 (counted once)");
      }
    }
    // between measures, at the same cell
    for (int v = 0; v < n; v++) {
      String[] f = fields.get(v);
      for (List<String> rel : Knowledge.EXACT) {
        if (!rel.get(0).equals(f[MEASURE]) || !allPublishedLike(rel.subList(1, rel.size()), f)) continue;
        int[] parts = others(f, rel.subList(1, rel.size()), byKey);
        bounds.add(Linear.sum(v, parts, rel.get(0) + " = " + String.join(" + ", rel.subList(1, rel.size()))));
      }
      for (List<String> rel : Knowledge.SUBSETS) {
        if (!rel.get(0).equals(f[MEASURE])) continue;
        Integer whole = byKey.get(with(f, MEASURE, rel.get(1)));
        if (whole != null) bounds.add(Linear.atMost(v, whole, rel.get(0) + " <= " + rel.get(1)));
      }
      for (List<String> rel : Knowledge.COVERS) {
        if (!rel.get(0).equals(f[MEASURE]) || !allPublishedLike(rel.subList(1, rel.size()), f)) continue;
        int[] parts = others(f, rel.subList(1, rel.size()), byKey);
        bounds.add(Linear.atMostSum(v, parts, rel.get(0) + " <= " + String.join(" + ", rel.subList(1, rel.size()))
            + " (counted once)"));
      }
    }
  }

  private boolean allPublishedLike(List<String> measures, String[] f) {
    for (String m : measures) if (!publishedLike(m, f)) return false;
    return true;
  }

  private static int[] others(String[] f, List<String> measures, Map<String, Integer> byKey) {
    List<Integer> out = new ArrayList<>();
    for (String m : measures) {
      Integer p = byKey.get(with(f, MEASURE, m));
      if (p != null) out.add(p);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void group(int total, String[] f, int field, List<String> partValues, boolean exact,
      Map<String, Integer> byKey, String what) {
    Set<Integer> parts = new LinkedHashSet<>();
    for (String pv : partValues) {
      Integer p = byKey.get(with(f, field, pv));
      if (p != null && p != total) parts.add(p);
    }
    int[] ps = parts.stream().mapToInt(Integer::intValue).toArray();
    String missing = " (absent parts are 0)";
    if (exact) {
      bounds.add(Linear.sum(total, ps, what + missing));
    } else {
      bounds.add(Linear.atMostSum(total, ps, what + ": total <= sum of parts" + missing));
      for (int p : ps) bounds.add(Linear.atMost(p, total, what + ": part <= total"));
    }
  }

  private static String with(String[] f, int field, String value) {
    String[] g = f.clone();
    g[field] = value;
    return String.join(" ", g);
  }

  private static boolean isTotal(int d, String x) {
    return Row.TOTAAL.equals(x) || (d == 0 && Knowledge.AGE_PARTS.containsKey(x));
  }

  private static String dimName(int d) {
    return new String[] {"leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie"}[d]
        + " totaal = sum of its values";
  }
}
