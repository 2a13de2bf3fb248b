package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The patterns of real data (Patterns, docs/generator.md): each occurs at its rate with the seed, and each
 * looks in the files the way the iJw standard has it. Read back from the written files only.
 */
class GeneratorPatternsTest {
  /** A ToegewezenProduct as written. */
  record P301(String file, String gemeente4, String bsn, String nummer, String cat, String code, String besluit,
      String ingang, String eind, String reden) {}

  /** A StartProduct / StopProduct as written. */
  record PMut(String file, String type, String gemeente4, String bsn, String nummer, String begin, String eind,
      String reden, String status) {}

  static Fixtures.Run run;
  static final List<P301> jw301 = new ArrayList<>();
  static final List<PMut> mut = new ArrayList<>();
  /** toewijzingnummer -> declared categories in JW323. */
  static final Map<String, Set<String>> declaredJw323 = new HashMap<>();
  static final Map<String, Set<String>> declaredCsv = new HashMap<>();
  static List<String[]> registraties;

  @BeforeAll
  static void load() throws Exception {
    run = Fixtures.get(Fixtures.MEDIUM);
    for (Path f : Fixtures.files(run.dir().resolve("ijw"), "*.xml")) {
      Document d = Fixtures.parse(f);
      Element root = d.getDocumentElement();
      String ns = root.getNamespaceURI();
      String file = f.getFileName().toString();
      if (ns.endsWith("jw301/schema")) {
        String bsn = text(root, "Bsn");
        for (Element p : all(root, "ToegewezenProduct")) {
          jw301.add(new P301(file, text(root, "Afzender"), bsn, text(p, "ToewijzingNummer"), text(p, "Categorie"),
              text(p, "Code"), text(p, "Toewijzingsdatum"), text(p, "Ingangsdatum"), text(p, "Einddatum"), text(p, "RedenWijziging")));
        }
      } else if (ns.endsWith("jw305/schema") || ns.endsWith("jw307/schema")) {
        String type = ns.endsWith("jw305/schema") ? "JW305" : "JW307";
        for (Element p : all(root, type.equals("JW305") ? "StartProduct" : "StopProduct")) {
          mut.add(new PMut(file, type, text(root, "Ontvanger"), text(root, "Bsn"), text(p, "ToewijzingNummer"),
              text(p, "Begindatum"), text(p, "Einddatum"), text(p, "RedenBeeindiging"), text(p, "StatusAanlevering")));
        }
      } else if (ns.endsWith("jw323/schema")) {
        for (Element p : all(root, "Prestatie")) {
          declaredJw323.computeIfAbsent(text(p, "ToewijzingNummer"), k -> new TreeSet<>()).add(text(p, "ProductCategorie"));
        }
      }
    }
    for (String[] r : Fixtures.csvRows(run.dir().resolve("declaraties"))) {
      declaredCsv.computeIfAbsent(r[5], k -> new TreeSet<>()).add(r[6]);
    }
    registraties = Fixtures.csvRows(run.dir().resolve("registraties"));
  }

  static List<Element> all(Element e, String local) {
    NodeList n = e.getElementsByTagNameNS("*", local);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) out.add((Element) n.item(i));
    return out;
  }

  static String text(Element e, String local) {
    NodeList n = e.getElementsByTagNameNS("*", local);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  @Test
  void eachPatternOccursAtItsRateWithTheSeed() {
    GenerationSummary s = run.summary();
    Map<String, Double> rates = Map.of("verhuizing", Patterns.MOVE_P, "toewijzing_gewijzigd", Patterns.CHANGE_P,
        "ingetrokken", Patterns.WITHDRAWAL_P, "andere_productcategorie", Patterns.OTHER_CATEGORY_P);
    for (Map.Entry<String, Double> e : rates.entrySet()) {
      long n = s.patterns(e.getKey() + ".kandidaten");
      long k = s.patterns(e.getKey());
      double p = e.getValue();
      double sd = Math.sqrt(n * p * (1 - p));
      System.out.printf("[patterns] %s: %d of %d candidates (%.2f%%, rate %.0f%%)%n", e.getKey(), k, n, 100.0 * k / n, 100 * p);
      assertTrue(n >= 300, e.getKey() + ": too few candidates to measure a rate: " + n);
      // within four standard deviations of the binomial expectation, and present at all
      assertTrue(k >= 1 && Math.abs(k - n * p) <= 4 * sd + 1, e.getKey() + ": " + k + " of " + n + " at rate " + p);
    }
    // the sub-kinds add up
    assertEquals(s.patterns("toewijzing_gewijzigd"), s.patterns("toewijzing_gewijzigd.04") + s.patterns("toewijzing_gewijzigd.05"));
    assertEquals(s.patterns("ingetrokken"), s.patterns("ingetrokken.JW305") + s.patterns("ingetrokken.JW307"));
    assertTrue(s.patterns("toewijzing_gewijzigd.04") > 0 && s.patterns("toewijzing_gewijzigd.05") > 0, s.patterns().toString());
    assertTrue(s.patterns("ingetrokken.JW305") > 0 && s.patterns("ingetrokken.JW307") > 0, s.patterns().toString());
  }

  @Test
  void aChangedToewijzingIsTheSameNumberSentAgainLaterWithItsReason() {
    Map<String, P301> first = new HashMap<>();
    for (P301 p : jw301) if (p.reden() == null) assertEquals(null, first.put(p.nummer(), p), "one first version of " + p.nummer());
    Map<String, Long> byReden = new HashMap<>();
    for (P301 v : jw301) {
      if (v.reden() == null) continue;
      byReden.merge(v.reden(), 1L, Long::sum);
      P301 f = first.get(v.nummer());
      assertNotNull(f, "changed version " + v + " without a first version");
      assertEquals(f.bsn(), v.bsn());
      assertEquals(f.gemeente4(), v.gemeente4());
      assertEquals(f.ingang(), v.ingang());
      assertEquals(f.code(), v.code());
      assertTrue(v.besluit().compareTo(f.besluit()) > 0, "the change is decided later: " + f + " / " + v);
      int c = v.eind().compareTo(f.eind());
      switch (v.reden()) {
        case "04" -> assertTrue(c > 0, "verlenging ends later: " + f + " / " + v);
        case "05", "07" -> assertTrue(c < 0, "verkorting / verhuizing ends earlier: " + f + " / " + v);
        default -> throw new AssertionError("unexpected RedenWijziging " + v);
      }
    }
    GenerationSummary s = run.summary();
    assertEquals(s.patterns("toewijzing_gewijzigd.04"), byReden.getOrDefault("04", 0L));
    assertEquals(s.patterns("toewijzing_gewijzigd.05"), byReden.getOrDefault("05", 0L));
    assertEquals(s.patterns("verhuizing.toewijzingen"), byReden.getOrDefault("07", 0L));
  }

  @Test
  void aWithdrawalRepeatsExactlyOneEarlierMessageAndTheCorrectStartStillArrives() {
    long withdrawals = 0;
    for (PMut w : mut) {
      if (!"3".equals(w.status())) continue;
      withdrawals++;
      List<PMut> same = mut.stream().filter(m -> "1".equals(m.status()) && m.type().equals(w.type())
          && m.nummer().equals(w.nummer()) && m.begin().equals(w.begin()) && java.util.Objects.equals(m.eind(), w.eind())).toList();
      assertEquals(1, same.size(), "withdrawal " + w + " repeats " + same);
      assertEquals(w.reden(), same.get(0).reden());
      if (w.type().equals("JW305")) {
        // the real start of that toewijzing is there too, with another Begindatum
        assertTrue(mut.stream().anyMatch(m -> m.type().equals("JW305") && "1".equals(m.status())
            && m.nummer().equals(w.nummer()) && !m.begin().equals(w.begin())), "no correct start for " + w);
      }
    }
    assertEquals(run.summary().patterns("ingetrokken"), withdrawals);
    assertTrue(mut.stream().allMatch(m -> "1".equals(m.status()) || "3".equals(m.status())));
  }

  @Test
  void aMoveEndsCareInTheOldGemeenteAndContinuesItInTheNextOneTheNextDay() {
    List<Gemeente> national = Regions.national(Fixtures.MEDIUM);
    Map<String, Gemeente> by4 = new HashMap<>();
    for (Gemeente g : national) by4.put(g.code4(), g);
    Set<String> movers = new HashSet<>();
    for (P301 v : jw301) {
      if (!"07".equals(v.reden())) continue;
      movers.add(v.bsn());
      String target4 = GenerateRegion.moveTarget(national, by4.get(v.gemeente4())).code4();
      String next = LocalDate.parse(v.eind()).plusDays(1).toString();
      // the old gemeente's aanbieder stopped on the last day, externe oorzaak (35)
      assertTrue(mut.stream().anyMatch(m -> m.type().equals("JW307") && m.nummer().equals(v.nummer())
          && v.eind().equals(m.eind()) && "35".equals(m.reden()) && "1".equals(m.status())), "no 35 stop for " + v);
      // the new gemeente's toewijzing of the same product from the next day, started that day
      P301 n = jw301.stream().filter(t -> t.bsn().equals(v.bsn()) && t.gemeente4().equals(target4) && t.ingang().equals(next)
          && t.code().equals(v.code()) && t.reden() == null).findFirst().orElseThrow(() -> new AssertionError("no toewijzing in "
          + target4 + " for " + v));
      assertTrue(mut.stream().anyMatch(m -> m.type().equals("JW305") && m.nummer().equals(n.nummer())
          && m.gemeente4().equals(target4) && m.begin().equals(next)), "no start in the new gemeente for " + n);
      // and the new gemeente's toegang registration of it
      assertTrue(registraties.stream().anyMatch(r -> r[5].equals("GM" + target4) && r[14].equals(n.nummer()) && r[7].equals("toegang")),
          "no toegang row for " + n);
    }
    assertEquals(run.summary().patterns("verhuizing"), movers.size());
    // all eight Achterhoek gemeenten are in the run, so every mover's new gemeente is too
    assertEquals(0, run.summary().records("persons.moved_out_of_run"));
  }

  @Test
  void someToewijzingenAreDeclaredUnderAnotherCategoryInBothDeclarationSources() {
    Map<String, String> cat = new HashMap<>();
    for (P301 p : jw301) cat.put(p.nummer(), p.cat());
    Set<String> other = new TreeSet<>();
    for (Map.Entry<String, Set<String>> e : declaredJw323.entrySet()) {
      if (!e.getValue().equals(Set.of(cat.get(e.getKey())))) {
        other.add(e.getKey());
        // all of its lines carry the one other category (Patterns.OTHER_CATEGORY)
        assertEquals(Set.of(Patterns.OTHER_CATEGORY.get(cat.get(e.getKey()))), e.getValue(), e.getKey());
      }
    }
    assertEquals(run.summary().patterns("andere_productcategorie"), other.size());
    for (String nr : other) assertEquals(declaredJw323.get(nr), declaredCsv.get(nr), "CSV agrees for " + nr);
  }
}
