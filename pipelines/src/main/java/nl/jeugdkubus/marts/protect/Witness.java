package nl.jeugdkubus.marts.protect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secondary suppression by witness (docs/disclosure.md): for a primary cell with true count x in
 * 1..suppressUpTo, find a set of cells to suppress and a change d of their counts (the primary +
 * (suppressUpTo + 1 - x)) such that every relation of the model still holds, every changed count stays at
 * least 1, and no published cell changes. Then the published figures are equally consistent with the
 * primary being suppressUpTo + 1 or more, and no attacker - however strong, interval propagation, linear
 * or integer programming - can narrow it into 1..suppressUpTo or pin it; every complementary cell changes
 * too, so it is not pinned either.
 *
 * <p>The change is a product over the axes (measure, periode, area, leeftijdsklasse, geslacht, hulpvorm,
 * verwijzer, productcategorie) of one small vector per axis with entries -1, 0, +1 that keeps every exact
 * sum of that axis (for example hulpvorm h +1 and hulpvorm h' -1, or gemeente +1 and region +1): the
 * hypercube of GHMITER / tau-ARGUS, with the exact relations of StatLine tables of Statistics Norway's
 * GaussSuppression (no primary is a linear combination of published cells). The product is checked
 * against every relation it touches (including the inequalities of young people counted once and those
 * between measures). Among the valid witnesses the cheapest is taken: cells already suppressed cost
 * nothing, a top-level cell (every dimension totaal) costs the most, a region cell more than a gemeente.
 */
public final class Witness {
  static final int MAX_SUPPORT = 4;
  static final int MAX_VECTORS = 8;
  static final int MAX_COMBINATIONS = 3000;
  static final int ENOUGH_VALID = 12;

  private final CellModel m;
  private final int suppressUpTo;

  private final Audit audit;

  public Witness(CellModel m, int suppressUpTo) {
    this(m, suppressUpTo, null);
  }

  /** With the rounding intervals of {@code audit}: a published cell may change inside its interval. */
  Witness(CellModel m, int suppressUpTo, Audit audit) {
    this.m = m;
    this.suppressUpTo = suppressUpTo;
    this.audit = audit;
  }

  private boolean absorbed(int c, long d) {
    long[] iv = audit.rounded(m.value(c));
    long v = m.value(c) + d;
    return iv[0] != iv[1] && v >= iv[0] && v <= iv[1];
  }

  /** One axis vector: field value -> coefficient. */
  record Vec(int axis, Map<String, Integer> w) {}

  /** The cells of a witness and their change. */
  public record Found(Map<Integer, Long> change, java.util.Set<Integer> suppress, double cost) {}

  /** The cheapest witness for cell p, or null. */
  public Found find(int p, boolean[] suppressed) {
    long delta = suppressUpTo + 1 - m.value(p);
    if (delta < 1) delta = 1;
    List<List<Vec>> axes = new ArrayList<>();
    for (int a = 0; a < CellModel.FIELDS; a++) {
      List<Vec> vs = vectors(p, a, suppressed);
      if (vs.isEmpty()) return null;
      axes.add(vs);
    }
    // enumerate combinations in order of the sum of the ranks
    int[] sizes = new int[axes.size()];
    long product = 1;
    for (int a = 0; a < sizes.length; a++) {
      sizes[a] = axes.get(a).size();
      product *= sizes[a];
    }
    while (product > MAX_COMBINATIONS) {
      int big = 0;
      for (int a = 1; a < sizes.length; a++) if (sizes[a] > sizes[big]) big = a;
      product = product / sizes[big] * (sizes[big] - 1);
      sizes[big]--;
    }
    List<int[]> combos = new ArrayList<>();
    enumerate(sizes, 0, new int[sizes.length], combos);
    combos.sort(Comparator.comparingInt(c -> {
      int s = 0;
      for (int x : c) s += x;
      return s;
    }));
    Found best = null;
    int valid = 0;
    for (int[] c : combos) {
      Found f = evaluate(p, delta, axes, c, suppressed);
      if (f == null) continue;
      if (best == null || f.cost() < best.cost()) best = f;
      if (++valid >= ENOUGH_VALID) break;
    }
    return best;
  }

  private static void enumerate(int[] sizes, int a, int[] cur, List<int[]> out) {
    if (a == sizes.length) {
      out.add(cur.clone());
      return;
    }
    for (int i = 0; i < sizes[a]; i++) {
      cur[a] = i;
      enumerate(sizes, a + 1, cur, out);
    }
  }

  private Found evaluate(int p, long delta, List<List<Vec>> axes, int[] choice, boolean[] suppressed) {
    // product of the vectors: start with the primary's key
    List<String[]> keys = new ArrayList<>();
    List<Long> coefs = new ArrayList<>();
    keys.add(m.key(p));
    coefs.add(1L);
    for (int a = 0; a < axes.size(); a++) {
      Vec v = axes.get(a).get(choice[a]);
      if (v.w().size() == 1) continue;
      List<String[]> nk = new ArrayList<>();
      List<Long> nc = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        for (Map.Entry<String, Integer> e : v.w().entrySet()) {
          String[] k = keys.get(i).clone();
          k[a] = e.getKey();
          nk.add(k);
          nc.add(coefs.get(i) * e.getValue());
        }
      }
      keys = nk;
      coefs = nc;
      if (keys.size() > 64) return null;
    }
    Map<Integer, Long> change = new HashMap<>();
    double cost = 0;
    for (int i = 0; i < keys.size(); i++) {
      Integer c = m.index.get(String.join("|", keys.get(i)));
      if (c == null) return null; // an absent cell is known to be 0
      long d = coefs.get(i) * delta;
      if (m.value(c) + d < 1) return null;
      change.merge(c, d, Long::sum);
    }
    java.util.Set<Integer> hide = new java.util.HashSet<>();
    for (Map.Entry<Integer, Long> e : change.entrySet()) {
      int c = e.getKey();
      if (e.getValue() == 0 || suppressed[c]) continue;
      // a published cell whose change stays inside its rounding interval needs no suppression: it is
      // published as the same rounded count
      if (audit != null && absorbed(c, e.getValue())) continue;
      hide.add(c);
      cost += cost(c);
    }
    // every relation touched must still hold
    long[] v = m.value;
    for (Map.Entry<Integer, Long> e : change.entrySet()) v[e.getKey()] += e.getValue();
    boolean ok = true;
    outer:
    for (int c : change.keySet()) {
      for (CellModel.Relation r : m.relationsOf(c)) {
        if (!r.holds(v)) {
          ok = false;
          break outer;
        }
      }
    }
    for (Map.Entry<Integer, Long> e : change.entrySet()) v[e.getKey()] -= e.getValue();
    return ok ? new Found(change, hide, cost) : null;
  }

  /** The price of suppressing one more cell: one, plus the price of {@link CellModel#price}. */
  double cost(int c) {
    return 1 + m.price(c);
  }

  /** The candidate vectors of axis a for cell p: each keeps the exact sums of the line, best first. */
  List<Vec> vectors(int p, int a, boolean[] suppressed) {
    Map<String, Integer> line = m.bucket(p, a);
    List<CellModel.Relation> exact = m.exactLine(p, a);
    String v0 = m.key(p)[a];
    currentAxis = a;
    List<Map<String, Integer>> found = new ArrayList<>();
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put(v0, 1);
    search(w, exact, line, found);
    List<Vec> out = new ArrayList<>();
    for (Map<String, Integer> f : found) out.add(new Vec(a, f));
    out.sort(Comparator.comparingDouble(x -> price(x, line, suppressed)));
    return out.size() > MAX_VECTORS ? new ArrayList<>(out.subList(0, MAX_VECTORS)) : out;
  }

  private double price(Vec x, Map<String, Integer> line, boolean[] suppressed) {
    double s = 0;
    for (Map.Entry<String, Integer> e : x.w().entrySet()) {
      int c = line.get(e.getKey());
      if (!suppressed[c]) s += cost(c);
      // a cell that goes down must be able to give the change
      if (e.getValue() < 0 && m.value(c) <= suppressUpTo) s += 2;
      if (e.getValue() < 0) s -= Math.min(m.value(c), 1000) / 100000.0;
    }
    return s;
  }

  private void search(Map<String, Integer> w, List<CellModel.Relation> exact, Map<String, Integer> line,
      List<Map<String, Integer>> found) {
    if (found.size() >= 4 * MAX_VECTORS) return;
    // find a violated relation
    CellModel.Relation bad = null;
    long residual = 0;
    for (CellModel.Relation r : exact) {
      long t = coef(w, r.total());
      long s = 0;
      for (int q : r.parts()) s += coef(w, q);
      if (t != s) {
        bad = r;
        residual = t - s;
        break;
      }
    }
    if (bad == null) {
      found.add(new LinkedHashMap<>(w));
      return;
    }
    if (w.size() >= MAX_SUPPORT || Math.abs(residual) != 1) return;
    // parts first (deep in the breakdown), then the total
    for (int q : bad.parts()) {
      String k = key(q, line);
      if (w.containsKey(k)) continue;
      w.put(k, (int) residual);
      search(w, exact, line, found);
      w.remove(k);
    }
    String tk = key(bad.total(), line);
    if (!w.containsKey(tk)) {
      w.put(tk, (int) -residual);
      search(w, exact, line, found);
      w.remove(tk);
    }
  }

  private int coef(Map<String, Integer> w, int cell) {
    return w.getOrDefault(keyOf(cell), 0);
  }

  private int currentAxis;

  private String keyOf(int cell) {
    return m.key(cell)[currentAxis];
  }

  private String key(int cell, Map<String, Integer> line) {
    return m.key(cell)[currentAxis];
  }
}
