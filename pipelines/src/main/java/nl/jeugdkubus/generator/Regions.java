package nl.jeugdkubus.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.jeugdkubus.common.ConfTable;

/**
 * The gemeenten of a run with their modelled sizes. The national list always covers all 342 gemeenten
 * of conf/gemeenten-2026.csv (so a regional run is exactly the matching part of a national run with
 * the same options): about 40 gemeenten have a pinned, roughly real size; the others get a
 * plausible log-normal size, scaled so that the country sums to {@link #NATIONAL_INHABITANTS}.
 */
public final class Regions {
  public static final long NATIONAL_INHABITANTS = 17_900_000L;
  /** Share of inhabitants aged 0-22. */
  public static final double YOUTH_SHARE = 0.25;

  static final List<String> ACHTERHOEK = List.of("GM0197", "GM1859", "GM1876", "GM0222", "GM1955", "GM1586", "GM1509", "GM0294");

  /** Roughly real sizes (2024) of the Achterhoek and of the largest and smallest gemeenten. */
  static final Map<String, Integer> PINNED = new LinkedHashMap<>();

  static {
    // Achterhoek
    PINNED.put("GM0197", 27_000); // Aalten
    PINNED.put("GM1859", 44_000); // Berkelland
    PINNED.put("GM1876", 37_000); // Bronckhorst
    PINNED.put("GM0222", 59_000); // Doetinchem
    PINNED.put("GM1955", 36_000); // Montferland
    PINNED.put("GM1586", 30_000); // Oost Gelre
    PINNED.put("GM1509", 40_000); // Oude IJsselstreek
    PINNED.put("GM0294", 29_000); // Winterswijk
    // large
    PINNED.put("GM0363", 930_000); // Amsterdam
    PINNED.put("GM0599", 670_000); // Rotterdam
    PINNED.put("GM0518", 565_000); // 's-Gravenhage
    PINNED.put("GM0344", 370_000); // Utrecht
    PINNED.put("GM0772", 245_000); // Eindhoven
    PINNED.put("GM0014", 242_000); // Groningen
    PINNED.put("GM0855", 228_000); // Tilburg
    PINNED.put("GM0034", 225_000); // Almere
    PINNED.put("GM0758", 186_000); // Breda
    PINNED.put("GM0268", 185_000); // Nijmegen
    PINNED.put("GM0200", 167_000); // Apeldoorn
    PINNED.put("GM0202", 166_000); // Arnhem
    PINNED.put("GM0392", 164_000); // Haarlem
    PINNED.put("GM0394", 162_000); // Haarlemmermeer
    PINNED.put("GM0307", 160_000); // Amersfoort
    PINNED.put("GM0153", 160_000); // Enschede
    PINNED.put("GM0479", 160_000); // Zaanstad
    PINNED.put("GM0796", 159_000); // 's-Hertogenbosch
    PINNED.put("GM0193", 133_000); // Zwolle
    PINNED.put("GM0546", 127_000); // Leiden
    PINNED.put("GM0637", 127_000); // Zoetermeer
    PINNED.put("GM0080", 126_000); // Leeuwarden
    PINNED.put("GM0935", 122_000); // Maastricht
    PINNED.put("GM0228", 121_000); // Ede
    PINNED.put("GM0505", 120_000); // Dordrecht
    PINNED.put("GM0484", 115_000); // Alphen aan den Rijn
    PINNED.put("GM1783", 114_000); // Westland
    PINNED.put("GM0361", 110_000); // Alkmaar
    PINNED.put("GM0114", 108_000); // Emmen
    PINNED.put("GM0503", 105_000); // Delft
    PINNED.put("GM0983", 102_000); // Venlo
    PINNED.put("GM0150", 102_000); // Deventer
    // small
    PINNED.put("GM0088", 950); // Schiermonnikoog
    PINNED.put("GM0096", 1_200); // Vlieland
    PINNED.put("GM0277", 1_700); // Rozendaal
    PINNED.put("GM0060", 3_800); // Ameland
    PINNED.put("GM0093", 4_900); // Terschelling
    PINNED.put("GM0339", 5_600); // Renswoude
    PINNED.put("GM0448", 13_700); // Texel
  }

  private Regions() {}

  /** All 342 gemeenten with sizes, care levels, BSN blocks and PC4 ranges for this config. */
  public static List<Gemeente> national(GeneratorConfig cfg) {
    ConfTable t = ConfTable.packaged("gemeenten-2026.csv");
    List<Map<String, String>> rows = new ArrayList<>(t.rows());
    rows.sort(Comparator.comparing(m -> m.get("gemeente_code")));
    int n = rows.size();
    double[] size = new double[n];
    long pinnedSum = 0;
    double freeSum = 0;
    for (int i = 0; i < n; i++) {
      String code = rows.get(i).get("gemeente_code");
      Integer p = PINNED.get(code);
      if (p != null) {
        size[i] = p;
        pinnedSum += p;
      } else {
        // seed-independent: the country looks the same for every seed
        SplittableRandom r = Rng.of(Rng.hash(code), 0x512EL);
        double s = Rng.logNormal(r, 30_000, 0.55);
        size[i] = Math.max(7_000, Math.min(95_000, s));
        freeSum += size[i];
      }
    }
    double factor = (NATIONAL_INHABITANTS - pinnedSum) / freeSum;
    int years = cfg.to().year() - cfg.from().year() + 1;
    List<Gemeente> out = new ArrayList<>(n);
    long offset = 0;
    int pc4 = 1000;
    for (int i = 0; i < n; i++) {
      Map<String, String> row = rows.get(i);
      String code = row.get("gemeente_code");
      int inh = (int) Math.round(PINNED.containsKey(code) ? size[i] : size[i] * factor);
      SplittableRandom lr = Rng.of(cfg.seed(), Rng.hash(code), 0xCA2EL);
      double level = Math.exp(0.15 * Rng.normal(lr) - 0.5 * 0.15 * 0.15);
      long capacity = (long) Math.ceil(inh * cfg.scale() * YOUTH_SHARE * (24.0 + years) / 23.0 * 1.3) + 1000;
      int wijken = Math.max(3, Math.min(60, inh / 9_000 + 2));
      out.add(new Gemeente(code, row.get("gemeente_naam"), row.get("regio"), inh, level, i, offset, capacity, pc4, wijken));
      offset += capacity;
      pc4 += wijken;
    }
    if (offset > Bsn.Space.SIZE) {
      throw new IllegalArgumentException("--scale too large: the population does not fit the BSN space");
    }
    if (pc4 > 9999) throw new IllegalStateException("PC4 range exhausted");
    return Collections.unmodifiableList(out);
  }

  /** The gemeenten of cfg.region(): achterhoek, national, or a comma-separated list of GM codes. */
  public static List<Gemeente> select(GeneratorConfig cfg) {
    List<Gemeente> all = national(cfg);
    String r = cfg.region().toLowerCase(Locale.ROOT);
    if (r.equals("national") || r.equals("nl") || r.equals("nederland")) return all;
    List<String> codes = new ArrayList<>();
    if (r.equals("achterhoek")) {
      codes.addAll(ACHTERHOEK);
    } else {
      for (String c : cfg.region().split(",")) {
        String t = c.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) continue;
        if (t.matches("\\d{4}")) t = "GM" + t;
        codes.add(t);
      }
    }
    Map<String, Gemeente> byCode = new LinkedHashMap<>();
    for (Gemeente g : all) byCode.put(g.code(), g);
    List<Gemeente> out = new ArrayList<>();
    for (String c : codes) {
      Gemeente g = byCode.get(c);
      if (g == null) {
        throw new IllegalArgumentException("Unknown region or gemeente '" + c + "' (use achterhoek, national or GM codes from conf/gemeenten-2026.csv)");
      }
      if (!out.contains(g)) out.add(g);
    }
    out.sort(Comparator.comparing(Gemeente::code));
    return Collections.unmodifiableList(out);
  }

  /** True when the selection is the whole country (NL01 benchmarks are then the sum of all gemeenten). */
  public static boolean isNational(List<Gemeente> selection) {
    return selection.size() >= 342;
  }
}
