package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --defects 0.1: faults exist, at roughly the rate, and undamaged records equal the defect-free run. */
class GeneratorDefectsTest {
  static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  static Fixtures.Run clean;
  static Fixtures.Run faulty;

  @BeforeAll
  static void generate() {
    clean = Fixtures.get(Fixtures.MEDIUM);
    faulty = Fixtures.get(Fixtures.MEDIUM_DEFECTS);
  }

  static boolean badDate(String s) {
    if (s.isEmpty()) return false;
    try {
      LocalDate.parse(s, STRICT);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  static boolean badBsn(String s) {
    return !Fixtures.elf(s) || s.equals("000000000");
  }

  @Test
  void registrationDefectsAtRoughlyTheRate() throws Exception {
    List<String[]> rows = Fixtures.csvRows(faulty.dir().resolve("registraties"));
    Set<String> cleanLines = new HashSet<>();
    for (String[] r : Fixtures.csvRows(clean.dir().resolve("registraties"))) cleanLines.add(String.join(";", r));
    Map<String, Integer> kinds = new HashMap<>();
    int bad = 0;
    for (String[] r : rows) {
      String kind = null;
      if (r.length != 15) kind = "fieldcount";
      else if (r[1].length() == 8) kind = "bsn8";
      else if (r[1].equals("999999999") || r[1].equals("000000000")) kind = "placeholder";
      else if (badBsn(r[1])) kind = "elf";
      else if (badDate(r[2]) || badDate(r[12])) kind = "date";
      else if (r[10].equals("07")) kind = "verwijzer07";
      if (kind != null) {
        bad++;
        kinds.merge(kind, 1, Integer::sum);
      } else {
        assertTrue(cleanLines.contains(String.join(";", r)), "an undamaged row differs from the defect-free run");
      }
    }
    double rate = bad / (double) rows.size();
    assertTrue(rows.size() > 1000, "rows " + rows.size());
    assertTrue(rate > 0.07 && rate < 0.13, "registraties defect rate " + rate + " " + kinds);
    for (String k : List.of("fieldcount", "placeholder", "elf", "date", "verwijzer07")) {
      assertTrue(kinds.getOrDefault(k, 0) > 0, "no " + k + " in " + kinds);
    }
    // same number of underlying rows: defects damage rows, they do not add or drop them here
    assertEquals(cleanLines.size(), rows.size());
  }

  @Test
  void declarationDefectsAtRoughlyTheRate() throws Exception {
    List<String[]> rows = Fixtures.csvRows(faulty.dir().resolve("declaraties"));
    Set<String> cleanLines = new HashSet<>();
    for (String[] r : Fixtures.csvRows(clean.dir().resolve("declaraties"))) cleanLines.add(String.join(";", r));
    Map<String, Integer> kinds = new HashMap<>();
    Set<String> keys = new HashSet<>();
    int bad = 0;
    for (String[] r : rows) {
      String kind = null;
      if (r.length != 15) kind = "fieldcount";
      else if (!keys.add(r[2] + "|" + r[3])) kind = "duplicate";
      else if (r[4].length() == 8) kind = "bsn8";
      else if (r[4].equals("999999999") || r[4].equals("000000000")) kind = "placeholder";
      else if (badBsn(r[4])) kind = "elf";
      else if (badDate(r[8]) || badDate(r[9])) kind = "date";
      else if (r[6].equals("99")) kind = "categorie99";
      else if (!r[13].matches("\\d+,\\d{2}")) kind = "amount";
      if (kind != null) {
        bad++;
        kinds.merge(kind, 1, Integer::sum);
      } else {
        assertTrue(cleanLines.contains(String.join(";", r)), "an undamaged row differs from the defect-free run");
      }
    }
    double rate = bad / (double) rows.size();
    assertTrue(rate > 0.07 && rate < 0.13, "declaraties defect rate " + rate + " " + kinds);
    for (String k : List.of("fieldcount", "duplicate", "bsn8", "placeholder", "elf", "date", "categorie99", "amount")) {
      assertTrue(kinds.getOrDefault(k, 0) > 0, "no " + k + " in " + kinds);
    }
    // duplicates are the only added rows
    assertEquals(cleanLines.size() + kinds.get("duplicate"), rows.size());
  }

  @Test
  void xmlDefects() throws Exception {
    int notWellFormed = 0;
    int badBsns = 0;
    int files = 0;
    int duplicates = 0;
    for (Path f : Fixtures.files(faulty.dir().resolve("ijw"), "*.xml")) {
      files++;
      org.w3c.dom.Document d;
      try {
        d = Fixtures.parse(f);
      } catch (org.xml.sax.SAXParseException e) {
        notWellFormed++;
        continue;
      }
      org.w3c.dom.NodeList bsns = d.getElementsByTagNameNS("*", "Bsn");
      for (int i = 0; i < bsns.getLength(); i++) if (badBsn(bsns.item(i).getTextContent())) badBsns++;
      Set<String> refs = new HashSet<>();
      org.w3c.dom.NodeList rn = d.getElementsByTagNameNS("*", "ReferentieNummer");
      for (int i = 0; i < rn.getLength(); i++) if (!refs.add(rn.item(i).getTextContent())) duplicates++;
    }
    assertTrue(notWellFormed >= 1, "no not-well-formed XML file");
    assertTrue(notWellFormed < files * 0.05, notWellFormed + " of " + files);
    assertTrue(badBsns > 0 && duplicates > 0, badBsns + " bad BSNs, " + duplicates + " duplicate prestaties");
    assertEquals(faulty.summary().defects("NOT_WELL_FORMED_XML"), notWellFormed);
  }
}
