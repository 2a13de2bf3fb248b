package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;

/**
 * conf/tables.csv: the published tables (issue 9, docs/disclosure.md). Each table is one indicator family by
 * gemeente and region x periode with at most two breakdown dimensions; the other dimensions hold 'totaal'.
 * Validated against conf/indicators.csv when loaded: every code exists, every indicator is in a table.
 */
public final class TableCatalogue implements Serializable {
  public static final String FILE = "tables.csv";
  public static final List<String> COLUMNS = List.of("tabel", "titel", "indicatoren", "dimensies", "perioden");
  /** The breakdown dimensions (CubeRow column names), in column order. */
  public static final List<String> DIMENSIONS = List.of("leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie");
  public static final int MAX_DIMENSIONS = 2;

  /** The kinds of period a table can be published for (column perioden). */
  public static final String HALFJAAR = "halfjaar";
  public static final String JAAR = "jaar";

  /**
   * One published table. {@code halfYears}: published for the half-years as well as the full years; false for a
   * table published per full year only (column perioden 'jaar').
   */
  public record Table(String id, String titel, List<String> indicators, List<String> dimensions, boolean halfYears)
      implements Serializable {
    public Table(String id, String titel, List<String> indicators, List<String> dimensions) {
      this(id, titel, indicators, dimensions, true);
    }

    /** True when the table is published for this period (2024H1 a half-year, 2024 a full year). */
    public boolean publishes(String periode) {
      return halfYears || !periode.contains("H");
    }

    /** The column perioden, as written in conf/tables.csv. */
    public String perioden() {
      return halfYears ? HALFJAAR + "," + JAAR : JAAR;
    }
  }

  private final List<Table> tables;

  private TableCatalogue(List<Table> tables) {
    this.tables = tables;
  }

  /** From the run's configuration tables (null: the packaged conf/). */
  public static TableCatalogue load(ConfTables conf) {
    return load(conf, IndicatorCatalogue.load(conf));
  }

  public static TableCatalogue load(ConfTables conf, IndicatorCatalogue indicators) {
    ConfTable t = (conf == null ? ConfTables.packaged() : conf).table(FILE);
    if (!t.header().equals(COLUMNS)) {
      throw new IllegalStateException(FILE + ": expected columns " + COLUMNS + ", found " + t.header());
    }
    Set<String> codes = indicators.byCode().keySet();
    Set<String> ids = new HashSet<>();
    Set<String> used = new HashSet<>();
    List<Table> out = new ArrayList<>();
    for (Map<String, String> r : t.rows()) {
      String id = r.get("tabel");
      if (!id.matches("[a-z0-9_]+")) throw new IllegalStateException(FILE + ": bad table id '" + id + "'");
      if (!ids.add(id)) throw new IllegalStateException(FILE + ": duplicate table " + id);
      List<String> inds = split(r.get("indicatoren"));
      if (inds.isEmpty()) throw new IllegalStateException(FILE + ": table " + id + " has no indicators");
      for (String c : inds) {
        if (!codes.contains(c)) throw new IllegalStateException(FILE + ": table " + id + ": unknown indicator " + c);
        used.add(c);
      }
      List<String> dims = split(r.get("dimensies"));
      if (dims.size() > MAX_DIMENSIONS) throw new IllegalStateException(FILE + ": table " + id + " has more than " + MAX_DIMENSIONS + " dimensions");
      for (String d : dims) {
        if (!DIMENSIONS.contains(d)) throw new IllegalStateException(FILE + ": table " + id + ": unknown dimension " + d);
      }
      if (new HashSet<>(dims).size() != dims.size()) throw new IllegalStateException(FILE + ": table " + id + ": repeated dimension");
      String perioden = r.get("perioden") == null ? "" : r.get("perioden").replace(" ", "");
      boolean halfYears = switch (perioden) {
        case HALFJAAR + "," + JAAR, JAAR + "," + HALFJAAR -> true;
        case JAAR -> false;
        default -> throw new IllegalStateException(FILE + ": table " + id + ": perioden must be '" + HALFJAAR + "," + JAAR
            + "' or '" + JAAR + "', found '" + r.get("perioden") + "'");
      };
      out.add(new Table(id, r.get("titel"), List.copyOf(inds), List.copyOf(dims), halfYears));
    }
    for (String c : codes) {
      if (!used.contains(c)) throw new IllegalStateException(FILE + ": indicator " + c + " is in no table");
    }
    return new TableCatalogue(List.copyOf(out));
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    if (s == null || s.isBlank()) return out;
    for (String p : s.split(",")) if (!p.isBlank()) out.add(p.trim());
    return out;
  }

  public List<Table> tables() {
    return tables;
  }

  public Table get(String id) {
    for (Table t : tables) if (t.id().equals(id)) return t;
    throw new IllegalArgumentException("unknown table " + id);
  }

  /** Table id -> table, in catalogue order. */
  public Map<String, Table> byId() {
    Map<String, Table> m = new LinkedHashMap<>();
    for (Table t : tables) m.put(t.id(), t);
    return m;
  }
}
