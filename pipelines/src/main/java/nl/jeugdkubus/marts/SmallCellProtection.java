package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CubeRow;

/**
 * Disclosure control of the cube (pure, no Beam). docs/cube.md "Disclosure control".
 *
 * <p>The unit of protection is a <em>count cell</em>: a number of young people or trajectories of a
 * measure family ({@link Measures}) at one combination of dimension values. Rows point at count cells
 * through the indicator registry ({@link Indicators}): the count row, the percentage and the rate per
 * 1,000 of the same young people share one cell; a share points at its teller's and its noemer's cell;
 * a mean, median or amount points at the cell counting its units or clients. A row is suppressed when
 * any cell it points at is suppressed.
 *
 * <ol>
 *   <li>Primary: a cell with a count from 1 to {@code suppressUpTo} is suppressed.</li>
 *   <li>Secondary: cells form additive groups (a total and its parts) along every dimension:
 *       leeftijdsklasse (totaal = 0-3 + 4-11 + 12-17 + 18-22 + onbekend; the 0-17 and 12-22 universes of rates),
 *       geslacht, hulpvorm, verwijzer, productcategorie (totaal and its values), gemeente (a region and its
 *       gemeenten), periode (a year and its half-years) and the family's kenmerk relations (e.g.
 *       started = new + repeat). Where the parts do not cover the total, the difference is an unpublished
 *       remainder cell, itself sensitive when it is 1 to {@code suppressUpTo}. Cells are additionally
 *       suppressed until no group has exactly one unknown cell that needs protection; then an attack
 *       that repeatedly solves any group with one unknown ("total minus the published parts") is
 *       simulated and every recovery of a protected value is blocked by suppressing one more cell.
 *       Groups of people along hulpvorm, productcategorie, gemeente and half-years need not add up (a
 *       young person can be in several parts, and then the difference is not the part); such a group is
 *       protected where its total equals the sum of its parts, i.e. where the subtraction does work.</li>
 *   <li>Rounding: the counts of published rows (aantal rows, and teller / noemer where they are counts) are
 *       rounded to a multiple of {@code roundTo}; values (percentages, means, ...) stay as computed from the
 *       unrounded counts.</li>
 * </ol>
 *
 * <p>Rows of CBS figures (_cbs, _nl, _refgroep) are public and never suppressed. Index rows depend on a
 * base period in another partition: {@link #suppressIndexRows} finishes them.
 */
public final class SmallCellProtection implements Serializable {
  private static final int F = 0;
  private static final int KENMERK = 1;
  private static final int PERIODE = 2;
  private static final int AREA = 3;
  private static final int AGE = 4;
  private static final int SEX = 5;
  private static final int HV = 6;
  private static final int VW = 7;
  private static final int PC = 8;
  private static final int DIMS = 9;

  private static final List<String> AGE_CLASSES = List.of(Dims.A0_3, Dims.A4_11, Dims.A12_17, Dims.A18_22, Dims.ONBEKEND);

  private final int roundTo;
  private final int suppressUpTo;
  /** Tests can switch secondary suppression off to show that the attack test detects its absence. */
  private final boolean secondary;

  public SmallCellProtection(int roundTo, int suppressUpTo) {
    this(roundTo, suppressUpTo, true);
  }

  SmallCellProtection(int roundTo, int suppressUpTo, boolean secondary) {
    if (roundTo < 1) throw new IllegalArgumentException("roundTo must be at least 1");
    if (suppressUpTo < 0) throw new IllegalArgumentException("suppressUpTo must not be negative");
    this.roundTo = roundTo;
    this.suppressUpTo = suppressUpTo;
    this.secondary = secondary;
  }

  /** One count cell. */
  private static final class Cell {
    final String key;
    final String[] dims;
    Long value;
    boolean published;
    boolean virtual;
    boolean hidden;
    /** Known to an attacker: published and not hidden, or recovered. */
    boolean known;
    List<Cell> recoveredBy;

    Cell(String key, String[] dims) {
      this.key = key;
      this.dims = dims;
    }

    boolean sensitive(int upTo) {
      return value != null && value >= 1 && value <= upTo;
    }
  }

  /** A total and its parts (the total first) along one dimension. */
  private record Group(Cell parent, List<Cell> members, int dim, boolean exact, Relation relation) {}

  /** Protects the rows of one partition (all periods of one year and all areas of one region, or more). */
  public List<CubeRow> protect(Collection<CubeRow> rows) {
    regionOfArea.clear();
    for (CubeRow r : rows) {
      if (!GemeenteInfo.isRegion(r.getGemeenteCode())) regionOfArea.put(r.getGemeenteCode(), r.getRegio());
    }
    Map<String, Cell> cells = new LinkedHashMap<>();
    List<List<Cell>> rowCells = new ArrayList<>(rows.size());
    for (CubeRow r : rows) {
      Indicators.Indicator ind = Indicators.get(r.getIndicator());
      List<Cell> refs = new ArrayList<>();
      for (Indicators.Ref ref : ind.refs()) {
        String[] dims = dims(r, ind, ref);
        String key = String.join("|", dims);
        Cell c = cells.computeIfAbsent(key, k -> new Cell(k, dims));
        c.published = true;
        Double v = switch (ref.src()) {
          case TELLER -> r.getTeller();
          case NOEMER -> r.getNoemer();
          case NONE -> null;
        };
        if (v != null) {
          long lv = Math.round(v);
          if (c.value != null && c.value != lv) {
            throw new IllegalStateException("cell " + key + " has two values: " + c.value + " and " + lv + " (row " + r.getIndicator() + ")");
          }
          c.value = lv;
        }
        refs.add(c);
      }
      rowCells.add(refs);
    }
    // a cell only referenced without a value is unknown: protect it conservatively
    for (Cell c : cells.values()) if (c.value == null) c.hidden = true;
    for (Cell c : cells.values()) if (c.sensitive(suppressUpTo)) c.hidden = true;

    if (secondary) {
      List<Group> groups = groups(cells);
      while (true) {
        localPass(groups);
        if (!attackPass(groups, cells.values())) break;
      }
    }

    List<CubeRow> out = new ArrayList<>(rows.size());
    int i = 0;
    for (CubeRow r : rows) {
      List<Cell> refs = rowCells.get(i++);
      boolean hide = false;
      for (Cell c : refs) hide |= c.hidden;
      out.add(hide ? suppressed(r) : rounded(r, Indicators.get(r.getIndicator())));
    }
    return out;
  }

  /** The count-cell key of a row's reference: family, kenmerk, periode, area and the dimensions (universe and overrides applied). */
  private static String[] dims(CubeRow r, Indicators.Indicator ind, Indicators.Ref ref) {
    String[] d = new String[DIMS];
    d[F] = Measures.family(ref.measure());
    d[KENMERK] = Measures.kenmerk(ref.measure());
    d[PERIODE] = r.getPeriode();
    d[AREA] = r.getGemeenteCode();
    String age = r.getLeeftijdsklasse();
    d[AGE] = age.equals(Dims.TOTAAL) && ind.universe() != null ? ind.universe() : age;
    d[SEX] = r.getGeslacht();
    d[HV] = r.getHulpvorm();
    d[VW] = r.getVerwijzer();
    d[PC] = r.getProductcategorie();
    for (Map.Entry<String, String> o : ref.overrides().entrySet()) {
      switch (o.getKey()) {
        case "hulpvorm" -> d[HV] = o.getValue();
        case "verwijzer" -> d[VW] = o.getValue();
        case "productcategorie" -> d[PC] = o.getValue();
        default -> throw new IllegalArgumentException("cannot override " + o.getKey());
      }
    }
    return d;
  }

  // ---------------------------------------------------------------------------------------------
  // groups

  /** All additive groups: first those of the published cells, then those their remainders form along the other dimensions. */
  private List<Group> groups(Map<String, Cell> cells) {
    Map<String, Cell> virtuals = new LinkedHashMap<>();
    List<Group> out = new ArrayList<>();
    for (int d = KENMERK; d < DIMS; d++) {
      for (Group g : groupsAlong(cells.values(), d)) {
        Cell rest = remainder(g, virtuals);
        if (rest == null) {
          out.add(g);
        } else {
          List<Cell> m = new ArrayList<>(g.members());
          m.add(rest);
          out.add(new Group(g.parent(), m, g.dim(), g.exact(), g.relation()));
        }
      }
    }
    if (!virtuals.isEmpty()) {
      Map<String, Cell> all = new LinkedHashMap<>(cells);
      all.putAll(virtuals);
      for (int d = KENMERK; d < DIMS; d++) {
        for (Group g : groupsAlong(all.values(), d)) {
          boolean involvesVirtual = false;
          for (Cell c : g.members()) involvesVirtual |= c.virtual;
          if (involvesVirtual) out.add(g);
        }
      }
    }
    return out;
  }

  /** Groups along one dimension: cells equal in every other dimension, by the hierarchy of that dimension. */
  private List<Group> groupsAlong(Collection<Cell> cells, int d) {
    Map<String, Map<String, Cell>> buckets = new TreeMap<>();
    for (Cell c : cells) {
      String[] k = c.dims.clone();
      k[d] = "*";
      buckets.computeIfAbsent(String.join("|", k), x -> new TreeMap<>()).put(c.dims[d], c);
    }
    List<Group> out = new ArrayList<>();
    for (Map<String, Cell> b : buckets.values()) {
      if (b.size() < 2) continue;
      Cell any = b.values().iterator().next();
      Measures.Family fam = Measures.familyDef(any.dims[F]);
      for (Relation rel : relations(d, fam, b)) {
        if (!rel.exact() && rel.children().isEmpty()) continue;
        Cell parent = b.get(rel.parent());
        if (parent == null) continue;
        List<Cell> members = new ArrayList<>();
        members.add(parent);
        for (String ch : rel.children()) {
          Cell c = b.get(ch);
          if (c != null) members.add(c);
        }
        // a total without any part present is still an exact group: its remainder is all of it
        if (members.size() < 2 && !rel.exact()) continue;
        // people along hulpvorm, productcategorie, gemeente or half-year: a young person can be in several
        // parts, and then "total minus the other parts" is not the part. Such a group is protected only
        // where it happens to add up (the total equals the sum of its parts).
        if (!rel.exact() && !addsUp(members)) continue;
        out.add(new Group(parent, members, d, rel.exact(), rel));
      }
    }
    return out;
  }

  /** True when the first cell (the total) equals the sum of the others, or when a value is unknown (conservative). */
  private static boolean addsUp(List<Cell> members) {
    Long total = members.get(0).value;
    if (total == null) return true;
    long sum = 0;
    for (int i = 1; i < members.size(); i++) {
      Long v = members.get(i).value;
      if (v == null) return true;
      sum += v;
    }
    return sum == total;
  }

  /** A hierarchy of one dimension: a total value and its part values. */
  private record Relation(String parent, List<String> children, boolean exact) {}

  private List<Relation> relations(int d, Measures.Family fam, Map<String, Cell> bucket) {
    List<Relation> rels = new ArrayList<>();
    boolean unitsExact = !fam.persons();
    switch (d) {
      case KENMERK -> {
        for (Measures.Relation r : fam.relations()) rels.add(new Relation(r.parent(), r.children(), r.exact()));
      }
      case PERIODE -> {
        for (String v : bucket.keySet()) {
          if (v.contains("H") || v.startsWith("rest(")) continue;
          rels.add(new Relation(v, List.of(v + "H1", v + "H2"), unitsExact && fam.flow()));
        }
      }
      case AREA -> {
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (String v : bucket.keySet()) {
          if (GemeenteInfo.isRegion(v)) continue;
          String reg = regionOfArea.get(v);
          if (reg != null && !reg.equals(Dims.ONBEKEND)) {
            byRegion.computeIfAbsent(GemeenteInfo.regionCode(reg), x -> new ArrayList<>()).add(v);
          }
        }
        for (String v : bucket.keySet()) {
          if (GemeenteInfo.isRegion(v)) rels.add(new Relation(v, byRegion.getOrDefault(v, List.of()), unitsExact));
        }
      }
      case AGE -> {
        rels.add(new Relation(Dims.TOTAAL, AGE_CLASSES, true));
        rels.add(new Relation(Dims.U0_17, List.of(Dims.A0_3, Dims.A4_11, Dims.A12_17), true));
        rels.add(new Relation(Dims.U12_22, List.of(Dims.A12_17, Dims.A18_22), true));
      }
      case SEX -> rels.add(new Relation(Dims.TOTAAL, List.of("M", "V", "O"), true));
      default -> {
        List<String> children = new ArrayList<>();
        for (String v : bucket.keySet()) if (!v.equals(Dims.TOTAAL) && !v.startsWith("rest(")) children.add(v);
        rels.add(new Relation(Dims.TOTAAL, children, unitsExact));
      }
    }
    return rels;
  }

  /** Gemeente -> region name, learned from the rows' regio column. */
  private final Map<String, String> regionOfArea = new HashMap<>();

  /** The unpublished remainder of an exact group (total minus its present parts), or null when there is none. */
  private static Cell remainder(Group g, Map<String, Cell> virtuals) {
    if (!g.exact() || g.parent().value == null) return null;
    long rest = g.parent().value;
    for (Cell c : g.members()) {
      if (c == g.parent()) continue;
      if (c.value == null) return null;
      rest -= c.value;
    }
    if (rest <= 0) return null;
    String[] dims = g.parent().dims.clone();
    // a stable name: the same relation gives the same remainder value name at every other dimension value
    dims[g.dim()] = "rest(" + g.relation().parent() + ":" + String.join(",", g.relation().children()) + ")";
    String key = String.join("|", dims);
    Cell v = virtuals.get(key);
    if (v == null) {
      v = new Cell(key, dims);
      v.virtual = true;
      v.value = rest;
      virtuals.put(key, v);
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // secondary suppression

  private boolean unknown(Cell c) {
    return c.hidden || c.virtual;
  }

  /** Protected: a suppressed published cell, or a sensitive remainder. */
  private boolean protectedCell(Cell c) {
    return c.virtual ? c.sensitive(suppressUpTo) : c.hidden;
  }

  /** Hides cells until no group has exactly one unknown cell that needs protection. */
  private void localPass(List<Group> groups) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Group g : groups) {
        Cell only = null;
        int unknown = 0;
        for (Cell c : g.members()) {
          if (unknown(c)) {
            unknown++;
            only = c;
          }
        }
        if (unknown == 1 && protectedCell(only)) {
          Cell pick = candidate(g);
          if (pick != null) {
            pick.hidden = true;
            changed = true;
          }
        }
      }
    }
  }

  /** The cell to suppress in addition: the smallest published part, else the total. */
  private static Cell candidate(Group g) {
    Cell best = null;
    for (Cell c : g.members()) {
      if (c == g.parent() || c.virtual || c.hidden || c.value == null) continue;
      if (best == null || c.value < best.value || (c.value.equals(best.value) && c.key.compareTo(best.key) < 0)) best = c;
    }
    if (best == null && !g.parent().virtual && !g.parent().hidden) best = g.parent();
    return best;
  }

  /**
   * Simulates the attack: starting from the published cells, any group with one unknown cell reveals
   * it. Returns true after suppressing one more cell when a protected value would be revealed.
   */
  private boolean attackPass(List<Group> groups, Collection<Cell> published) {
    List<Cell> all = new ArrayList<>();
    Set<Cell> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Group g : groups) for (Cell c : g.members()) if (seen.add(c)) all.add(c);
    for (Cell c : published) if (seen.add(c)) all.add(c);
    for (Cell c : all) {
      c.known = !unknown(c);
      c.recoveredBy = null;
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Group g : groups) {
        Cell only = null;
        int unknown = 0;
        for (Cell c : g.members()) {
          if (!c.known) {
            unknown++;
            only = c;
          }
        }
        if (unknown != 1) continue;
        if (protectedCell(only)) {
          if (!block(g, only, new HashSet<>())) {
            throw new IllegalStateException("cannot protect cell " + only.key);
          }
          return true;
        }
        only.known = true;
        only.recoveredBy = g.members();
        progress = true;
      }
    }
    return false;
  }

  /** Suppresses a published cell of the group (or, when all are recovered remainders, of the group that recovered one). */
  private boolean block(Group g, Cell target, Set<String> visiting) {
    Cell pick = null;
    for (Cell c : g.members()) {
      if (c == target || c.virtual || c.hidden || c.value == null) continue;
      if (pick == null || c.value < pick.value) pick = c;
    }
    if (pick != null) {
      pick.hidden = true;
      return true;
    }
    for (Cell c : g.members()) {
      if (c == target || !c.virtual || c.recoveredBy == null || !visiting.add(c.key)) continue;
      Cell parent = c.recoveredBy.get(0);
      if (block(new Group(parent, c.recoveredBy, -1, false, null), c, visiting)) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // output

  private static CubeRow suppressed(CubeRow r) {
    return CubeRow.newBuilder(r).setTeller(null).setNoemer(null).setWaarde(null).setOnderdrukt(true).build();
  }

  private CubeRow rounded(CubeRow r, Indicators.Indicator ind) {
    CubeRow.Builder b = CubeRow.newBuilder(r);
    if (ind.tellerIsCount() && r.getTeller() != null) b.setTeller((double) Rounding.count(Math.round(r.getTeller()), roundTo));
    if (ind.noemerIsCount() && r.getNoemer() != null) b.setNoemer((double) Rounding.count(Math.round(r.getNoemer()), roundTo));
    if (ind.eenheid().equals(Indicators.AANTAL) && ind.tellerIsCount()) b.setWaarde(b.getTeller());
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------
  // index rows

  /**
   * Suppresses index rows whose base value is suppressed or missing: an index and the period's value
   * would reveal the base value. {@code rows} are the protected rows of one area (at least the
   * benchmark indicators' rows at all-'totaal' dimensions and the index rows).
   */
  public static List<CubeRow> suppressIndexRows(Collection<CubeRow> rows, Period indexBase) {
    Map<String, Boolean> baseHidden = new HashMap<>();
    for (CubeRow r : rows) {
      if (r.getIndicator().endsWith("_index") || !Indicators.CBS_MEASURE.containsKey(r.getIndicator())) continue;
      if (!allTotaal(r)) continue;
      baseHidden.put(r.getIndicator() + "|" + r.getPeriode(), r.getOnderdrukt());
    }
    List<CubeRow> out = new ArrayList<>();
    for (CubeRow r : rows) {
      if (!r.getIndicator().endsWith("_index") || r.getOnderdrukt()) {
        out.add(r);
        continue;
      }
      Period p = Period.parse(r.getPeriode());
      Period base = p.isHalfYear() ? (indexBase.isHalfYear() ? indexBase : null) : indexBase.asYear();
      String x = r.getIndicator().substring(0, r.getIndicator().length() - "_index".length());
      Boolean hidden = base == null ? null : baseHidden.get(x + "|" + base);
      out.add(hidden == null || hidden ? suppressed(r) : r);
    }
    return out;
  }

  static boolean allTotaal(CubeRow r) {
    return r.getLeeftijdsklasse().equals(Dims.TOTAAL) && r.getGeslacht().equals(Dims.TOTAAL)
        && r.getHulpvorm().equals(Dims.TOTAAL) && r.getVerwijzer().equals(Dims.TOTAAL)
        && r.getProductcategorie().equals(Dims.TOTAAL);
  }
}
