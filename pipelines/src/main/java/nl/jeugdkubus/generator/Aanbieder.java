package nl.jeugdkubus.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A synthetic jeugdhulp aanbieder: an 8-digit AGB-style code, the JZ020 categories it delivers and a
 * tariff factor. {@link Pool} holds twelve regional aanbieders per jeugdregio and ten national ones
 * (gecertificeerde instellingen for 47/48, landelijk ingekochte zorg, large ggz/ambulant providers).
 *
 * @param index     position in the pool (used in declaratienummers, 3 digits)
 * @param agb       8-digit code
 * @param regio     jeugdregio, or null for a national aanbieder
 * @param categories JZ020 categories delivered
 * @param tariffFactor multiplier on catalogue tariffs
 */
public record Aanbieder(int index, String agb, String regio, Set<String> categories, double tariffFactor) {

  /** Regional profiles: which categories each of the twelve regional aanbieders delivers. */
  static final List<Set<String>> REGIONAL_PROFILES = List.of(
      Set.of("45", "34", "32", "31", "40", "50"),
      Set.of("45", "54", "32"),
      Set.of("45", "40", "50", "34"),
      Set.of("45", "54"),
      Set.of("54", "45"),
      Set.of("45", "34", "46"),
      Set.of("41", "42", "33", "45"),
      Set.of("41", "42", "40"),
      Set.of("43", "44", "38", "46", "36"),
      Set.of("35", "36", "44"),
      Set.of("43", "44", "46", "45"),
      Set.of("45", "50", "54", "40"));

  static final List<Set<String>> NATIONAL_PROFILES = List.of(
      Set.of("48", "47"),
      Set.of("48", "47"),
      Set.of("48"),
      Set.of("47"),
      Set.of("55", "37", "43"),
      Set.of("55", "43", "38"),
      Set.of("37", "55"),
      Set.of("54", "45"),
      Set.of("54"),
      Set.of("45", "46"));

  /** The aanbieders of the whole country; a regional run uses only those of its regios. */
  public static final class Pool {
    private final List<Aanbieder> all = new ArrayList<>();
    private final Map<String, Map<String, List<Aanbieder>>> byRegioCategory = new LinkedHashMap<>();

    public Pool(long seed, List<Gemeente> national) {
      Set<String> regios = new TreeSet<>();
      for (Gemeente g : national) regios.add(g.regio());
      SplittableRandom r = Rng.of(seed, 0xAA2BL);
      Set<String> used = new HashSet<>();
      for (Set<String> prof : NATIONAL_PROFILES) add(r, used, null, prof);
      for (String regio : regios) {
        for (Set<String> prof : REGIONAL_PROFILES) add(r, used, regio, prof);
      }
      for (String regio : regios) {
        Map<String, List<Aanbieder>> m = new LinkedHashMap<>();
        for (Aanbieder a : all) {
          if (a.regio() != null && !a.regio().equals(regio)) continue;
          for (String c : new TreeSet<>(a.categories())) m.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
        }
        byRegioCategory.put(regio, m);
      }
    }

    private void add(SplittableRandom r, Set<String> used, String regio, Set<String> categories) {
      String agb;
      do {
        agb = "75" + String.format("%06d", r.nextInt(1_000_000));
      } while (!used.add(agb));
      double f = 0.9 + 0.2 * r.nextDouble();
      all.add(new Aanbieder(all.size(), agb, regio, Collections.unmodifiableSet(new TreeSet<>(categories)), f));
    }

    public List<Aanbieder> all() {
      return Collections.unmodifiableList(all);
    }

    /**
     * An aanbieder for a category in a regio: regional ones first (Zipf weights, the first listed is the
     * largest), national ones with a lower weight; {@code avoid} (may be null) is skipped when possible.
     */
    Aanbieder choose(String regio, String category, SplittableRandom r, Aanbieder avoid) {
      List<Aanbieder> cands = byRegioCategory.getOrDefault(regio, Map.of()).get(category);
      if (cands == null || cands.isEmpty()) throw new IllegalStateException("no aanbieder for category " + category + " in " + regio);
      List<Aanbieder> c = cands;
      if (avoid != null && cands.size() > 1) {
        c = new ArrayList<>(cands);
        c.remove(avoid);
      }
      double[] w = new double[c.size()];
      int k = 0;
      for (int i = 0; i < c.size(); i++) {
        Aanbieder a = c.get(i);
        w[i] = a.regio() == null ? 0.35 : 1.0 / (1 + k++);
      }
      return c.get(Rng.weighted(r, w));
    }
  }
}
