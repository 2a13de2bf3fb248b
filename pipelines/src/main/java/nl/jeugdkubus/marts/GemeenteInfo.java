package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;

/**
 * Gemeenten and their regions (conf/gemeenten-2026.csv). A region is also an area of the cube:
 * code {@code REG_} + region name with spaces replaced by '_' (e.g. REG_Achterhoek,
 * REG_Zuid-Holland_Zuid), name "Regio " + region name.
 */
public final class GemeenteInfo implements Serializable {
  public static final String REGION_PREFIX = "REG_";

  /** One gemeente or region. */
  public record Area(String code, String naam, String provincie, String regio) implements Serializable {}

  private final Map<String, Area> gemeenten;
  private final Map<String, Area> regions;

  private GemeenteInfo(Map<String, Area> gemeenten) {
    this.gemeenten = gemeenten;
    this.regions = new LinkedHashMap<>();
    for (Area g : gemeenten.values()) {
      if (g.regio() == null || g.regio().isBlank()) continue;
      String rc = regionCode(g.regio());
      regions.putIfAbsent(rc, new Area(rc, "Regio " + g.regio(), null, g.regio()));
    }
  }

  /** From the run's configuration tables (null: the packaged conf/). */
  public static GemeenteInfo load(ConfTables conf) {
    ConfTable t = (conf == null ? ConfTables.packaged() : conf).table("gemeenten-2026.csv");
    Map<String, Area> m = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      String code = r.get("gemeente_code");
      m.put(code, new Area(code, r.get("gemeente_naam"), r.get("provincie"), r.get("regio")));
    }
    return new GemeenteInfo(m);
  }

  public static String regionCode(String regio) {
    return REGION_PREFIX + regio.trim().replace(' ', '_');
  }

  public static boolean isRegion(String areaCode) {
    return areaCode.startsWith(REGION_PREFIX);
  }

  /** Areas an item of this gemeente counts in: the gemeente, and its region when the gemeente is known. */
  public List<String> areasOf(String gemeenteCode) {
    List<String> out = new ArrayList<>(2);
    out.add(gemeenteCode);
    Area g = gemeenten.get(gemeenteCode);
    if (g != null && g.regio() != null && !g.regio().isBlank()) out.add(regionCode(g.regio()));
    return out;
  }

  /** The gemeente or region; an unknown code gives naam and regio 'onbekend'. */
  public Area area(String code) {
    Area a = gemeenten.get(code);
    if (a == null) a = regions.get(code);
    return a != null ? a : new Area(code, Dims.ONBEKEND, null, Dims.ONBEKEND);
  }

  /** The region name of an area (for a region: itself), or 'onbekend'. */
  public String regioOf(String code) {
    return area(code).regio();
  }

  public Map<String, Area> gemeenten() {
    return gemeenten;
  }

  public Map<String, Area> regions() {
    return regions;
  }
}
