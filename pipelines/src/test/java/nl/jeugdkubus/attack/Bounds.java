package nl.jeugdkubus.attack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's knowledge: one interval per unknown (a count of units, or an amount in euros) and the
 * constraints between them, propagated to a fixpoint. Every bound that tightens remembers the
 * constraint that proved it, so a recovery can be explained as a chain of reasoning.
 */
final class Bounds {
  static final double INF = Double.POSITIVE_INFINITY;
  private static final double EPS = 1e-7;

  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  private final BitSet integer = new BitSet();
  private double[] lo = new double[1024];
  private double[] hi = new double[1024];
  private int[] loWhy = new int[1024];
  private int[] hiWhy = new int[1024];
  private final List<Constraint> constraints = new ArrayList<>();
  private final List<List<Integer>> watching = new ArrayList<>();
  private boolean contradiction;
  private String contradictionText;

  /** A count: a non-negative integer. */
  int count(String name) {
    return var(name, true, 0, INF);
  }

  /** An amount (euros): any real number. */
  int amount(String name) {
    return var(name, false, -INF, INF);
  }

  int find(String name) {
    Integer i = byName.get(name);
    return i == null ? -1 : i;
  }

  private int var(String name, boolean isInt, double l, double h) {
    Integer existing = byName.get(name);
    if (existing != null) return existing;
    int i = names.size();
    if (i == lo.length) {
      lo = java.util.Arrays.copyOf(lo, i * 2);
      hi = java.util.Arrays.copyOf(hi, i * 2);
      loWhy = java.util.Arrays.copyOf(loWhy, i * 2);
      hiWhy = java.util.Arrays.copyOf(hiWhy, i * 2);
    }
    names.add(name);
    byName.put(name, i);
    integer.set(i, isInt);
    lo[i] = l;
    hi[i] = h;
    loWhy[i] = -1;
    hiWhy[i] = -1;
    watching.add(new ArrayList<>(2));
    return i;
  }

  int size() {
    return names.size();
  }

  String name(int v) {
    return names.get(v);
  }

  boolean isInteger(int v) {
    return integer.get(v);
  }

  double lo(int v) {
    return lo[v];
  }

  double hi(int v) {
    return hi[v];
  }

  int loWhy(int v) {
    return loWhy[v];
  }

  int hiWhy(int v) {
    return hiWhy[v];
  }

  Constraint constraint(int c) {
    return constraints.get(c);
  }

  int constraintCount() {
    return constraints.size();
  }

  boolean contradiction() {
    return contradiction;
  }

  String contradictionText() {
    return contradictionText;
  }

  void add(Constraint c) {
    int id = constraints.size();
    constraints.add(c);
    for (int v : c.vars()) watching.get(v).add(id);
  }

  // ---- tightening (called by constraints while they propagate) ----
  private int current = -1;
  private ArrayDeque<Integer> queue;
  private BitSet queued;

  /** Raises the lower bound of v to at least l; true when it changed. */
  boolean atLeast(int v, double l) {
    if (integer.get(v)) l = Math.ceil(l - 1e-9);
    else l = l - EPS * Math.max(1, Math.abs(l));
    if (l <= lo[v]) return false;
    lo[v] = l;
    loWhy[v] = current;
    changed(v);
    return true;
  }

  /** Lowers the upper bound of v to at most h; true when it changed. */
  boolean atMost(int v, double h) {
    if (integer.get(v)) h = Math.floor(h + 1e-9);
    else h = h + EPS * Math.max(1, Math.abs(h));
    if (h >= hi[v]) return false;
    hi[v] = h;
    hiWhy[v] = current;
    changed(v);
    return true;
  }

  private void changed(int v) {
    if (lo[v] > hi[v] + 1e-6 && !contradiction) {
      contradiction = true;
      contradictionText = names.get(v) + " empty: [" + lo[v] + ", " + hi[v] + "] after " + current
          + (current >= 0 ? " " + constraints.get(current).describe(this) : "");
    }
    if (queue == null) return;
    for (int c : watching.get(v)) {
      if (c != current && !queued.get(c)) {
        queued.set(c);
        queue.add(c);
      }
    }
  }

  /** Runs every constraint until nothing changes (or a step budget is spent); returns the steps taken. */
  long propagate(long maxSteps) {
    queue = new ArrayDeque<>();
    queued = new BitSet();
    for (int c = 0; c < constraints.size(); c++) {
      queue.add(c);
      queued.set(c);
    }
    long steps = 0;
    while (!queue.isEmpty() && steps < maxSteps && !contradiction) {
      int c = queue.poll();
      queued.clear(c);
      current = c;
      constraints.get(c).propagate(this);
      current = -1;
      steps++;
    }
    queue = null;
    queued = null;
    return steps;
  }

  /** Records a derived fact (e.g. a linear program's optimum) as a constraint to cite; it propagates nothing. */
  int addDerived(String why, List<Integer> over) {
    int[] vs = over.stream().mapToInt(Integer::intValue).toArray();
    int id = constraints.size();
    constraints.add(new Constraint() {
      @Override
      public int[] vars() {
        return vs;
      }

      @Override
      public void propagate(Bounds b) {}

      @Override
      public String describe(Bounds b) {
        return why;
      }
    });
    return id;
  }

  /** Sets a bound from outside propagation, with a constraint to cite (used by the LP stage). */
  void tightenAs(int constraintId, int v, double l, double h) {
    int saved = current;
    current = constraintId;
    atLeast(v, l);
    atMost(v, h);
    current = saved;
  }

  /** A relation between unknowns that can narrow their intervals. */
  interface Constraint {
    int[] vars();

    void propagate(Bounds b);

    /** One line: what the relation says, with the published facts it comes from. */
    String describe(Bounds b);
  }
}
