package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.RegistrationRow;
import org.junit.jupiter.api.Test;

/**
 * Runs every reader over every fixture (the input tree, all iJw example messages, and damaged copies
 * made here) and checks that no dead letter holds a BSN, birth date or name found in the inputs.
 */
class NoPersonalDataInDeadLettersTest {
  private static final Pattern XML_BSN = Pattern.compile("<[\\w:]*Bsn>([^<]*)</");
  private static final Pattern XML_BIRTH = Pattern.compile("<[\\w:]*Geboortedatum>\\s*<[\\w:]*Datum>([^<]*)</");
  private static final Pattern XML_NAME =
      Pattern.compile("<[\\w:]*(?:Achternaam|Voornamen)>([^<]*)</");

  private final Map<String, String> inputs = new LinkedHashMap<>(); // file name -> content
  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<DeadLetter> dead = new ArrayList<>();

  private void collectSecretsFromXml(String xml) {
    for (Pattern p : List.of(XML_BSN, XML_BIRTH)) {
      Matcher m = p.matcher(xml);
      while (m.find()) addSecret(m.group(1));
    }
    // names (prefixes such as "de" are too short to look for)
    Matcher m = XML_NAME.matcher(xml);
    while (m.find()) addSecret(m.group(1));
  }

  private void collectSecretsFromCsv(String csv) {
    String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
    List<String> header = List.of(lines[0].split(";", -1));
    int bsn = header.indexOf("bsn");
    int birth = header.indexOf("geboortedatum");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(";", -1);
      if (bsn >= 0 && bsn < f.length) addSecret(f[bsn]);
      if (birth >= 0 && birth < f.length) addSecret(f[birth]);
    }
  }

  private void addSecret(String s) {
    String t = s.strip();
    if (t.isEmpty()) return;
    secrets.add(t);
    secrets.add(t.replaceAll("\\s", ""));
    String n = StagingValues.normaliseBsn(t);
    if (n != null) secrets.add(n);
  }

  @Test
  void noDeadLetterRevealsABsnBirthDateOrName() throws IOException {
    Path in = StagingFixtures.input();
    for (String sub : List.of("registraties", "declaraties", "ijw", "cbs")) {
      for (Path f : StagingFixtures.files(in.resolve(sub))) {
        inputs.put(sub + "/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    for (Path f : StagingFixtures.files(StagingFixtures.resource("ijw-voorbeeldberichten"))) {
      String xml = Files.readString(f, StandardCharsets.UTF_8);
      inputs.put("ijw/" + f.getFileName(), xml);
      // damaged copies: impossible birth date, bad BSN, cut-off file, unknown geslacht
      inputs.put("ijw/birth-" + f.getFileName(), xml.replace("2010-02-14", "2010-02-31"));
      inputs.put("ijw/bsn-" + f.getFileName(), xml.replace("999900006", "99990000612"));
      inputs.put("ijw/short-" + f.getFileName(), xml.replace("999900006", "9999006"));
      inputs.put("ijw/cut-" + f.getFileName(), xml.substring(0, xml.indexOf("999900006") + 5));
    }
    String decl = inputs.get("declaraties/declaraties-2026-04.csv");
    inputs.put("declaraties/wrong-column.csv", decl.replace("GM0384;65656055;DN001;RN002;999900006;", "999900006;65656055;DN001;RN002;GM0384;"));
    inputs.put("declaraties/short-row.csv", decl + "GM0384;999900031\n");

    RegistrationCsvParser reg = new RegistrationCsvParser();
    DeclarationCsvParser dec = new DeclarationCsvParser();
    IjwMessageParser ijw = new IjwMessageParser();
    CbsTableParser cbs = new CbsTableParser();
    for (Map.Entry<String, String> e : inputs.entrySet()) {
      String name = e.getKey();
      String text = e.getValue();
      if (name.startsWith("ijw/")) {
        collectSecretsFromXml(text);
        IjwMessageParser.Result r = new IjwMessageParser.Result();
        ijw.parse(name, TestText.utf8(text), r);
        dead.addAll(r.deadLetters);
      } else if (name.startsWith("registraties/")) {
        collectSecretsFromCsv(text);
        ParseResult<RegistrationRow> r = new ParseResult<>();
        reg.parse(name, TestText.utf8(text), r);
        dead.addAll(r.deadLetters());
      } else if (name.startsWith("declaraties/")) {
        collectSecretsFromCsv(text);
        ParseResult<DeclaratieRegel> r = new ParseResult<>();
        dec.parse(name, TestText.utf8(text), r);
        dead.addAll(r.deadLetters());
      } else if (!CbsTableParser.isPeriodenFile(name)) {
        ParseResult<CbsCell> r = new ParseResult<>();
        cbs.parse(name, TestText.utf8(text), t -> null, r);
        dead.addAll(r.deadLetters());
      }
    }
    // the check means something only when there are secrets and dead letters about them
    assertTrue(secrets.contains("999900006") && secrets.contains("2010-02-14") && secrets.contains("Bakker"), secrets::toString);
    assertTrue(secrets.contains("9999 001") && secrets.contains("2012-02-30"), secrets::toString);
    assertTrue(dead.size() > 60, "dead letters: " + dead.size());
    assertTrue(dead.stream().anyMatch(d -> d.getReason().equals("INVALID_BSN")));
    assertTrue(dead.stream().anyMatch(d -> d.getReason().equals("INVALID_DATE") && d.getDetail().contains("Geboortedatum")));
    assertTrue(dead.stream().anyMatch(d -> d.getReason().equals("NOT_WELL_FORMED")));

    for (DeadLetter d : dead) {
      String all = d.toString();
      for (String s : secrets) {
        assertFalse(all.contains(s), () -> "dead letter reveals '" + s + "': " + all);
      }
      if (d.getMaskedId() != null) assertTrue(d.getMaskedId().startsWith("*"), d::toString);
    }
  }
}
