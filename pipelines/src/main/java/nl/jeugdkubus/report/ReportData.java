package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;

/**
 * The published cells indexed for drawing: look-ups only, no arithmetic on values. A cell is found by
 * table, indicator, area and periode, either as the table's total row (every breakdown 'totaal') or by
 * one breakdown value.
 */
public final class ReportData {
  private final Map<String, Cell> index = new HashMap<>();
  private final Map<String, Cell> anyArea = new HashMap<>();
  private final Map<String, String> names;
  private final TreeMap<String, String> gemeenten = new TreeMap<>();
  private final String runId;

  public ReportData(Collection<Cell> cells, Map<String, String> names) {
    this.names = names;
    String run = null;
    for (Cell c : cells) {
      if (c.totalsExcept(null)) index.put(key(c.tabel(), c.indicator(), c.gemeente(), c.periode(), null, null), c);
      for (Map.Entry<String, String> d : c.dims().entrySet()) {
        if (!Cell.TOTAAL.equals(d.getValue()) && c.totalsExcept(d.getKey())) {
          index.put(key(c.tabel(), c.indicator(), c.gemeente(), c.periode(), d.getKey(), d.getValue()), c);
        }
      }
      anyArea.putIfAbsent(c.tabel() + "|" + c.indicator() + "|" + c.periode(), c);
      if (c.gemeente() != null && c.gemeente().startsWith("GM")) gemeenten.put(c.gemeente(), c.regio());
      if (run == null && c.runId() != null) run = c.runId();
    }
    this.runId = run == null ? "onbekend" : run;
  }

  private static String key(String tabel, String indicator, String area, String periode, String dim, String value) {
    return tabel + "|" + indicator + "|" + area + "|" + periode + "|" + dim + "=" + value;
  }

  public String runId() {
    return runId;
  }

  /** The gemeente codes, ordered by name. */
  public List<String> gemeenten() {
    List<String> out = new ArrayList<>(gemeenten.keySet());
    out.sort(Comparator.comparing(this::name).thenComparing(Comparator.naturalOrder()));
    return out;
  }

  /** The name of an area: dimensions/gemeente.parquet, else the code. */
  public String name(String code) {
    return names.getOrDefault(code, code);
  }

  /** The region area code of a gemeente (REG_ + regio, spaces as '_'), or null. */
  public String regionOf(String gemeente) {
    String regio = gemeenten.get(gemeente);
    return regio == null ? null : "REG_" + regio.replace(' ', '_');
  }

  /** The total-row cell, or null when not published. */
  public Cell total(String tabel, String indicator, String area, String periode) {
    return index.get(key(tabel, indicator, area, periode, null, null));
  }

  public Cell byDim(String tabel, String indicator, String area, String periode, String dim, String value) {
    return index.get(key(tabel, indicator, area, periode, dim, value));
  }

  public List<Point> totals(String tabel, String indicator, String area, List<String> periods) {
    List<Point> out = new ArrayList<>();
    for (String p : periods) out.add(Point.of(total(tabel, indicator, area, p)));
    return out;
  }

  public List<Point> breakdown(String tabel, String indicator, String area, String dim, String value, List<String> periods) {
    List<Point> out = new ArrayList<>();
    for (String p : periods) out.add(Point.of(byDim(tabel, indicator, area, p, dim, value)));
    return out;
  }

  /** The periods in which any of the indicators of the table is published: the half-years, or the years when there are none. */
  public List<String> periods(String tabel, String... indicators) {
    TreeSet<Period> half = new TreeSet<>();
    TreeSet<Period> years = new TreeSet<>();
    for (String k : anyArea.keySet()) {
      String[] f = k.split("\\|");
      if (!f[0].equals(tabel)) continue;
      for (String i : indicators) {
        if (f[1].equals(i)) {
          Period p = Period.parse(f[2]);
          (p.isHalfYear() ? half : years).add(p);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (Period p : half.isEmpty() ? years : half) out.add(p.toString());
    return out;
  }

  /** The cbs_status values of the published rows of an indicator (e.g. "voorlopig", "definitief"). */
  public TreeSet<String> cbsStatus(String tabel, String indicator) {
    TreeSet<String> out = new TreeSet<>();
    for (Map.Entry<String, Cell> e : anyArea.entrySet()) {
      Cell c = e.getValue();
      if (c.tabel().equals(tabel) && c.indicator().equals(indicator) && c.cbsStatus() != null && !c.cbsStatus().equals("n.v.t.")) {
        out.add(c.cbsStatus());
      }
    }
    return out;
  }
}
