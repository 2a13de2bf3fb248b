package nl.jeugdkubus.marts.protect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppressor's last audit, with an outsider's strongest tool (docs/disclosure.md "How complements are chosen"):
 * where interval propagation ({@link Propagation}) stops with a suppressed cell bounded by at most
 * {@link #BOUNDED} x suppressUpTo, a linear program minimises and maximises that cell subject to every relation
 * around it (a neighbourhood of the relation graph, at most {@link #MAX_VARS} cells) and the intervals propagation
 * proved for those cells; the integer bounds it proves go back into the propagation, for {@link #ROUNDS} rounds.
 * The program combines relations, so it opens the chains that one relation at a time cannot, e.g. a young person of
 * unknown age who is the same 1 in an age sum, a sex sum, the half-year and the year. Sound for what it finds:
 * leaving out the relations beyond the neighbourhood only loosens the program. Pure.
 */
final class LpAudit {
  static final int MAX_VARS = 80;
  /**
   * The neighbourhood of the deep audit that follows (docs/disclosure.md "National scale"): the 80-cell programs
   * missed chains that an attacker's differently grown neighbourhoods found at national scale.
   */
  static final int DEEP_MAX_VARS = Integer.getInteger("jeugdkubus.protect.lpDeepVars", 160);
  /** The deep audit programs the suppressed cells bounded by at most this x suppressUpTo. */
  static final int DEEP_BOUNDED = Integer.getInteger("jeugdkubus.protect.lpDeepBounded", 3);
  static final int BOUNDED = 10;
  static final int ROUNDS = 3;
  /** Complement candidates tried per exposed cell (each costs one propagation and two programs). */
  static final int CANDIDATES = Integer.getInteger("lp.cands", 40);
  /**
   * A measurement switch for developers (-Djeugdkubus.protect.lpWitnessed=true: program the witnessed cells too;
   * docs/disclosure.md "National scale"), not a run option.
   */
  static final boolean PROGRAM_WITNESSED = Boolean.getBoolean("jeugdkubus.protect.lpWitnessed");

  private final CellModel m;
  private final Audit rounding;
  private final int suppressUpTo;

  private final boolean[] witnessed;
  private final int maxVars;
  private final boolean programWitnessed;
  private final int bounded;
  // scratch of reach: the column of each cell in the current neighbourhood (-1: outside), and its cells in order
  private int[] col;
  private int[] order;
  private final Map<Integer, Answer> answers = new HashMap<>();

  /**
   * {@code witnessed}: the cells a witness of a primary changes ({@link Witness}). The published figures are
   * consistent with two values of each (the true table and the witness's), so none is pinned and a primary among
   * them may be suppressUpTo + 1 or more, whatever an attacker combines: they are not programmed.
   */
  LpAudit(CellModel m, Audit rounding, int suppressUpTo, boolean[] witnessed) {
    this(m, rounding, suppressUpTo, witnessed, MAX_VARS, PROGRAM_WITNESSED, BOUNDED);
  }

  /**
   * {@code maxVars}: the cells of each program; {@code programWitnessed}: program the witnessed cells too (the deep
   * audit does: a witness is consistent with the relations of {@link CellModel}, and an attacker may know more).
   */
  LpAudit(CellModel m, Audit rounding, int suppressUpTo, boolean[] witnessed, int maxVars, boolean programWitnessed,
      int bounded) {
    this.m = m;
    this.rounding = rounding;
    this.suppressUpTo = suppressUpTo;
    this.witnessed = witnessed;
    this.maxVars = maxVars;
    this.programWitnessed = programWitnessed;
    this.bounded = bounded;
  }

  /** The audit after the standard one: larger programs, witnessed cells programmed too. */
  static LpAudit deep(CellModel m, Audit rounding, int suppressUpTo, boolean[] witnessed) {
    return new LpAudit(m, rounding, suppressUpTo, witnessed, DEEP_MAX_VARS, true, DEEP_BOUNDED);
  }

  /**
   * Narrows the intervals of {@code pr} by linear programs and propagation as an attacker would, and returns the
   * suppressed cells that are then pinned or (primaries) narrowed into 1..suppressUpTo, in cell order. Only the
   * cells of {@code only} are programmed (null: every suppressed cell): suppressing more only loosens what an
   * outsider knows, so a cell that was not exposed stays unexposed, and a later round needs to look only at the
   * newly suppressed cells and their neighbourhoods.
   */
  List<Integer> exposed(Propagation pr, boolean[] suppressed, java.util.Collection<Integer> only) {
    for (int round = 0; round < ROUNDS; round++) {
      boolean moved = false;
      if (only == null) {
        for (int c = 0; c < m.size(); c++) moved |= program(pr, suppressed, c);
      } else {
        for (int c : only) moved |= program(pr, suppressed, c);
      }
      if (!moved) break;
      pr.propagate();
    }
    return pr.exposed(suppressed, suppressUpTo);
  }

  /**
   * Tightens suppressed cell c by the program around it; true when a bound moved. The maximum first: when it is
   * above the true count (and, for a primary, above suppressUpTo) the cell is neither pinned nor narrowed, and
   * the minimum is solved only to carry a tighter lower bound on.
   */
  private boolean program(Propagation pr, boolean[] suppressed, int c) {
    if (!suppressed[c] || (witnessed[c] && !programWitnessed) || pr.hi[c] > (long) bounded * suppressUpTo || exposed(pr, c)) return false;
    long[] b = bounds(c, pr.lo, pr.hi);
    return b != null && pr.tighten(c, b[0], b[1]);
  }

  private boolean exposed(Propagation pr, int c) {
    return pr.lo[c] == pr.hi[c] || (primary(c) && pr.hi[c] <= suppressUpTo);
  }

  private boolean primary(int c) {
    return m.value(c) >= 1 && m.value(c) <= suppressUpTo;
  }

  /**
   * How far c is from being safe with interval lo..hi: 0 when it is neither pinned nor (a primary) narrowed into
   * 1..suppressUpTo, else how much its upper bound must still grow.
   */
  private long shortfall(int c, long lo, long hi) {
    long need = primary(c) ? suppressUpTo + 1 : lo + 1;
    return Math.max(0, need - Math.min(hi, need));
  }

  /** The shortfall of c after propagation and, where propagation leaves it bounded, the program around it. */
  private long shortfall(int c, Propagation pr) {
    long sh = shortfall(c, pr.lo[c], pr.hi[c]);
    if (sh > 0 || pr.hi[c] > (long) bounded * suppressUpTo) return sh;
    long[] b = bounds(c, pr.lo, pr.hi);
    return b == null ? 0 : shortfall(c, b[0], b[1]);
  }

  /**
   * The published cell to suppress so that c is no longer exposed to propagation and the program around it, among
   * the first {@link #CANDIDATES} published cells of its neighbourhood that {@code allowed} admits (cheapest first
   * by {@link CellModel#price}, the nearest first within a price): the first that opens c, or
   * else the one that brings c closest to open; -1 when none of them changes c at all.
   */
  int complement(int c, boolean[] suppressed, java.util.function.IntPredicate allowed) {
    List<Integer> cands = new ArrayList<>();
    for (int q : neighbourhood(c)) {
      if (!suppressed[q] && allowed.test(q)) cands.add(q);
    }
    cands.sort(java.util.Comparator.comparingDouble(q -> m.price(q))); // stable: nearest first within a price
    int best = -1;
    long bestShort = shortfall(c, new Propagation(m, rounding, suppressed));
    for (int i = 0; i < Math.min(CANDIDATES, cands.size()); i++) {
      int q = cands.get(i);
      suppressed[q] = true;
      long sh = shortfall(c, new Propagation(m, rounding, suppressed));
      suppressed[q] = false;
      if (sh == 0) return q;
      if (sh < bestShort) {
        best = q;
        bestShort = sh;
      }
    }
    return best;
  }

  /** The cells reached from c through relations, breadth first (c first), at most maxVars. */
  List<Integer> neighbourhood(int c) {
    int n = reach(c);
    List<Integer> cells = new ArrayList<>(n);
    for (int i = 0; i < n; i++) cells.add(order[i]);
    release(n);
    return cells;
  }

  /**
   * Puts the neighbourhood of c into order[0..n) and each of its cells' column into col (the other cells keep -1),
   * and returns n; {@link #release} clears col again. Arrays rather than boxed sets: this runs for every program.
   */
  private int reach(int c) {
    if (col == null) {
      col = new int[m.size()];
      java.util.Arrays.fill(col, -1);
      order = new int[maxVars];
    }
    int n = 0;
    col[c] = n;
    order[n++] = c;
    for (int head = 0; head < n && n < maxVars; head++) {
      for (CellModel.Relation r : m.relationsOf(order[head])) {
        if (n < maxVars && col[r.total()] < 0) {
          col[r.total()] = n;
          order[n++] = r.total();
        }
        for (int y : r.parts()) {
          if (n < maxVars && col[y] < 0) {
            col[y] = n;
            order[n++] = y;
          }
        }
      }
    }
    return n;
  }

  private void release(int n) {
    for (int i = 0; i < n; i++) col[order[i]] = -1;
  }

  /**
   * The integer interval that the program over c's neighbourhood proves for c, every cell within [lo, hi]; null
   * when it proves nothing (no relation inside, or the solver gave up). A pure function of c and the intervals of
   * its neighbourhood, so the last answer for c is given again when those intervals have not moved since (about a
   * fifth of the programs at national scale: a round or a complement candidate that changes nothing around c).
   */
  long[] bounds(int c, long[] lo, long[] hi) {
    int n = reach(c);
    try {
      long[] in = new long[2 * n];
      for (int i = 0; i < n; i++) {
        in[2 * i] = lo[order[i]];
        in[2 * i + 1] = hi[order[i]];
      }
      Answer last = answers.get(c);
      if (last != null && java.util.Arrays.equals(last.in(), in)) return last.bounds();
      long[] b = solve(c, n, lo, hi);
      answers.put(c, new Answer(in, b));
      return b;
    } finally {
      release(n);
    }
  }

  /** The last program around a cell: the intervals of its neighbourhood (lo, hi per cell, in order) and its answer. */
  private record Answer(long[] in, long[] bounds) {}

  /** The program over the neighbourhood that {@link #reach} put into order[0..n) and col. */
  private long[] solve(int c, int n, long[] lo, long[] hi) {
    Set<CellModel.Relation> rels = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      for (CellModel.Relation r : m.relationsOf(order[i])) {
        boolean inside = col[r.total()] >= 0;
        for (int p : r.parts()) inside &= col[p] >= 0;
        if (inside) rels.add(r);
      }
    }
    if (rels.isEmpty()) return null;
    // x = lo + y with 0 <= y <= hi - lo (every count is at least 0)
    double[] up = new double[n];
    for (int i = 0; i < n; i++) {
      int v = order[i];
      up[i] = hi[v] >= Propagation.INF ? BoundedSimplex.INF : hi[v] - lo[v];
    }
    BoundedSimplex lp = new BoundedSimplex(up);
    for (CellModel.Relation r : rels) add(r, col, n, lo, lp);
    double[] range = lp.range(0);
    if (range == null) return null;
    long l = Math.max(lo[c], (long) Math.ceil(lo[c] + range[0] - 1e-6));
    long h = range[1] == BoundedSimplex.INF ? hi[c] : Math.min(hi[c], (long) Math.floor(lo[c] + range[1] + 1e-6));
    // the true table is a solution: a range without the true count is a numerical failure, and proves nothing
    return l > h || m.value(c) < l || m.value(c) > h ? null : new long[] {l, h};
  }

  /** The rows of relation r in the shifted variables y = x - lo. */
  private static void add(CellModel.Relation r, int[] col, int n, long[] lo, BoundedSimplex lp) {
    switch (r.kind()) {
      case SUM -> sum(r, col, n, lo, lp, true);
      case COVERSUM -> sum(r, col, n, lo, lp, false);
      case COVER -> {
        sum(r, col, n, lo, lp, false);
        for (int p : r.parts()) leq(p, r.total(), col, n, lo, lp);
      }
      case SUBSET -> leq(r.parts()[0], r.total(), col, n, lo, lp);
      default -> throw new IllegalStateException();
    }
  }

  /** total - sum(parts) = 0 (exact) or <= 0. */
  private static void sum(CellModel.Relation r, int[] col, int n, long[] lo, BoundedSimplex lp, boolean exact) {
    double[] a = new double[n];
    double shift = 0;
    a[col[r.total()]] += 1;
    shift += lo[r.total()];
    for (int p : r.parts()) {
      a[col[p]] -= 1;
      shift -= lo[p];
    }
    if (exact) lp.eq(a, -shift);
    else lp.leq(a, -shift);
  }

  /** x_part <= x_total. */
  private static void leq(int part, int total, int[] col, int n, long[] lo, BoundedSimplex lp) {
    double[] a = new double[n];
    a[col[part]] += 1;
    a[col[total]] -= 1;
    lp.leq(a, lo[total] - lo[part]);
  }
}
