package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Contract and consistency checks on a generated data set without defects. */
class GeneratorContentTest {
  // copied by hand from docs/input-formats.md, sections 1 and 3
  static final String REGISTRATIE_HEADER = "registratie_id;bsn;geboortedatum;geslacht;postcode;gemeentecode;wijk;soort;"
      + "type_ondersteuning;signaleerder;verwijzer_cod327;aanmelddatum;startdatum;einddatum;toewijzingnummer";
  static final String DECLARATIE_HEADER = "gemeentecode;aanbieder;declaratienummer;referentienummer;bsn;toewijzingnummer;"
      + "productcategorie;productcode;periode_begin;periode_eind;geleverd_volume;eenheid;producttarief;bedrag;debet_credit";
  static final Set<String> SIGNALEERDERS = Set.of("primair_onderwijs", "huisarts", "gemeentelijke_toegang", "geen_verwijzer",
      "integrale_vroeghulp", "zorgprofessional", "voortgezet_onderwijs", "voorschoolse_opvang_jgz", "azc", "medisch_specialist",
      "overig", "veilig_thuis", "jeugdarts");
  static final Set<String> VERWIJZERS = Set.of("01", "02", "03", "04", "05", "06", "08");
  static final Set<String> ACHTERHOEK = Set.of("GM0197", "GM1859", "GM1876", "GM0222", "GM1955", "GM1586", "GM1509", "GM0294");

  static Fixtures.Run run;
  static List<String[]> registraties;
  static List<String[]> declaraties;
  /** toewijzingnummer -> BSN, from JW301. */
  static Map<String, String> jw301 = new HashMap<>();
  /** toewijzingnummer -> ingangsdatum, from JW301. */
  static Map<String, String> jw301Ingang = new HashMap<>();
  static List<String[]> jw323 = new ArrayList<>(); // {declaratienummer, referentienummer, bsn, toewijzingnummer, bedrag, dc, afzender, ontvanger}
  static List<String> xmlBsns = new ArrayList<>();
  static List<String[]> jw305 = new ArrayList<>(); // {toewijzingnummer, ingangsdatum, begindatum}

  @BeforeAll
  static void load() throws Exception {
    run = Fixtures.get(Fixtures.SMALL);
    registraties = Fixtures.csvRows(run.dir().resolve("registraties"));
    declaraties = Fixtures.csvRows(run.dir().resolve("declaraties"));
    for (Path f : Fixtures.files(run.dir().resolve("ijw"), "*.xml")) {
      Document d = Fixtures.parse(f);
      String kind = d.getDocumentElement().getNamespaceURI();
      String afzender = text(d.getDocumentElement(), "Afzender");
      String ontvanger = text(d.getDocumentElement(), "Ontvanger");
      NodeList bsns = d.getElementsByTagNameNS("*", "Bsn");
      for (int i = 0; i < bsns.getLength(); i++) xmlBsns.add(bsns.item(i).getTextContent());
      if (kind.endsWith("jw301/schema")) {
        assertTrue(afzender.matches("\\d{4}") && ontvanger.matches("\\d{8}"), f.toString());
        String bsn = text(d.getDocumentElement(), "Bsn");
        NodeList ps = d.getElementsByTagNameNS("*", "ToegewezenProduct");
        for (int i = 0; i < ps.getLength(); i++) {
          Element p = (Element) ps.item(i);
          jw301.put(text(p, "ToewijzingNummer"), bsn);
          jw301Ingang.put(text(p, "ToewijzingNummer"), text(p, "Ingangsdatum"));
        }
      } else if (kind.endsWith("jw305/schema")) {
        assertTrue(afzender.matches("\\d{8}") && ontvanger.matches("\\d{4}"), f.toString());
        NodeList ps = d.getElementsByTagNameNS("*", "StartProduct");
        for (int i = 0; i < ps.getLength(); i++) {
          Element p = (Element) ps.item(i);
          jw305.add(new String[] {text(p, "ToewijzingNummer"), text(p, "ToewijzingIngangsdatum"), text(p, "Begindatum")});
        }
      } else if (kind.endsWith("jw323/schema")) {
        assertTrue(afzender.matches("\\d{8}") && ontvanger.matches("\\d{4}"), f.toString());
        String dn = text(d.getDocumentElement(), "DeclaratieNummer");
        NodeList clients = d.getElementsByTagNameNS("*", "Client");
        for (int c = 0; c < clients.getLength(); c++) {
          Element client = (Element) clients.item(c);
          String bsn = text(client, "Bsn");
          NodeList ps = client.getElementsByTagNameNS("*", "Prestatie");
          for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            jw323.add(new String[] {dn, text(p, "ReferentieNummer"), bsn, text(p, "ToewijzingNummer"), text(p, "Bedrag"),
                text(p, "DebetCredit"), afzender, ontvanger});
          }
        }
      }
    }
  }

  static String text(Element e, String local) {
    NodeList n = e.getElementsByTagNameNS("*", local);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  @Test
  void filesAndHeadersFollowTheContract() throws Exception {
    // one file per gemeente, plus one per gemeente that young people moved to (..._verhuisd, Patterns)
    List<Path> reg = Fixtures.files(run.dir().resolve("registraties"), "*.csv");
    assertEquals(8, reg.stream().filter(f -> !f.toString().endsWith("_verhuisd.csv")).count());
    for (Path f : reg) {
      assertEquals(REGISTRATIE_HEADER, Fixtures.header(f));
      String gm = f.getFileName().toString().replace("registraties_", "").replace("_verhuisd", "").replace(".csv", "");
      assertTrue(ACHTERHOEK.contains(gm), gm);
    }
    List<Path> decl = Fixtures.files(run.dir().resolve("declaraties"), "*.csv");
    assertEquals(16, decl.stream().filter(f -> !f.toString().endsWith("_verhuisd.csv")).count()); // 8 gemeenten x 2 years
    for (Path f : decl) {
      assertEquals(DECLARATIE_HEADER, Fixtures.header(f));
      assertTrue(f.getFileName().toString().matches("declaraties_GM\\d{4}_202[34](_verhuisd)?\\.csv"), f.toString());
    }
    for (String t : List.of("03759ned_TypedDataSet.json", "03759ned_Perioden.json", "85098NED_TypedDataSet.json", "85098NED_Perioden.json",
        "85097NED_TypedDataSet.json", "85097NED_Perioden.json", "85100NED_TypedDataSet.json", "85100NED_Perioden.json")) {
      assertTrue(run.dir().resolve("cbs").resolve(t).toFile().isFile(), t);
    }
  }

  @Test
  void everyBsnPassesTheElevenTest() {
    int n = 0;
    for (String[] r : registraties) {
      assertTrue(Fixtures.elf(r[1]), "registratie " + r[0]);
      assertFalse(r[1].startsWith("9999"));
      n++;
    }
    for (String[] r : declaraties) {
      assertTrue(Fixtures.elf(r[4]), "declaratie " + r[3]);
      n++;
    }
    for (String b : xmlBsns) {
      assertTrue(Fixtures.elf(b));
      n++;
    }
    assertTrue(n > 5000, "checked " + n);
  }

  @Test
  void registrationRowsAreWellFormed() {
    Set<String> ids = new HashSet<>();
    int lt = 0;
    int toegang = 0;
    int openLocalTeam = 0;
    Map<String, Integer> verwijzer = new HashMap<>();
    for (String[] r : registraties) {
      assertEquals(15, r.length);
      assertTrue(ids.add(r[0]), "duplicate registratie_id " + r[0]);
      LocalDate.parse(r[2]);
      assertTrue(r[3].matches("[MVO]"));
      assertTrue(r[4].isEmpty() || r[4].matches("[1-9]\\d{3}[A-Z]{2}"), r[4]);
      assertTrue(ACHTERHOEK.contains(r[5]));
      assertTrue(r[9].isEmpty() || SIGNALEERDERS.contains(r[9]), r[9]);
      LocalDate start = LocalDate.parse(r[12]);
      if (!r[13].isEmpty()) assertFalse(LocalDate.parse(r[13]).isBefore(start), r[0]);
      if (r[7].equals("lokaal_team")) {
        lt++;
        assertTrue(r[10].isEmpty() && r[14].isEmpty());
        if (r[13].isEmpty()) openLocalTeam++;
      } else {
        assertEquals("toegang", r[7]);
        toegang++;
        assertTrue(VERWIJZERS.contains(r[10]), r[10]);
        assertNotNull(jw301.get(r[14]), "toegang row " + r[0] + " points at a toewijzing without JW301");
        assertEquals(r[1], jw301.get(r[14]), "BSN of toegang row and JW301 differ");
        verwijzer.merge(r[10], 1, Integer::sum);
      }
    }
    assertTrue(lt > 300 && toegang > 300, lt + " / " + toegang);
    assertTrue(openLocalTeam > 0);
    // every JW301 product has exactly one toegang row
    assertEquals(jw301.size(), toegang);
    // rough verwijzer mix (brief: 01 ~45%, 02 ~33%)
    double p01 = verwijzer.getOrDefault("01", 0) / (double) toegang;
    double p02 = verwijzer.getOrDefault("02", 0) / (double) toegang;
    assertTrue(p01 > 0.35 && p01 < 0.55, "01: " + p01);
    assertTrue(p02 > 0.24 && p02 < 0.42, "02: " + p02);
  }

  @Test
  void prestatiesReferToJw301OfTheSameClient() {
    assertTrue(jw323.size() > 1000, "prestaties: " + jw323.size());
    for (String[] p : jw323) {
      String bsn = jw301.get(p[3]);
      assertNotNull(bsn, "prestatie " + p[1] + " without JW301");
      assertEquals(bsn, p[2], "prestatie " + p[1] + ": BSN differs from the JW301's");
    }
  }

  @Test
  void declarationsCsvHoldsTheSamePrestatiesAsJw323() {
    Map<String, String[]> xml = new HashMap<>();
    for (String[] p : jw323) assertNull(xml.put(p[0] + "|" + p[1], p), "duplicate key in JW323 " + p[1]);
    assertEquals(jw323.size(), declaraties.size());
    for (String[] r : declaraties) {
      String[] p = xml.get(r[2] + "|" + r[3]);
      assertNotNull(p, "CSV row not in JW323: " + r[3]);
      assertEquals(p[2], r[4]); // bsn
      assertEquals(p[3], r[5]); // toewijzingnummer
      assertEquals(p[5], r[14]); // D/C
      assertEquals(p[6], r[1]); // aanbieder = JW323 Afzender
      assertEquals("GM" + p[7], r[0]); // gemeente = JW323 Ontvanger
      // amounts: euros with a decimal comma; bedrag = volume x tarief; cents equal the XML's
      assertTrue(r[12].matches("\\d+,\\d{2}") && r[13].matches("\\d+,\\d{2}"), r[12] + " " + r[13]);
      long tarief = Long.parseLong(r[12].replace(",", ""));
      long bedrag = Long.parseLong(r[13].replace(",", ""));
      assertEquals(Long.parseLong(r[10]) * tarief, bedrag, r[3]);
      assertEquals(Long.parseLong(p[4]), bedrag);
      LocalDate b = LocalDate.parse(r[8]);
      LocalDate e = LocalDate.parse(r[9]);
      assertEquals(b.getMonth(), e.getMonth(), "product period within one month");
      assertFalse(e.isBefore(b));
    }
  }

  private static void assertNull(Object o, String msg) {
    assertTrue(o == null, msg);
  }

  @Test
  void creditLinesAreFollowedByANewDebit() {
    Set<String> keys = new HashSet<>();
    for (String[] p : jw323) keys.add(p[1]);
    int credits = 0;
    for (String[] p : jw323) {
      if (!p[5].equals("C")) continue;
      credits++;
      String base = p[1].substring(0, p[1].length() - 1);
      assertTrue(keys.contains(base + "1"), "credit without original: " + p[1]);
      assertTrue(keys.contains(base + "3"), "credit without new debit: " + p[1]);
    }
    assertTrue(credits > 0, "no corrections generated");
  }

  @Test
  void startWithinSixtyDaysOfIngangsdatum() {
    assertFalse(jw305.isEmpty());
    for (String[] s : jw305) {
      assertEquals(jw301Ingang.get(s[0]), s[1]);
      long days = ChronoUnit.DAYS.between(LocalDate.parse(s[1]), LocalDate.parse(s[2]));
      assertTrue(days >= 0 && days <= 60, s[0] + ": " + days);
    }
  }

  @Test
  void cbsTablesAreConsistent() throws Exception {
    ObjectMapper om = new ObjectMapper();
    JsonNode pop = om.readTree(run.dir().resolve("cbs/03759ned_TypedDataSet.json").toFile());
    assertTrue(pop.get("odata.metadata").asText().contains("/03759ned/"));
    Map<String, Long> cells = new HashMap<>();
    for (JsonNode r : pop.get("value")) {
      assertEquals(10, r.get("RegioS").asText().length());
      cells.put(r.get("RegioS").asText().trim() + "|" + r.get("Perioden").asText() + "|" + r.get("Leeftijd").asText() + "|"
          + r.get("Geslacht").asText(), r.get("BevolkingOp1Januari_1").asLong());
    }
    // 8 gemeenten x 2 years x 3 sexes x 23 ages
    assertEquals(8 * 2 * 3 * 23, cells.size());
    long total = 0;
    for (String gm : ACHTERHOEK) {
      for (String y : List.of("2023JJ00", "2024JJ00")) {
        for (int a = 0; a <= 22; a++) {
          String k = gm + "|" + y + "|" + String.format("LFT%03d", a) + "|";
          assertEquals(cells.get(k + "3000") + cells.get(k + "4000"), (long) cells.get(k + "T001038"), k);
          if (y.equals("2024JJ00")) total += cells.get(k + "T001038");
        }
      }
    }
    // 0-22 is ~25% of ~302,000 inhabitants, at scale 0.05: ~3,800
    assertTrue(total > 3000 && total < 4600, "population 0-22: " + total);

    JsonNode ind = om.readTree(run.dir().resolve("cbs/85098NED_TypedDataSet.json").toFile());
    Set<String> regions = new HashSet<>();
    int nulls = 0;
    for (JsonNode r : ind.get("value")) {
      regions.add(r.get("RegioS").asText().trim());
      for (String topic : List.of("JongerenMetJeugdhulpInNatura_1", "JongerenMetJeugdhMetVerblInNat_2",
          "JongerenMetJeugdbescherming_3", "JeugdbeschEnJeugdhMetVerblInNat_4", "JongerenMetJeugdreclassering_5")) {
        JsonNode v = r.get(topic);
        assertNotNull(v, topic);
        if (v.isNull()) nulls++;
        else assertTrue(v.asDouble() >= 0 && v.asDouble() <= 100);
      }
      if (r.get("RegioS").asText().trim().equals("NL01") && r.get("Perioden").asText().endsWith("JJ00")) {
        double jh = r.get("JongerenMetJeugdhulpInNatura_1").asDouble();
        assertTrue(jh > 9 && jh < 17, "NL01 jeugdhulp " + jh);
      }
    }
    assertTrue(regions.contains("NL01") && regions.containsAll(ACHTERHOEK));
    assertTrue(nulls > 0, "some cells are null");
    JsonNode per = om.readTree(run.dir().resolve("cbs/85098NED_Perioden.json").toFile());
    Map<String, String> status = new HashMap<>();
    for (JsonNode r : per.get("value")) status.put(r.get("Key").asText(), r.get("Status").asText());
    assertEquals("Definitief", status.get("2023JJ00"));
    assertEquals("Definitief", status.get("2023HJ02"));
    assertEquals("Voorlopig", status.get("2024JJ00"));
    assertEquals("Voorlopig", status.get("2024HJ01"));
  }

  @Test
  void financeTableHasEveryPostPerGemeenteAndYearProportionalToTheYoungPopulation() throws Exception {
    List<String> lines = Files.readAllLines(run.dir().resolve("financien/financien.csv"), StandardCharsets.UTF_8);
    assertEquals("gemeente;jaar;post;bedrag;omschrijving", lines.get(0));
    // 8 gemeenten x 2 full years (2023, 2024) x 3 posts
    assertEquals(8 * 2 * 3, lines.size() - 1);
    Map<String, Double> perPost = new HashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(";", -1);
      assertTrue(ACHTERHOEK.contains(f[0]), f[0]);
      assertTrue(f[1].equals("2023") || f[1].equals("2024"), f[1]);
      assertTrue(f[3].matches("\\d+,\\d\\d"), "euros with a decimal comma: " + f[3]);
      perPost.merge(f[2], Double.parseDouble(f[3].replace(',', '.')), Double::sum);
    }
    assertEquals(Set.of("6.72", "6.82", "preventie"), perPost.keySet());
    // medians per young resident 1,100 > 250 > 60 euros: the sums keep that order
    assertTrue(perPost.get("6.72") > perPost.get("6.82") && perPost.get("6.82") > perPost.get("preventie"), perPost.toString());
  }

  @Test
  void gemeenteAndAanbiederCodesAgreeAcrossSources() {
    Set<String> aanbiedersCsv = new HashSet<>();
    for (String[] r : declaraties) aanbiedersCsv.add(r[1]);
    for (String a : aanbiedersCsv) assertTrue(a.matches("\\d{8}"), a);
    for (String[] p : jw323) assertTrue(ACHTERHOEK.contains("GM" + p[7]));
  }
}
