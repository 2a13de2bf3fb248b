package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;

/**
 * Cuts the published tables of conf/tables.csv out of the (protected) cube rows. Pure, no Beam. A row belongs
 * to a table when its indicator is one of the table's and every dimension that is not a breakdown of the table
 * holds 'totaal' and its period is one the table is published for; the same row can be in several tables (e.g. trajecten_gestart at every 'totaal').
 */
public final class PublishedTables implements Serializable {
  private final List<TableCatalogue.Table> tables;

  public PublishedTables(TableCatalogue catalogue) {
    this.tables = catalogue.tables();
  }

  /** The value of a breakdown dimension (a CubeRow column name) of a row. */
  public static String dimension(CubeRow r, String dim) {
    return switch (dim) {
      case "leeftijdsklasse" -> r.getLeeftijdsklasse();
      case "geslacht" -> r.getGeslacht();
      case "hulpvorm" -> r.getHulpvorm();
      case "verwijzer" -> r.getVerwijzer();
      case "productcategorie" -> r.getProductcategorie();
      default -> throw new IllegalArgumentException("not a dimension: " + dim);
    };
  }

  public static boolean belongsTo(TableCatalogue.Table t, CubeRow r) {
    if (!t.indicators().contains(r.getIndicator()) || !t.publishes(r.getPeriode())) return false;
    for (String d : TableCatalogue.DIMENSIONS) {
      if (!t.dimensions().contains(d) && !dimension(r, d).equals(Dims.TOTAAL)) return false;
    }
    return true;
  }

  /** The ids of the tables a row is published in (empty: the row is internal only). */
  public List<String> tablesOf(CubeRow r) {
    List<String> out = new ArrayList<>(2);
    for (TableCatalogue.Table t : tables) if (belongsTo(t, r)) out.add(t.id());
    return out;
  }

  /** True when the row is published in some table. */
  public boolean published(CubeRow r) {
    for (TableCatalogue.Table t : tables) if (belongsTo(t, r)) return true;
    return false;
  }

  /** The rows of the cube that some table publishes. */
  public List<CubeRow> publishedRows(Iterable<CubeRow> rows) {
    List<CubeRow> out = new ArrayList<>();
    for (CubeRow r : rows) if (published(r)) out.add(r);
    return out;
  }

  /** A cube row as a row of table {@code tabel}. */
  public static PublishedRow toPublished(String tabel, CubeRow r) {
    return PublishedRow.newBuilder()
        .setTabel(tabel)
        .setIndicator(r.getIndicator())
        .setPeriode(r.getPeriode())
        .setGemeenteCode(r.getGemeenteCode())
        .setGemeenteNaam(r.getGemeenteNaam())
        .setRegio(r.getRegio())
        .setLeeftijdsklasse(r.getLeeftijdsklasse())
        .setGeslacht(r.getGeslacht())
        .setHulpvorm(r.getHulpvorm())
        .setVerwijzer(r.getVerwijzer())
        .setProductcategorie(r.getProductcategorie())
        .setTeller(r.getTeller())
        .setNoemer(r.getNoemer())
        .setWaarde(r.getWaarde())
        .setEenheid(r.getEenheid())
        .setOnderdrukt(r.getOnderdrukt())
        .setCbsStatus(r.getCbsStatus())
        .setRunId(r.getRunId())
        .build();
  }

  /** Every table row of a cube row. */
  public List<PublishedRow> rowsOf(CubeRow r) {
    List<PublishedRow> out = new ArrayList<>(2);
    for (String t : tablesOf(r)) out.add(toPublished(t, r));
    return out;
  }

  /** Codes that are published at least at one combination (for checks). */
  public Set<String> codes() {
    Set<String> s = new HashSet<>();
    for (TableCatalogue.Table t : tables) s.addAll(t.indicators());
    return s;
  }

  /** Table id -> table. */
  public static Map<String, TableCatalogue.Table> byId(TableCatalogue c) {
    return c.byId();
  }
}
