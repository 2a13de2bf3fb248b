package nl.jeugdkubus.marts.protect;

import java.util.ArrayList;
import java.util.List;

/**
 * The suppressor's own audit by interval propagation (bounds consistency, as an outsider would reason one
 * relation at a time and carry the result on): every published cell is known within its rounding interval,
 * every suppressed cell is at least 1, and every relation of the {@link CellModel} narrows the intervals of
 * its members until nothing moves. A suppressed cell is exposed when its interval is a single value, or
 * when it is a primary whose interval lies inside 1..suppressUpTo; a published cell when its rounding leaves
 * several values and the relations leave one ({@link #pinnedPublished}). Sound for what it finds, not complete: a
 * linear or integer program can find more (the independent attacker of the test suite has one). Pure.
 */
final class Propagation {
  static final long INF = Long.MAX_VALUE / 8;
  private static final int MAX_PASSES = 200;

  private final CellModel m;
  final long[] lo;
  final long[] hi;

  Propagation(CellModel m, Audit audit, boolean[] suppressed) {
    this(m, audit, suppressed, false);
  }

  /** Cells whose published count is not their own rounding: the year of a flow with both half-years published. */
  private final boolean[] sumOfHalves;

  /**
   * @param asPublished the year of a flow whose half-years are both published starts unknown (its published count is
   *     their sum, PublishedCounts, which the year relation carries); false: every published cell is known within its
   *     own rounding (an outsider who knew that much knows more, so the suppression checks use it)
   */
  Propagation(CellModel m, Audit audit, boolean[] suppressed, boolean asPublished) {
    this.m = m;
    lo = new long[m.size()];
    hi = new long[m.size()];
    sumOfHalves = new boolean[m.size()];
    for (int i = 0; i < m.size(); i++) {
      int[] halves = asPublished && !suppressed[i] ? PublishedCounts.halvesOfFlowYear(m, i) : null;
      if (halves != null && !suppressed[halves[0]] && !suppressed[halves[1]]) {
        sumOfHalves[i] = true;
        lo[i] = 0;
        hi[i] = INF;
      } else if (suppressed[i]) {
        lo[i] = 1;
        hi[i] = INF;
      } else {
        long[] iv = audit.rounded(m.value(i));
        lo[i] = iv[0];
        hi[i] = iv[1];
      }
    }
    propagate();
  }

  /**
   * Narrows along the relations until nothing moves: a queue of relations (in model order at first), and a
   * relation is queued again when one of its cells moved. The fixpoint of bounds consistency does not depend on
   * the order in which relations are narrowed; the work is bounded by MAX_PASSES narrowings per relation.
   */
  void propagate() {
    List<CellModel.Relation> rels = m.relations;
    int n = rels.size();
    if (queued == null) {
      queued = new boolean[n];
      queue = new int[n];
      for (int r = 0; r < n; r++) enqueue(r);
    }
    long budget = (long) MAX_PASSES * Math.max(1, n);
    while (size > 0 && budget-- > 0) {
      int r = queue[head];
      head = (head + 1) % queue.length;
      size--;
      queued[r] = false;
      narrow(rels.get(r));
    }
    if (size > 0) {
      java.util.Arrays.fill(queued, false); // out of budget: stop, as the passes did
      size = 0;
    }
  }

  private boolean[] queued;
  private int[] queue;
  private int head;
  private int size;

  private void enqueue(int r) {
    if (queued[r]) return;
    queued[r] = true;
    queue[(head + size) % queue.length] = r;
    size++;
  }

  /** Cell c moved: its relations are narrowed again (before the first propagation every relation is queued). */
  private void moved(int c) {
    if (queued == null) return;
    for (int r : m.relationIdsOf(c)) enqueue(r);
  }

  /**
   * Narrows cell c to [l, h] intersected with what is known (a bound proven elsewhere, e.g. by a linear program);
   * true when it moved. Call {@link #propagate()} to carry it on.
   */
  boolean tighten(int c, long l, long h) {
    boolean moved = false;
    if (l > lo[c] && l <= hi[c]) {
      lo[c] = l;
      moved = true;
    }
    if (h < hi[c] && h >= lo[c]) {
      hi[c] = h;
      moved = true;
    }
    if (moved) moved(c);
    return moved;
  }

  /** The suppressed cells an outsider can pin or narrow into 1..suppressUpTo, in cell order. */
  List<Integer> exposed(boolean[] suppressed, int suppressUpTo) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lo.length; i++) {
      if (!suppressed[i]) continue;
      boolean primary = m.value(i) >= 1 && m.value(i) <= suppressUpTo;
      if (lo[i] == hi[i] || (primary && hi[i] <= suppressUpTo)) out.add(i);
    }
    return out;
  }

  /**
   * The published cells an outsider can pin to one value although their own rounding leaves several, in cell order:
   * a rounded count recovered exactly (intervals of rounded cells meeting in one value through the relations; the
   * Drenthe example of docs/disclosure.md).
   */
  List<Integer> pinnedPublished(Audit audit, boolean[] suppressed) { // meant for a propagation built asPublished
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lo.length; i++) {
      if (suppressed[i] || sumOfHalves[i] || lo[i] != hi[i]) continue;
      long[] own = audit.rounded(m.value(i));
      if (own[1] > own[0]) out.add(i);
    }
    return out;
  }

  /** The upper bound relation r alone gives cell c, from the current intervals of the others. */
  long upperFrom(CellModel.Relation r, int c) {
    if (c == r.total()) {
      return switch (r.kind()) {
        case SUM, COVER, COVERSUM -> sumHi(r, -1);
        case SUBSET -> INF;
      };
    }
    return switch (r.kind()) {
      case SUM -> hi[r.total()] >= INF ? INF : hi[r.total()] - (sumLo(r) - lo[c]);
      case COVER, SUBSET -> hi[r.total()];
      case COVERSUM -> INF;
    };
  }

  /**
   * Narrows the members of r from the others' intervals, from one snapshot of its sums (O(parts)); a member that
   * moved queues its relations, r included, so the next narrowing of r sees the new bounds.
   */
  private boolean narrow(CellModel.Relation r) {
    boolean moved = false;
    int t = r.total();
    int[] ps = r.parts();
    long sLo = 0;
    long sHi = 0; // the sum of the finite upper bounds
    int open = 0; // parts without an upper bound
    int openPart = -1;
    for (int p : ps) {
      sLo += lo[p];
      if (hi[p] >= INF) {
        open++;
        openPart = p;
      } else {
        sHi += hi[p];
      }
    }
    long all = open == 0 ? sHi : INF;
    switch (r.kind()) {
      case SUM -> {
        moved |= setLo(t, sLo);
        moved |= setHi(t, all);
        for (int p : ps) {
          long others = others(p, open, openPart, sHi);
          if (others < INF) moved |= setLo(p, lo[t] - others);
          if (hi[t] < INF) moved |= setHi(p, hi[t] - (sLo - lo[p]));
        }
      }
      case COVER -> {
        for (int p : ps) {
          moved |= setLo(t, lo[p]);
          moved |= setHi(p, hi[t]);
        }
        for (int p : ps) {
          long others = others(p, open, openPart, sHi);
          if (others < INF) moved |= setLo(p, lo[t] - others);
        }
        moved |= setHi(t, all);
      }
      case SUBSET -> {
        moved |= setHi(ps[0], hi[t]);
        moved |= setLo(t, lo[ps[0]]);
      }
      case COVERSUM -> {
        moved |= setHi(t, all);
        for (int p : ps) {
          long others = others(p, open, openPart, sHi);
          if (others < INF) moved |= setLo(p, lo[t] - others);
        }
      }
    }
    return moved;
  }

  /** The sum of the upper bounds of the parts other than p, from the snapshot; INF when one of them is open. */
  private long others(int p, int open, int openPart, long sHi) {
    if (open == 0) return sHi - hi[p];
    if (open == 1 && p == openPart) return sHi;
    return INF;
  }

  private long sumLo(CellModel.Relation r) {
    long s = 0;
    for (int p : r.parts()) s += lo[p];
    return s;
  }

  /** The sum of the parts' upper bounds, leaving out part {@code except} (-1: none); INF when one is open. */
  private long sumHi(CellModel.Relation r, int except) {
    long s = 0;
    for (int p : r.parts()) {
      if (p == except) continue;
      if (hi[p] >= INF) return INF;
      s += hi[p];
    }
    return s;
  }

  private boolean setLo(int c, long v) {
    if (v <= lo[c] || v > hi[c]) return false; // v > hi: only through rounding noise of a relation, never on true counts
    lo[c] = v;
    moved(c);
    return true;
  }

  private boolean setHi(int c, long v) {
    if (v >= hi[c] || v < lo[c]) return false;
    hi[c] = v;
    moved(c);
    return true;
  }
}
