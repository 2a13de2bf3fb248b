package nl.jeugdkubus.marts.protect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.Dims;
import nl.jeugdkubus.marts.GemeenteInfo;

/**
 * The count cells of one protection block (one year of one region: its gemeenten and the region, the two
 * half-years and the year, every published measure) and every relation between them that an outsider can
 * read in docs/ (docs/disclosure.md "Relations"): sums along each dimension, region and gemeenten, year and
 * half-years, and between measures at the same cell. A relation enters the model only when it holds on the
 * true counts (so a documented relation that happens not to hold is never used to reject a witness). Pure.
 */
public final class CellModel {
  public static final int MEASURE = 0;
  public static final int PERIODE = 1;
  public static final int AREA = 2;
  public static final int AGE = 3;
  public static final int SEX = 4;
  public static final int HV = 5;
  public static final int VW = 6;
  public static final int PC = 7;
  public static final int FIELDS = 8;

  /** Relation kinds. */
  public enum Kind {
    /** total = sum of parts. */
    SUM,
    /** each part <= total <= sum of parts (young people counted once; running units over half-years). */
    COVER,
    /** the part (one) <= total. */
    SUBSET,
    /** total <= sum of parts. */
    COVERSUM
  }

  /** A relation between cells (indices). {@code axis}: the field it runs along (-1 for measures). */
  public record Relation(Kind kind, int total, int[] parts, int axis) {
    public boolean holds(long[] v) {
      long t = v[total];
      long sum = 0;
      long max = Long.MIN_VALUE;
      for (int p : parts) {
        sum += v[p];
        max = Math.max(max, v[p]);
      }
      return switch (kind) {
        case SUM -> t == sum;
        case COVER -> t <= sum && (parts.length == 0 || max <= t);
        case SUBSET -> v[parts[0]] <= t;
        case COVERSUM -> t <= sum;
      };
    }
  }

  static final List<String> AGE_CLASSES = List.of(Dims.A0_3, Dims.A4_11, Dims.A12_17, Dims.A18_22, Dims.ONBEKEND);
  /**
   * The age totals and their classes, in a fixed order: the relations are built in this order and the closure
   * visits them in model order, so the order is part of the result. Never Map.of here: its iteration order
   * changes from one JVM to the next (a per-JVM salt), and so did the suppression pattern (2 of 7 runs).
   */
  static final Map<String, List<String>> AGE_TOTALS = ageTotals();

  private static Map<String, List<String>> ageTotals() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(Dims.TOTAAL, AGE_CLASSES);
    m.put(Dims.U0_17, List.of(Dims.A0_3, Dims.A4_11, Dims.A12_17));
    m.put(Dims.U12_22, List.of(Dims.A12_17, Dims.A18_22));
    return java.util.Collections.unmodifiableMap(m);
  }

  final Facts facts;
  final List<String[]> keys = new ArrayList<>();
  final Map<String, Integer> index = new HashMap<>();
  long[] value;
  final List<Relation> relations = new ArrayList<>();
  List<List<Relation>> byCell;
  /** gemeente -> region code. */
  final Map<String, String> regionOf;
  /** axis -> bucket key -> value -> cell. */
  final List<Map<String, Map<String, Integer>>> buckets = new ArrayList<>();
  private final List<Long> values = new ArrayList<>();

  public CellModel(Facts facts, Map<String, String> regionOf) {
    this.facts = facts;
    this.regionOf = regionOf;
  }

  /** Adds a cell (or returns the existing one). */
  public int cell(String[] key, long v) {
    String k = String.join("|", key);
    Integer i = index.get(k);
    if (i != null) {
      if (values.get(i) != v) throw new IllegalStateException("cell " + k + " has two values: " + values.get(i) + " and " + v);
      return i;
    }
    index.put(k, keys.size());
    keys.add(key);
    values.add(v);
    return keys.size() - 1;
  }

  public int size() {
    return keys.size();
  }

  public String[] key(int i) {
    return keys.get(i);
  }

  public long value(int i) {
    return value[i];
  }

  public String name(int i) {
    return String.join(" ", keys.get(i));
  }

  /** Builds the relations once every cell is added. */
  public void build() {
    value = new long[values.size()];
    for (int i = 0; i < value.length; i++) value[i] = values.get(i);
    for (int a = 0; a < FIELDS; a++) {
      Map<String, Map<String, Integer>> m = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String[] k = keys.get(i).clone();
        String v = k[a];
        k[a] = "*";
        m.computeIfAbsent(String.join("|", k), x -> new LinkedHashMap<>()).put(v, i);
      }
      buckets.add(m);
    }
    for (int a = PERIODE; a < FIELDS; a++) {
      for (Map<String, Integer> b : buckets.get(a).values()) {
        if (b.size() < 2) continue;
        String measure = keys.get(b.values().iterator().next())[MEASURE];
        for (LineRelation lr : lineRelations(a, measure, b.keySet())) add(lr, b, a);
      }
    }
    for (Map<String, Integer> b : buckets.get(MEASURE).values()) {
      if (b.size() < 2) continue;
      for (LineRelation lr : measureRelations(b.keySet())) add(lr, b, -1);
    }
    byCell = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) byCell.add(new ArrayList<>(4));
    for (Relation r : relations) {
      byCell.get(r.total()).add(r);
      for (int p : r.parts()) byCell.get(p).add(r);
    }
  }

  private void add(LineRelation lr, Map<String, Integer> b, int axis) {
    Integer t = b.get(lr.total());
    if (t == null) return;
    List<Integer> ps = new ArrayList<>();
    for (String p : lr.parts()) {
      Integer c = b.get(p);
      if (c != null && !c.equals(t)) ps.add(c);
    }
    if (ps.isEmpty() && lr.kind() != Kind.SUM) return;
    Relation r = new Relation(lr.kind(), t, ps.stream().mapToInt(Integer::intValue).toArray(), axis);
    if (r.holds(value)) relations.add(r);
  }

  /** A relation between the values of one line (a total value and its part values). */
  record LineRelation(Kind kind, String total, List<String> parts) {}

  /** The relations of a line along axis a of one measure, given the values present. */
  List<LineRelation> lineRelations(int a, String measure, java.util.Collection<String> present) {
    List<LineRelation> out = new ArrayList<>();
    boolean persons = facts.persons(measure);
    switch (a) {
      case AGE -> AGE_TOTALS.forEach((t, p) -> out.add(new LineRelation(Kind.SUM, t, p)));
      case SEX -> out.add(new LineRelation(Kind.SUM, Dims.TOTAAL, List.of("M", "V", "O")));
      case HV, VW, PC -> {
        List<String> parts = new ArrayList<>();
        for (String v : present) if (!v.equals(Dims.TOTAAL)) parts.add(v);
        out.add(new LineRelation(persons ? Kind.COVER : Kind.SUM, Dims.TOTAAL, parts));
      }
      case AREA -> {
        if (!facts.union(measure)) break;
        Map<String, List<String>> byRegion = new HashMap<>();
        for (String v : present) {
          String r = regionOf.get(v);
          if (r != null && !GemeenteInfo.isRegion(v)) byRegion.computeIfAbsent(r, x -> new ArrayList<>()).add(v);
        }
        for (String v : present) {
          if (GemeenteInfo.isRegion(v)) out.add(new LineRelation(persons ? Kind.COVER : Kind.SUM, v, byRegion.getOrDefault(v, List.of())));
        }
      }
      case PERIODE -> {
        Facts.Year y = facts.year(measure);
        if (y == Facts.Year.NONE) break;
        for (String v : present) {
          if (v.contains("H")) continue;
          out.add(new LineRelation(y == Facts.Year.SUM && !persons ? Kind.SUM : Kind.COVER, v, List.of(v + "H1", v + "H2")));
        }
      }
      default -> throw new IllegalArgumentException("axis " + a);
    }
    return out;
  }

  /** The relations between measures at one cell. */
  List<LineRelation> measureRelations(java.util.Collection<String> present) {
    List<LineRelation> out = new ArrayList<>();
    for (Facts.MeasureRelation r : facts.relations()) {
      if (!present.contains(r.total())) continue;
      Kind k = r.exact() ? Kind.SUM : r.cover() ? Kind.COVERSUM : Kind.SUBSET;
      out.add(new LineRelation(k, r.total(), r.parts()));
    }
    return out;
  }

  /** The exact (SUM) relations of the model along the line of cell i on axis a (MEASURE: between measures). */
  List<Relation> exactLine(int i, int a) {
    Map<String, Integer> b = bucket(i, a);
    int ax = a == MEASURE ? -1 : a;
    java.util.Set<Relation> out = new java.util.LinkedHashSet<>();
    for (int c : b.values()) for (Relation r : byCell.get(c)) if (r.kind() == Kind.SUM && r.axis() == ax) out.add(r);
    return new ArrayList<>(out);
  }

  /** value -> cell of the line of cell i along axis a. */
  Map<String, Integer> bucket(int i, int a) {
    String[] k = keys.get(i).clone();
    k[a] = "*";
    return buckets.get(a).get(String.join("|", k));
  }

  /** The cell with field a of cell i replaced by v, or -1. */
  int neighbour(int i, int a, String v) {
    String[] k = keys.get(i).clone();
    k[a] = v;
    Integer j = index.get(String.join("|", k));
    return j == null ? -1 : j;
  }

  /** Every dimension totaal (the top-level row of an area and period). */
  boolean topLevel(int i) {
    String[] k = keys.get(i);
    for (int a = AGE; a < FIELDS; a++) {
      if (!(k[a].equals(Dims.TOTAAL) || (a == AGE && AGE_TOTALS.containsKey(k[a])))) return false;
    }
    return true;
  }

  /**
   * What suppressing cell i costs beyond the cell itself, the one price list of every complement choice: a top-level
   * cell most (1000), a region cell more than a gemeente (3), a year more than a half-year (1).
   */
  double price(int i) {
    double x = 0;
    if (topLevel(i)) {
      x += 1000;
      // a total of measures (trajecten gestart = crisis + zonder crisis) is read more than its parts
      for (Relation r : relationsOf(i)) if (r.kind() == Kind.SUM && r.axis() == -1 && r.total() == i) x += 1;
    }
    if (GemeenteInfo.isRegion(keys.get(i)[AREA])) x += 3;
    if (!keys.get(i)[PERIODE].contains("H")) x += 1;
    return x;
  }

  List<Relation> relationsOf(int i) {
    return byCell.get(i);
  }

  private int[][] relationIds;

  /** The positions in {@link #relations} of the relations of cell i (built once, after {@link #build()}). */
  int[] relationIdsOf(int i) {
    if (relationIds == null) {
      List<List<Integer>> ids = new ArrayList<>(keys.size());
      for (int c = 0; c < keys.size(); c++) ids.add(new ArrayList<>(4));
      for (int r = 0; r < relations.size(); r++) {
        Relation rel = relations.get(r);
        ids.get(rel.total()).add(r);
        for (int p : rel.parts()) ids.get(p).add(r);
      }
      int[][] a = new int[keys.size()][];
      for (int c = 0; c < a.length; c++) a[c] = ids.get(c).stream().mapToInt(Integer::intValue).toArray();
      relationIds = a;
    }
    return relationIds[i];
  }
}
