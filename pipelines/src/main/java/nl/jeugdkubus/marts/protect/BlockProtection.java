package nl.jeugdkubus.marts.protect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.Dims;
import nl.jeugdkubus.marts.GemeenteInfo;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.Indicators;
import nl.jeugdkubus.marts.PublishedValues;
import nl.jeugdkubus.model.CubeRow;

/**
 * Disclosure control of one independent block of published rows: one year (its half-years and the year) of
 * one region (its gemeenten and the region), every published table (docs/disclosure.md). No relation an
 * outsider knows crosses a block: a year relates only to its own half-years, a region only to its own
 * gemeenten. Pure, no Beam.
 *
 * <ol>
 *   <li>Every row points at its count cells (the teller's, the noemer's; {@link Indicators}); a count that
 *       is in several rows or tables is one cell.</li>
 *   <li>Primary: a cell with count 1..suppressUpTo.</li>
 *   <li>Secondary: for every primary a {@link Witness}; its cells are suppressed.</li>
 *   <li>A row is suppressed when a cell it points at is; the others are published by {@link PublishedValues}
 *       (verschil rows from our own published value).</li>
 * </ol>
 */
public final class BlockProtection implements Serializable {
  private final Facts facts;
  private final int roundTo;
  private final int suppressUpTo;
  private final boolean secondary;
  /**
   * Whether the closure and the propagation audit may suppress a top-level row (every dimension totaal) when
   * nothing else is left (--protectTopLevel, RunConfiguration): off by default (the top-level rows stay
   * published, some leaks stay); on: fewer leaks, fewer top-level rows published (docs/disclosure.md).
   */
  private final boolean topLevel;

  /** What happened in a block (for counters and the figures). */
  public static final class Stats implements Serializable {
    public int cells;
    public int primary;
    public int secondary;
    public int unprotected;
    /** Suppressed cells the suppressor's own propagation audit still pins or narrows (should be 0). */
    public int exposed;
    /**
     * Why each top-level cell (every dimension totaal) of the block that is not a primary was suppressed: which
     * primary's witness or which pass chose it ("cell name = count" -> reason; docs/disclosure.md lists them).
     */
    public final Map<String, String> topLevel = new java.util.TreeMap<>();
  }

  /** With top-level rows never chosen by the closure and the propagation audit (the default of --protectTopLevel). */
  public BlockProtection(IndicatorCatalogue cat, int roundTo, int suppressUpTo, boolean secondary) {
    this(cat, roundTo, suppressUpTo, secondary, false);
  }

  public BlockProtection(IndicatorCatalogue cat, int roundTo, int suppressUpTo, boolean secondary, boolean topLevel) {
    if (roundTo < 1) throw new IllegalArgumentException("roundTo must be at least 1");
    if (suppressUpTo < 0) throw new IllegalArgumentException("suppressUpTo must not be negative");
    this.facts = new Facts(cat);
    this.roundTo = roundTo;
    this.suppressUpTo = suppressUpTo;
    this.secondary = secondary;
    this.topLevel = topLevel;
  }

  private final Stats last = new Stats();

  public Stats stats() {
    return last;
  }

  /** The cell key of a row's reference: measure, periode, area and dimensions (universe and overrides applied). */
  static String[] cellKey(CubeRow r, Indicators.Indicator ind, Indicators.Ref ref) {
    String[] d = new String[CellModel.FIELDS];
    d[CellModel.MEASURE] = ref.measure();
    d[CellModel.PERIODE] = r.getPeriode();
    d[CellModel.AREA] = r.getGemeenteCode();
    String age = r.getLeeftijdsklasse();
    d[CellModel.AGE] = age.equals(Dims.TOTAAL) && ind.universe() != null ? ind.universe() : age;
    d[CellModel.SEX] = r.getGeslacht();
    d[CellModel.HV] = r.getHulpvorm();
    d[CellModel.VW] = r.getVerwijzer();
    d[CellModel.PC] = r.getProductcategorie();
    for (Map.Entry<String, String> o : ref.overrides().entrySet()) {
      switch (o.getKey()) {
        case "hulpvorm" -> d[CellModel.HV] = o.getValue();
        case "verwijzer" -> d[CellModel.VW] = o.getValue();
        case "productcategorie" -> d[CellModel.PC] = o.getValue();
        default -> throw new IllegalArgumentException("cannot override " + o.getKey());
      }
    }
    return d;
  }

  /** Protects the published rows of one block. */
  public List<CubeRow> protect(Collection<CubeRow> rows) {
    Map<String, String> regionOf = new HashMap<>();
    for (CubeRow r : rows) {
      if (!GemeenteInfo.isRegion(r.getGemeenteCode()) && !Dims.ONBEKEND.equals(r.getRegio())) {
        regionOf.put(r.getGemeenteCode(), GemeenteInfo.regionCode(r.getRegio()));
      }
    }
    // values of the cells first (a cell referenced without a value gets it from another row). Sorted by the
    // cell key: the cell numbers, and so every tie the witness search breaks by them, do not depend on the
    // order in which the rows arrive (Beam gives a block's rows in no fixed order)
    Map<String, Long> values = new java.util.TreeMap<>();
    List<List<String[]>> refs = new ArrayList<>(rows.size());
    for (CubeRow r : rows) {
      Indicators.Indicator ind = Indicators.get(r.getIndicator());
      List<String[]> keys = new ArrayList<>();
      for (Indicators.Ref ref : ind.refs()) {
        String[] k = cellKey(r, ind, ref);
        keys.add(k);
        Double v = switch (ref.src()) {
          case TELLER -> r.getTeller();
          case NOEMER -> r.getNoemer();
          case NONE -> null;
        };
        if (v != null) {
          long lv = Math.round(v);
          Long old = values.put(String.join("|", k), lv);
          if (old != null && old != lv) {
            throw new IllegalStateException("cell " + String.join("|", k) + " has two values: " + old + " and " + lv);
          }
        }
      }
      refs.add(keys);
    }
    CellModel m = new CellModel(facts, regionOf);
    for (Map.Entry<String, Long> e : values.entrySet()) m.cell(e.getKey().split("\\|", -1), e.getValue());
    m.build();
    boolean[] suppressed = suppression(m);
    // rows: a row is suppressed when a cell it points at is; then the published count of every cell that a
    // published row shows (PublishedCounts: the year of a flow is the sum of its published half-years)
    List<CubeRow> list = new ArrayList<>(rows);
    boolean[] hidden = new boolean[list.size()];
    boolean[] shown = new boolean[m.size()];
    for (int i = 0; i < list.size(); i++) {
      CubeRow r = list.get(i);
      if (isVerschil(r)) continue;
      int[] cells = cells(m, refs.get(i));
      for (int c : cells) hidden[i] |= c < 0 || suppressed[c];
      if (hidden[i]) continue;
      List<Indicators.Ref> ind = Indicators.get(r.getIndicator()).refs();
      for (int j = 0; j < cells.length; j++) if (ind.get(j).src() != Indicators.Src.NONE) shown[cells[j]] = true;
    }
    long[] published = PublishedCounts.of(m, roundTo, shown);
    List<CubeRow> out = new ArrayList<>(rows.size());
    Map<String, Double> ownPublished = new HashMap<>();
    List<CubeRow> verschil = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      CubeRow r = list.get(i);
      if (isVerschil(r)) {
        verschil.add(r);
        continue;
      }
      CubeRow p = hidden[i] ? PublishedValues.suppressed(r) : publish(r, cells(m, refs.get(i)), published);
      out.add(p);
      if (!p.getOnderdrukt()) ownPublished.put(p.getIndicator() + "|" + p.getPeriode() + "|" + p.getGemeenteCode() + "|" + dims(p), p.getWaarde());
    }
    Map<String, Double> theirs = new HashMap<>();
    for (CubeRow r : rows) {
      String code = r.getIndicator();
      if (Indicators.entry(code).soort().startsWith("cbs_")) theirs.put(code + "|" + r.getPeriode() + "|" + r.getGemeenteCode() + "|" + dims(r), r.getWaarde());
    }
    for (CubeRow r : verschil) {
      IndicatorCatalogue.Entry e = Indicators.entry(r.getIndicator());
      String base = e.maat();
      String suffix = e.soort().substring("verschil_".length()); // cbs, nl, refgroep
      Double ours = ownPublished.get(base + "|" + r.getPeriode() + "|" + r.getGemeenteCode() + "|" + dims(r));
      Double their = theirs.get(base + "_" + suffix + "|" + r.getPeriode() + "|" + r.getGemeenteCode() + "|" + dims(r));
      Double d = PublishedValues.difference(ours, their);
      out.add(d == null ? PublishedValues.suppressed(r) : CubeRow.newBuilder(r).setWaarde(d).setOnderdrukt(false).build());
    }
    return out;
  }

  /**
   * Which cells of the block to suppress. With the LP audit on, two strategies are run and the better kept (fewer
   * top-level cells of 10 or more suppressed, then fewer suppressed cells): witnesses as found, and witnesses that
   * would suppress a published top-level cell left to the deep complements and the audit. Neither is better on
   * every block (docs/disclosure.md "Two strategies"); both end with the same LP audit, so either is safe. The
   * second runs only where the first loses a top-level cell of 10 or more.
   */
  private boolean[] suppression(CellModel m) {
    boolean[] plain = suppression(m, false);
    if (!(LP && secondary && SPARE_TOP) || lostTopLevel(m, plain) == 0) return plain;
    Stats first = copy(last);
    boolean[] spared = suppression(m, true);
    if (compare(m, spared, plain) < 0) return spared;
    restore(first);
    return plain;
  }

  /** Negative when a is better than b: fewer top-level cells of 10 or more suppressed, then fewer suppressed. */
  private static int compare(CellModel m, boolean[] a, boolean[] b) {
    int byTop = Integer.compare(lostTopLevel(m, a), lostTopLevel(m, b));
    return byTop != 0 ? byTop : Integer.compare(count(a), count(b));
  }

  private static int lostTopLevel(CellModel m, boolean[] suppressed) {
    int n = 0;
    for (int c = 0; c < suppressed.length; c++) if (suppressed[c] && m.topLevel(c) && m.value(c) >= 10) n++;
    return n;
  }

  private static int count(boolean[] suppressed) {
    int n = 0;
    for (boolean x : suppressed) if (x) n++;
    return n;
  }

  private static Stats copy(Stats s) {
    Stats c = new Stats();
    c.cells = s.cells;
    c.primary = s.primary;
    c.secondary = s.secondary;
    c.unprotected = s.unprotected;
    c.exposed = s.exposed;
    c.topLevel.putAll(s.topLevel);
    return c;
  }

  private void restore(Stats s) {
    last.cells = s.cells;
    last.primary = s.primary;
    last.secondary = s.secondary;
    last.unprotected = s.unprotected;
    last.exposed = s.exposed;
    last.topLevel.clear();
    last.topLevel.putAll(s.topLevel);
  }

  private boolean[] suppression(CellModel m, boolean spareTop) {
    boolean[] suppressed = new boolean[m.size()];
    List<Integer> primaries = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) {
      if (m.value(i) >= 1 && m.value(i) <= suppressUpTo) {
        suppressed[i] = true;
        primaries.add(i);
      }
    }
    last.cells = m.size();
    last.primary = primaries.size();
    last.secondary = 0;
    last.unprotected = 0;
    last.topLevel.clear();
    // cells a witness changes: the published figures are consistent with two values of each, so no attacker pins
    // one, and a primary among them can be 8 or more (the LP audit need not program them)
    boolean[] witnessed = new boolean[m.size()];
    if (secondary) {
      Audit audit = new Audit(m, roundTo, suppressUpTo);
      Witness w = new Witness(m, suppressUpTo, audit);
      // the smallest first: they need the largest change
      primaries.sort((a, b) -> Long.compare(m.value(a), m.value(b)) != 0 ? Long.compare(m.value(a), m.value(b))
          : m.name(a).compareTo(m.name(b)));
      for (int p : primaries) {
        Witness.Found found = w.find(p, suppressed);
        Witness.Found f = found != null && spareTop && raisesTopLevel(m, found, suppressed) ? null : found;
        if (f == null) {
          if (!(AUDIT && complements(m, audit, p, suppressed)) && !oneComplementPerRelation(m, p, suppressed)) {
            last.unprotected++;
          }
          continue;
        }
        f.change().forEach((c, d) -> witnessed[c] |= d != 0);
        for (int c : f.suppress()) {
          if (!suppressed[c]) {
            suppressed[c] = true;
            last.secondary++;
            note(m, c, () -> "witness of the primary " + m.name(p) + " (" + m.value(p) + "), " + f.suppress().size() + " cells");
          }
        }
      }
    }
    last.exposed = 0;
    if (secondary && CLOSE) {
      Audit rounding = new Audit(m, roundTo, suppressUpTo);
      last.secondary += close(m, rounding, suppressed);
      last.secondary += audited(m, rounding, suppressed);
      last.secondary += lpAudited(m, rounding, suppressed, witnessed);
    }
    return suppressed;
  }

  static final boolean SPARE_TOP = !"false".equals(System.getProperty("jeugdkubus.protect.spareTop"));

  /**
   * Whether a witness would suppress a top-level cell that is still published. With the LP audit on, such a
   * primary is better left to one complement per relation (deep cells only) and the audit, which picks inner
   * complements first: a witness is the cheapest single change, not the cheapest set of suppressions.
   */
  private static boolean raisesTopLevel(CellModel m, Witness.Found f, boolean[] suppressed) {
    for (int c : f.suppress()) if (!suppressed[c] && m.topLevel(c)) return true;
    return false;
  }

  /** Records why a top-level cell was suppressed (Stats#topLevel). */
  private void note(CellModel m, int c, java.util.function.Supplier<String> why) {
    if (m.topLevel(c)) last.topLevel.putIfAbsent(m.name(c) + " = " + m.value(c), why.get());
  }

  /** The cells of a row's references, in the order of its indicator's refs (-1: not a cell of the model). */
  private static int[] cells(CellModel m, List<String[]> keys) {
    int[] out = new int[keys.size()];
    for (int j = 0; j < out.length; j++) {
      Integer c = m.index.get(String.join("|", keys.get(j)));
      out[j] = c == null ? -1 : c;
    }
    return out;
  }

  /** A published row with the published counts of its teller's and noemer's cells ({@link PublishedCounts}). */
  private CubeRow publish(CubeRow r, int[] cells, long[] published) {
    Double t = PublishedValues.count(r.getTeller(), roundTo);
    Double n = PublishedValues.count(r.getNoemer(), roundTo);
    List<Indicators.Ref> ind = Indicators.get(r.getIndicator()).refs();
    for (int j = 0; j < cells.length; j++) {
      switch (ind.get(j).src()) {
        case TELLER -> t = r.getTeller() == null ? null : (double) published[cells[j]];
        case NOEMER -> n = r.getNoemer() == null ? null : (double) published[cells[j]];
        case NONE -> { }
      }
    }
    return PublishedValues.publish(r, t, n);
  }

  /**
   * The LP audit as a fallback: sound but slow with commons-math's dense simplex; off unless asked for. A
   * measurement switch for developers (-Djeugdkubus.protect.audit=true), not a run option: no run that publishes
   * should set it (the manifest does not record it).
   */
  static final boolean AUDIT = Boolean.getBoolean("jeugdkubus.protect.audit");

  static final int MAX_COMPLEMENTS = 4;
  static final int CANDIDATES = 3;

  /**
   * Where no witness exists: suppress published cells next to p one at a time (each time the candidate that
   * lets p grow most, deep in the breakdowns first) until the audit lets p reach suppressUpTo + 1.
   */
  private boolean complements(CellModel m, Audit audit, int p, boolean[] suppressed) {
    double need = suppressUpTo + 1 - 1e-6;
    for (int round = 0; round <= MAX_COMPLEMENTS; round++) {
      double now = audit.max(p, suppressed);
      if (now >= need) return true;
      if (round == MAX_COMPLEMENTS) break;
      List<Integer> cands = candidates(m, audit.component(p, suppressed), suppressed);
      int best = -1;
      double bestMax = now;
      for (int i = 0; i < Math.min(CANDIDATES, cands.size()); i++) {
        int c = cands.get(i);
        suppressed[c] = true;
        double x = audit.max(p, suppressed);
        suppressed[c] = false;
        if (best < 0 || x > bestMax) {
          best = c;
          bestMax = x;
        }
        if (x >= need) break;
      }
      if (best < 0) return false;
      suppressed[best] = true;
      last.secondary++;
    }
    return false;
  }

  /**
   * The last resort (no witness, no audit): in every relation of p, the largest published cell that is not a
   * top-level cell is suppressed too (the classic one complement per line). Not proven safe: counted as
   * unprotected (returns false) so the figures show it.
   */
  private boolean oneComplementPerRelation(CellModel m, int p, boolean[] suppressed) {
    for (CellModel.Relation r : m.relationsOf(p)) {
      int best = -1;
      List<Integer> members = new ArrayList<>();
      members.add(r.total());
      for (int q : r.parts()) members.add(q);
      boolean hasOther = false;
      for (int q : members) if (q != p && suppressed[q]) hasOther = true;
      if (hasOther) continue;
      for (int q : members) {
        if (q == p || suppressed[q] || m.topLevel(q)) continue;
        if (best < 0 || m.value(q) > m.value(best)) best = q;
      }
      if (best >= 0) {
        suppressed[best] = true;
        last.secondary++;
      }
    }
    return false;
  }

  /**
   * The closure of the last resort (on unless -Djeugdkubus.protect.close=false). A measurement switch for
   * developers, to measure the protection without it, not a run option: no run that publishes should set it.
   */
  static final boolean CLOSE = !"false".equals(System.getProperty("jeugdkubus.protect.close"));

  /**
   * The closure of the last resort: two rules for every exact sum, applied until both hold everywhere.
   * <ol>
   *   <li>No exact sum holds exactly one suppressed cell: such a cell is its relation's total minus (or its
   *       part plus) published counts, known to within the rounding, and the attacker carries it on to the
   *       next relation (the region, the year, another measure).</li>
   *   <li>Where the total is published and several of its parts are suppressed, each suppressed part is at
   *       most the total's rounding maximum minus the published parts' rounding minima minus what the other
   *       suppressed parts are known to be at least ({@link #atLeast}: 1, or a published cell they contain).
   *       For a primary that bound must reach suppressUpTo + 1, or it is narrowed into 1..suppressUpTo (five
   *       small hulpvormen under a published total and two large published parts, one of them suppressed but
   *       bounded from below by the young people it contains).</li>
   * </ol>
   * The cell suppressed to repair a sum is the published member that makes the fewest new single
   * suppressions, then the largest; a part before the total, never a top-level cell unless {@link #topLevel}.
   * These are the classic conditions of secondary suppression: they defeat an attacker that solves one
   * relation at a time, not one that combines relations (those leaks stay in the figures). Deterministic:
   * relations in model order, ties by cell number (cells are numbered by their key). Returns the number of
   * cells it suppressed.
   */
  int close(CellModel m, Audit audit, boolean[] suppressed) {
    int added = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (CellModel.Relation r : m.relations) {
        if (r.kind() != CellModel.Kind.SUM) continue;
        int k = suppressedIn(r, suppressed);
        if (k == 0) continue;
        boolean partsOnly;
        if (k == 1) {
          partsOnly = false;
        } else if (!suppressed[r.total()]) {
          // the room the suppressed parts leave each other: total at most, published parts at least, the
          // suppressed parts at least what the attacker can bound them by from below
          long room = audit.rounded(m.value(r.total()))[1];
          for (int q : r.parts()) room -= suppressed[q] ? atLeast(m, audit, q, suppressed) : audit.rounded(m.value(q))[0];
          boolean narrowed = false;
          for (int q : r.parts()) {
            if (suppressed[q] && m.value(q) <= suppressUpTo && room + atLeast(m, audit, q, suppressed) <= suppressUpTo) narrowed = true;
          }
          if (!narrowed) continue;
          partsOnly = true;
        } else {
          continue;
        }
        int best = repair(m, r, suppressed, partsOnly);
        if (best < 0 && partsOnly) best = suppressed[r.total()] || (m.topLevel(r.total()) && !topLevel) ? -1 : r.total();
        if (best < 0) continue; // the sum has one member only (a total without parts)
        suppressed[best] = true;
        final int b = best;
        note(m, b, () -> "closure rule " + (k == 1 ? 1 : 2) + " on the sum of " + m.name(r.total()));
        added++;
        changed = true;
      }
    }
    return added;
  }

  static final int AUDIT_ROUNDS = 60;

  /**
   * The propagation audit ({@link Propagation}): while an outsider reasoning relation by relation can pin a
   * suppressed cell or narrow a primary into 1..suppressUpTo, the published member of the relation that
   * bounds it most tightly is suppressed too; once none is, while a published rounded count is pinned to one value,
   * one pinned cell (inside the breakdowns where one is) is suppressed per round (the largest, never a top-level cell unless {@link #topLevel};
   * where every member is suppressed, the member that carries the bound is opened instead, up to three steps
   * away), then the closure rules again. What is still exposed after that is counted in {@link Stats#exposed}.
   */
  int audited(CellModel m, Audit rounding, boolean[] suppressed) {
    int added = 0;
    for (int round = 0; round < AUDIT_ROUNDS; round++) {
      Propagation pr = new Propagation(m, rounding, suppressed);
      List<Integer> open = pr.exposed(suppressed, suppressUpTo);
      List<Integer> pinned = new Propagation(m, rounding, suppressed, true).pinnedPublished(rounding, suppressed);
      last.exposed = open.size() + pinned.size();
      if (open.isEmpty() && pinned.isEmpty()) break;
      int before = added;
      // a rounded count pinned through the relations: in each chain of pinned cells (pinned cells linked by shared
      // relations) suppress one pinned cell inside the breakdowns (that widens an interval the chain was built from)
      // or, where only top-level cells are pinned, the published member that bounds the first most tightly; then the
      // closure and the audit again
      for (List<Integer> chain : chains(m, pinned)) {
        int q = -1;
        for (int c : chain) {
          if (!m.topLevel(c) || topLevel) {
            q = c;
            break;
          }
        }
        int first = chain.get(0);
        if (q < 0) q = opening(m, pr, first, suppressed, 3, topLevel);
        if (q >= 0 && !suppressed[q]) {
          suppressed[q] = true;
          note(m, q, () -> "propagation audit, a rounded count pinned exactly (" + m.name(first) + ")");
          added++;
        }
      }
      for (int c : open) {
        int q = opening(m, pr, c, suppressed, 3, topLevel);
        if (q >= 0 && !suppressed[q]) {
          suppressed[q] = true;
          note(m, q, () -> "propagation audit, to open " + m.name(c));
          added++;
        }
      }
      if (added == before) break;
      added += close(m, rounding, suppressed);
      if (round == AUDIT_ROUNDS - 1) {
        Propagation end = new Propagation(m, rounding, suppressed);
        last.exposed = end.exposed(suppressed, suppressUpTo).size()
            + new Propagation(m, rounding, suppressed, true).pinnedPublished(rounding, suppressed).size();
      }
    }
    return added;
  }

  /** The pinned cells grouped into chains: cells of one chain are linked through relations whose members are pinned. */
  private static List<List<Integer>> chains(CellModel m, List<Integer> pinned) {
    java.util.Set<Integer> left = new java.util.TreeSet<>(pinned);
    List<List<Integer>> out = new ArrayList<>();
    while (!left.isEmpty()) {
      int start = left.iterator().next();
      left.remove(start);
      List<Integer> chain = new ArrayList<>(List.of(start));
      for (int k = 0; k < chain.size(); k++) {
        for (CellModel.Relation r : m.relationsOf(chain.get(k))) {
          for (int x : members(r)) {
            if (left.remove(x)) chain.add(x);
          }
        }
      }
      java.util.Collections.sort(chain);
      out.add(chain);
    }
    return out;
  }

  static final int LP_ROUNDS = 30;

  /**
   * The last audit ({@link LpAudit}: propagation and linear programs over the relations around each bounded
   * suppressed cell, an outsider's strongest tool): while it pins a suppressed cell or narrows a primary into
   * 1..suppressUpTo, a published cell near it that opens it is suppressed too: inside the breakdowns if one does,
   * a top-level row only when nothing else does (a leak is worse than a lost total; counted in
   * {@link Stats#topLevel}); then the closure rules again. What is still exposed is counted in {@link Stats#exposed}.
   */
  int lpAudited(CellModel m, Audit rounding, boolean[] suppressed, boolean[] witnessed) {
    if (!LP) return 0;
    int added = audited(new LpAudit(m, rounding, suppressUpTo, witnessed), m, rounding, suppressed);
    if (DEEP) added += audited(LpAudit.deep(m, rounding, suppressUpTo, witnessed), m, rounding, suppressed);
    return added;
  }

  /**
   * The deep audit after the standard one, on by default; -Djeugdkubus.protect.lpDeep=false turns it off (a
   * measurement switch for developers, docs/disclosure.md "National scale").
   */
  static final boolean DEEP = !"false".equals(System.getProperty("jeugdkubus.protect.lpDeep"));

  /** One audit loop of {@link #lpAudited} with the programs of {@code lp}. */
  private int audited(LpAudit lp, CellModel m, Audit rounding, boolean[] suppressed) {
    int added = 0;
    java.util.Collection<Integer> only = null; // the first round programs every bounded suppressed cell
    for (int round = 0; round < LP_ROUNDS; round++) {
      long t0 = System.nanoTime();
      Propagation pr = new Propagation(m, rounding, suppressed);
      int byPropagation = DEBUG ? pr.exposed(suppressed, suppressUpTo).size() : 0;
      List<Integer> open = lp.exposed(pr, suppressed, only);
      long t1 = System.nanoTime();
      last.exposed = open.size();
      if (DEBUG) System.err.printf("LPAUDIT round %d: programmed %s, exposed %d (by propagation alone %d) in %d ms%n", round,
          only == null ? "all" : String.valueOf(only.size()), open.size(), byPropagation, (t1 - t0) / 1000000);
      if (open.isEmpty()) break;
      boolean[] before = suppressed.clone();
      for (int c : open) {
        // inside the breakdowns first: a cell that opens c, else the one that loosens its tightest bound; then a
        // top-level cell that opens it (only top-level candidates: the inner ones were tried)
        int q = lp.complement(c, suppressed, x -> topLevel || !m.topLevel(x));
        if (q < 0 && !topLevel) q = opening(m, pr, c, suppressed, 3, false);
        if (q < 0 && !topLevel) {
          q = lp.complement(c, suppressed, m::topLevel);
          if (DEBUG && q >= 0) System.err.printf("LPAUDIT top-level %s = %d for %s = %d in [%d, %d]%n", m.name(q), m.value(q), m.name(c), m.value(c), pr.lo[c], pr.hi[c]);
        }
        if (q < 0) q = opening(m, pr, c, suppressed, 3, true);
        if (q < 0) {
          // nothing found opens c on its own: every published member of its relations goes, the inner ones if any
          // (rare; always progress)
          if (DEBUG) System.err.printf("LPAUDIT every member around %s = %d in [%d, %d]%n", m.name(c), m.value(c), pr.lo[c], pr.hi[c]);
          List<Integer> around = new ArrayList<>();
          for (CellModel.Relation r : m.relationsOf(c)) for (int x : members(r)) if (!suppressed[x]) around.add(x);
          boolean inner = around.stream().anyMatch(x -> !m.topLevel(x));
          for (int x : around) {
            if (!suppressed[x] && (!inner || !m.topLevel(x))) {
              suppressed[x] = true;
              note(m, x, () -> "LP audit, every member around " + m.name(c));
              added++;
            }
          }
          continue;
        }
        if (q < 0) {
          // nothing found opens c on its own: every published member of its relations goes (rare; always progress)
          if (DEBUG) System.err.printf("LPAUDIT every member around %s = %d in [%d, %d]%n", m.name(c), m.value(c), pr.lo[c], pr.hi[c]);
          for (CellModel.Relation r : m.relationsOf(c)) {
            for (int x : members(r)) {
              if (!suppressed[x]) {
                suppressed[x] = true;
                note(m, x, () -> "LP audit, every member around " + m.name(c));
                added++;
              }
            }
          }
          continue;
        }
        if (DEBUG && (q < 0 || suppressed[q])) {
          System.err.printf("LPAUDIT stuck %s = %d in [%d, %d] q=%d%n", m.name(c), m.value(c), pr.lo[c], pr.hi[c], q);
          for (CellModel.Relation r : m.relationsOf(c)) {
            StringBuilder b = new StringBuilder("LPAUDIT   rel " + r.kind() + " axis " + r.axis() + ": ");
            for (int x : members(r)) b.append(m.name(x)).append('=').append(m.value(x)).append(suppressed[x] ? "S" : "").append('[').append(pr.lo[x]).append(',').append(pr.hi[x]).append("] ");
            System.err.println(b);
          }
        }
        if (q >= 0 && !suppressed[q]) {
          suppressed[q] = true;
          note(m, q, () -> "LP audit, to open " + m.name(c));
          added++;
        }
      }
      int fresh = added;
      added += close(m, rounding, suppressed);
      if (DEBUG) System.err.printf("LPAUDIT   complements %d, closure %d (top-level so far %d) in %d ms%n", fresh, added - fresh,
          last.topLevel.size(), (System.nanoTime() - t1) / 1000000);
      // the next round: the exposed cells, the newly suppressed cells and their neighbourhoods
      java.util.Set<Integer> next = new java.util.TreeSet<>(open);
      for (int c = 0; c < m.size(); c++) if (suppressed[c] && !before[c]) next.add(c);
      if (next.size() == open.size() && java.util.Arrays.equals(before, suppressed)) break; // nothing changed
      java.util.Set<Integer> around = new java.util.TreeSet<>();
      for (int c : next) around.addAll(lp.neighbourhood(c));
      only = around;
    }
    return added;
  }

  /**
   * The LP audit, on by default. -Djeugdkubus.protect.lp=false turns it off: a measurement switch for developers
   * (docs/disclosure.md "The LP audit, measured": what the attacker recovers without it), not a run option (the
   * manifest does not record it; no run that publishes should set it).
   */
  static final boolean LP = !"false".equals(System.getProperty("jeugdkubus.protect.lp"));

  static final boolean DEBUG = Boolean.getBoolean("lp.debug");

  /** The published cell whose suppression loosens the tightest upper bound on c, or -1. */
  private int opening(CellModel m, Propagation pr, int c, boolean[] suppressed, int depth, boolean allowTop) {
    CellModel.Relation bind = null;
    long best = Long.MAX_VALUE;
    for (CellModel.Relation r : m.relationsOf(c)) {
      long u = pr.upperFrom(r, c);
      if (u < best) {
        best = u;
        bind = r;
      }
    }
    if (bind == null) return -1;
    int q = -1;
    for (int x : members(bind)) {
      if (x == c || suppressed[x] || (m.topLevel(x) && !allowTop)) continue; // never a top-level row (by default)
      if (q < 0 || (m.topLevel(q) && !m.topLevel(x)) || (m.topLevel(q) == m.topLevel(x) && m.value(x) > m.value(q))) q = x;
    }
    if (q >= 0 || depth == 0) return q;
    // every member is suppressed: the bound comes from another member's interval, open that one
    int next = bind.total();
    if (c == bind.total()) {
      next = -1;
      for (int x : bind.parts()) if (next < 0 || pr.hi[x] < pr.hi[next]) next = x;
    }
    return next < 0 || next == c ? -1 : opening(m, pr, next, suppressed, depth - 1, allowTop);
  }

  /**
   * What an attacker knows a suppressed cell is at least, from one relation: 1 (a suppressed row), or the
   * rounding minimum of a published cell it contains (a part of a cover, the subset of an inclusion: young
   * people with care are at most the trajectories running in the cell).
   */
  private static long atLeast(CellModel m, Audit audit, int q, boolean[] suppressed) {
    long lo = 1;
    for (CellModel.Relation o : m.relationsOf(q)) {
      if (o.total() != q || o.kind() == CellModel.Kind.COVERSUM) continue;
      for (int part : o.parts()) if (!suppressed[part]) lo = Math.max(lo, audit.rounded(m.value(part))[0]);
    }
    return lo;
  }

  /** The published member of r to suppress (parts only, or any): fewest new single suppressions, then largest. */
  private int repair(CellModel m, CellModel.Relation r, boolean[] suppressed, boolean partsOnly) {
    int best = -1;
    long bestNew = Long.MAX_VALUE;
    for (int q : members(r)) {
      if (suppressed[q] || (partsOnly && q == r.total())) continue;
      long fresh = 0;
      for (CellModel.Relation o : m.relationsOf(q)) {
        if (o != r && o.kind() == CellModel.Kind.SUM && suppressedIn(o, suppressed) == 0) fresh++;
      }
      if (m.topLevel(q)) {
        if (!topLevel) continue; // a top-level row is never a complement of the closure
        fresh += 1_000_000;
      }
      if (best < 0 || fresh < bestNew || (fresh == bestNew && m.value(q) > m.value(best))) {
        best = q;
        bestNew = fresh;
      }
    }
    return best;
  }

  private static int suppressedIn(CellModel.Relation r, boolean[] suppressed) {
    int n = suppressed[r.total()] ? 1 : 0;
    for (int q : r.parts()) if (suppressed[q]) n++;
    return n;
  }

  private static int[] members(CellModel.Relation r) {
    int[] out = new int[r.parts().length + 1];
    out[0] = r.total();
    System.arraycopy(r.parts(), 0, out, 1, r.parts().length);
    return out;
  }

  /** Published cells in the relations of the component, best first: inner, gemeente, half-year, large. */
  private static List<Integer> candidates(CellModel m, List<Integer> component, boolean[] suppressed) {
    java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
    for (int v : component) {
      for (CellModel.Relation r : m.relationsOf(v)) {
        if (!suppressed[r.total()]) out.add(r.total());
        for (int q : r.parts()) if (!suppressed[q]) out.add(q);
      }
    }
    List<Integer> l = new ArrayList<>(out);
    l.sort(java.util.Comparator.comparingDouble((Integer c) -> m.price(c)).thenComparing(c -> -m.value(c)));
    return l;
  }


  static boolean isVerschil(CubeRow r) {
    return Indicators.entry(r.getIndicator()).soort().startsWith("verschil_");
  }

  /** The dimension values of a row: a difference row is matched with our row and the CBS row at the same values. */
  static String dims(CubeRow r) {
    return r.getLeeftijdsklasse() + "|" + r.getGeslacht() + "|" + r.getHulpvorm() + "|" + r.getVerwijzer() + "|" + r.getProductcategorie();
  }
}
