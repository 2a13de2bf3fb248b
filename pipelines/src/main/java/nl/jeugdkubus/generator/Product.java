package nl.jeugdkubus.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A product of the synthetic catalogue: JZ020 category, product code, WJ756 unit, tariff and the
 * profiles of volume per month and planned duration. Tariffs are 2021 euro cents per unit and are
 * indexed by {@link #INDEXATION} a year.
 *
 * @param category      JZ020 productcategorie
 * @param code          product code (5 characters)
 * @param eenheid       WJ756: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 83 euro, 84 stuks (inspanning)
 * @param tariff2021    cents per unit in 2021
 * @param monthlyVolume median volume per full month (ignored for etmaal: the days present)
 * @param volumeSigma   log-scale spread of the monthly volume between clients
 * @param plannedMonths median planned duration of a toewijzing in months
 * @param durationSigma log-scale spread of the planned duration
 * @param weight        share within its category
 */
public record Product(
    String category, String code, String eenheid, int tariff2021, double monthlyVolume, double volumeSigma,
    double plannedMonths, double durationSigma, double weight) {

  public static final double INDEXATION = 0.04;

  static final Map<String, List<Product>> BY_CATEGORY;

  static {
    List<Product> all = List.of(
        new Product("31", "31A01", "04", 7000, 6, 0.5, 7, 0.6, 1),
        new Product("32", "32A01", "04", 8000, 5, 0.5, 9, 0.6, 1),
        new Product("33", "33A01", "16", 8000, 8, 0.4, 9, 0.5, 1),
        new Product("34", "34A01", "04", 7000, 6, 0.5, 8, 0.6, 1),
        new Product("35", "35A01", "14", 5500, 0, 0, 24, 0.6, 1),
        new Product("36", "36A01", "14", 15000, 0, 0, 18, 0.6, 1),
        new Product("37", "37A01", "14", 60000, 0, 0, 6, 0.5, 1),
        new Product("38", "38A01", "14", 25000, 0, 0, 12, 0.6, 1),
        new Product("40", "40A01", "04", 5500, 10, 0.6, 12, 0.6, 1),
        new Product("41", "41A01", "16", 9500, 10, 0.4, 12, 0.5, 1),
        new Product("42", "42A01", "84", 2500, 20, 0.3, 12, 0.5, 1),
        new Product("43", "43A01", "14", 32000, 0, 0, 12, 0.6, 1),
        new Product("44", "44A01", "14", 18000, 0, 0, 14, 0.6, 1),
        new Product("45", "45A01", "04", 8500, 5, 0.5, 9, 0.6, 50),
        new Product("45", "45A02", "04", 11500, 4, 0.5, 10, 0.6, 30),
        new Product("45", "45B01", "16", 6500, 4, 0.4, 8, 0.5, 20),
        new Product("46", "46A01", "14", 45000, 0, 0, 0.8, 0.5, 40),
        new Product("46", "46A02", "04", 13000, 10, 0.4, 1.0, 0.5, 60),
        new Product("47", "47A01", "14", 5000, 0, 0, 9, 0.4, 1),
        new Product("48", "48A01", "14", 6000, 0, 0, 15, 0.5, 85),
        new Product("48", "48A02", "14", 4500, 0, 0, 36, 0.4, 15),
        new Product("50", "50A01", "83", 100, 900, 0.5, 10, 0.6, 1),
        new Product("54", "54A01", "01", 190, 300, 0.6, 11, 0.6, 70),
        new Product("54", "54A02", "01", 210, 240, 0.5, 4, 0.5, 30),
        new Product("55", "55A01", "14", 40000, 0, 0, 10, 0.6, 1));
    Map<String, List<Product>> m = new LinkedHashMap<>();
    for (Product p : all) m.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p);
    m.replaceAll((k, v) -> Collections.unmodifiableList(v));
    BY_CATEGORY = Collections.unmodifiableMap(m);
  }

  static Product pick(String category, SplittableRandom r) {
    List<Product> ps = BY_CATEGORY.get(category);
    if (ps == null) throw new IllegalArgumentException("no product for category " + category);
    if (ps.size() == 1) return ps.get(0);
    double[] w = new double[ps.size()];
    for (int i = 0; i < w.length; i++) w[i] = ps.get(i).weight();
    return ps.get(Rng.weighted(r, w));
  }

  boolean perDay() {
    return eenheid.equals("14");
  }

  /** Tariff in cents for a year, with the aanbieder's own factor; euro units (83) are always 100 cents. */
  int tariff(int year, double aanbiederFactor) {
    if (eenheid.equals("83")) return 100;
    double t = tariff2021 * aanbiederFactor * Math.pow(1 + INDEXATION, Math.max(0, year - 2021));
    return (int) Math.max(1, Math.round(t));
  }

  /** Categories with verblijf (CBS hulpvorm 11-14), as conf/hulpvorm-mapping.csv maps them. */
  static boolean isVerblijf(String category) {
    return switch (category) {
      case "35", "36", "37", "38", "43", "44", "55" -> true;
      default -> false;
    };
  }

  /** Jeugdhulp as CBS counts it: not JB (48), JR (47, 49) or vervoer (42). */
  static boolean isJeugdhulp(String category) {
    return switch (category) {
      case "42", "47", "48", "49" -> false;
      default -> true;
    };
  }
}
