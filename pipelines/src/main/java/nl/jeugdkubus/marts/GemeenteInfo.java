package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.staging.GemeenteCodes;

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

  /** From the run's configuration tables (null: the packaged conf/), on the newest boundaries. */
  public static GemeenteInfo load(ConfTables conf) {
    return load(conf, null);
  }

  /**
   * On the gemeente boundaries of 1 January of {@code boundaries} (null: the newest): the gemeenten of
   * gemeenten-2026.csv that exist then, plus the gemeenten merged away later, with their name from
   * herindelingen.csv and the provincie and regio of the gemeente they lie in now (appended in code order).
   */
  public static GemeenteInfo load(ConfTables conf, Integer boundaries) {
    ConfTables c = conf == null ? ConfTables.packaged() : conf;
    ConfTable t = c.table("gemeenten-2026.csv");
    Map<String, Area> now = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      String code = r.get("gemeente_code");
      now.put(code, new Area(code, r.get("gemeente_naam"), r.get("provincie"), r.get("regio")));
    }
    if (boundaries == null) return new GemeenteInfo(now);
    GemeenteCodes codes = GemeenteCodes.load(c).forBoundaries(boundaries);
    Set<String> on = codes.gemeentenOnBoundaries();
    Map<String, Area> m = new LinkedHashMap<>();
    now.forEach((code, a) -> {
      if (on.contains(code)) m.put(code, a);
    });
    for (String code : new TreeSet<>(on)) {
      if (m.containsKey(code)) continue;
      Area lies = now.get(codes.resolve(code));
      m.put(code, new Area(code, codes.oudeNaam(code), lies.provincie(), lies.regio()));
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
