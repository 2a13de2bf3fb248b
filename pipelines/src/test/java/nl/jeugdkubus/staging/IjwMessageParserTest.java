package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IjwMessageParserTest {
  private static final IjwMessageParser PARSER = new IjwMessageParser();

  static String example(String name) throws IOException {
    try (InputStream in = IjwMessageParserTest.class.getClassLoader()
        .getResourceAsStream("ijw-voorbeeldberichten/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static IjwMessageParser.Result parse(String fileName, String xml) {
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    PARSER.parse(fileName, TestText.utf8(xml), r);
    return r;
  }

  private static void assertNoBsnLeak(IjwMessageParser.Result r, String... bsns) {
    for (DeadLetter d : r.deadLetters) {
      for (String b : bsns) assertFalse(TestText.all(d).contains(b), d.toString());
    }
  }

  @Test
  void jw301GivesOneToewijzingPerToegewezenProduct() throws IOException {
    IjwMessageParser.Result r = parse("JW301.xml", example("JW301.xml"));
    assertEquals(List.of(), r.deadLetters);
    assertEquals(2, r.toewijzingen.size());
    IjwToewijzing a = r.toewijzingen.get(0);
    assertEquals("JW301.xml", a.getSourceFile());
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]", a.getPosition());
    assertEquals("123456789012", a.getBerichtId());
    assertEquals("GM0384", a.getGemeenteCode()); // header Afzender 0384
    assertEquals("42420001", a.getAanbiederCode()); // header Ontvanger
    assertEquals("999900006", a.getBsn());
    assertEquals("2010-02-14", a.getGeboortedatum()); // the client's, not a Relatie's (1971-04-07)
    assertEquals("M", a.getGeslacht()); // COD046 1
    assertEquals("300201", a.getToewijzingNummer());
    assertEquals("55", a.getProductCategorie());
    assertEquals("55A11", a.getProductCode());
    assertEquals("2026-04-01", a.getToewijzingsdatum());
    assertEquals("2026-04-01", a.getIngangsdatum());
    assertEquals("2026-07-14", a.getEinddatum());
    assertNull(a.getRedenWijziging());
    IjwToewijzing b = r.toewijzingen.get(1);
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]", b.getPosition());
    assertEquals("300202", b.getToewijzingNummer());
    assertEquals("55A12", b.getProductCode());
    assertEquals("2026-07-19", b.getEinddatum());
  }

  @Test
  void aMergedAwayAfzenderIsMappedAndCountedPerRecord() throws IOException {
    // JW301 sent by 0585 (Binnenmaas, into Hoeksche Waard GM1963 on 2019-01-01): its 2 toewijzingen are mapped and
    // the mapping is counted once per record; the same message from 0197 (Aalten) is counted nowhere
    String xml = example("JW301.xml").replace("<jw301:Afzender>0384</jw301:Afzender>", "<jw301:Afzender>0585</jw301:Afzender>");
    IjwMessageParser.Result r = parse("JW301-0585.xml", xml);
    assertEquals(List.of(), r.deadLetters);
    assertEquals(2, r.toewijzingen.size());
    assertTrue(r.toewijzingen.stream().allMatch(t -> t.getGemeenteCode().equals("GM1963")));
    assertEquals(java.util.Map.of(GemeenteCodes.MAPPED_NOTE, 2L), r.notes);
    IjwMessageParser.Result aalten = parse("JW301-0197.xml", example("JW301.xml").replace("<jw301:Afzender>0384</jw301:Afzender>", "<jw301:Afzender>0197</jw301:Afzender>"));
    assertEquals(2, aalten.toewijzingen.size());
    assertEquals(java.util.Map.of(), aalten.notes);
  }

  @Test
  void jw305GivesStarts() throws IOException {
    IjwMessageParser.Result r = parse("JW305.xml", example("JW305.xml"));
    assertEquals(List.of(), r.deadLetters);
    assertEquals(2, r.startStops.size());
    IjwStartStop a = r.startStops.get(0);
    assertEquals("JW305", a.getBerichtType());
    assertEquals("GM0363", a.getGemeenteCode()); // Ontvanger 0363
    assertEquals("65656055", a.getAanbiederCode()); // Afzender
    assertEquals("300201", a.getToewijzingNummer());
    assertEquals("2026-04-01", a.getToewijzingIngangsdatum());
    assertEquals("2026-04-03", a.getBegindatum());
    assertNull(a.getEinddatum());
    assertNull(a.getRedenBeeindiging());
    assertEquals("1", a.getStatusAanlevering());
    assertEquals("/Bericht/Client/StartProducten/StartProduct[1]", a.getPosition());
    assertEquals("2026-04-15", r.startStops.get(1).getBegindatum());
    assertEquals("300202", r.startStops.get(1).getToewijzingNummer());
  }

  @Test
  void jw307GivesStops() throws IOException {
    IjwMessageParser.Result r = parse("JW307.xml", example("JW307.xml"));
    assertEquals(List.of(), r.deadLetters);
    assertEquals(2, r.startStops.size());
    for (IjwStartStop s : r.startStops) {
      assertEquals("JW307", s.getBerichtType());
      assertEquals("31", s.getRedenBeeindiging());
      assertEquals("2026-07-17", s.getEinddatum());
      assertEquals("GM0363", s.getGemeenteCode());
    }
    assertEquals("2026-04-03", r.startStops.get(0).getBegindatum());
    assertEquals("2026-04-15", r.startStops.get(1).getBegindatum());
    assertEquals("/Bericht/Client/StopProducten/StopProduct[2]", r.startStops.get(1).getPosition());
  }

  @Test
  void jw323GivesOneDeclaratieRegelPerPrestatie() throws IOException {
    IjwMessageParser.Result r = parse("JW323.xml", example("JW323.xml"));
    assertEquals(List.of(), r.deadLetters);
    List<DeclaratieRegel> d = r.declaraties;
    assertEquals(5, d.size());
    // RN004 is declared twice (April and March): both staged, deduplication comes later
    assertEquals(List.of("RN001", "RN002", "RN003", "RN004", "RN004"),
        d.stream().map(DeclaratieRegel::getReferentieNummer).toList());
    assertEquals(List.of(5000L, 24000L, 5000L, 24000L, 21000L), d.stream().map(DeclaratieRegel::getBedragCenten).toList());
    // cross-check against the message's own TotaalIngediendBedrag 79000 D
    assertEquals(79000L, d.stream().mapToLong(DeclaratieRegel::getBedragCenten).sum());
    assertEquals(List.of("999900006", "999900006", "999900018", "999900018", "999900018"),
        d.stream().map(DeclaratieRegel::getBsn).toList());
    DeclaratieRegel a = d.get(0);
    assertEquals("JW323", a.getSourceFormat());
    assertEquals("GM0384", a.getGemeenteCode());
    assertEquals("65656055", a.getAanbiederCode());
    assertEquals("DN001", a.getDeclaratieNummer());
    assertEquals("10072", a.getToewijzingNummer());
    assertEquals("45", a.getProductCategorie());
    assertEquals("45A03", a.getProductCode());
    assertEquals("2026-04-01", a.getPeriodeBegin());
    assertEquals("2026-04-30", a.getPeriodeEind());
    assertEquals(4L, a.getGeleverdVolume());
    assertEquals("04", a.getEenheid());
    assertEquals(1250L, a.getProductTariefCenten());
    assertEquals("D", a.getDebetCredit());
    assertEquals("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]", a.getPosition());
    DeclaratieRegel last = d.get(4);
    assertEquals("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]", last.getPosition());
    assertEquals("2026-03-01", last.getPeriodeBegin());
    assertEquals("2026-03-31", last.getPeriodeEind());
    assertEquals(14L, last.getGeleverdVolume());
  }

  @Test
  void jw315ImpossibleDatesAreReportedWithTheirPathAndNoException() throws IOException {
    IjwMessageParser.Result r = parse("JW315.xml", example("JW315.xml"));
    assertEquals(0, r.recordCount());
    // both AangevraagdProduct elements carry ToewijzingEinddatum 2027-06-31; then the file is unsupported
    assertEquals(3, r.deadLetters.size(), r.deadLetters::toString);
    DeadLetter d1 = r.deadLetters.get(0);
    assertEquals("INVALID_DATE", d1.getReason());
    assertEquals("JW315.xml", d1.getSourceFile());
    assertEquals("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum", d1.getPosition());
    assertTrue(d1.getDetail().contains("ToewijzingEinddatum '2027-06-31'"), d1.getDetail());
    assertEquals("JW315", d1.getRecordType());
    assertEquals("*******06", d1.getMaskedId());
    assertEquals("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum",
        r.deadLetters.get(1).getPosition());
    DeadLetter u = r.deadLetters.get(2);
    assertEquals("UNSUPPORTED_MESSAGE", u.getReason());
    assertTrue(u.getDetail().contains("JW315"));
    assertNoBsnLeak(r, "999900006");
  }

  @ParameterizedTest
  @ValueSource(strings = {"JW302.xml", "JW306.xml", "JW308.xml", "JW316.xml", "JW317.xml", "JW318.xml", "JW319.xml",
      "JW320.xml", "JW325.xml"})
  void otherMessageTypesAreUnsupported(String name) throws IOException {
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    String type = PARSER.parse(name, TestText.utf8(example(name)), r);
    assertEquals(name.substring(0, 5), type);
    assertEquals(0, r.recordCount());
    List<DeadLetter> unsupported = r.deadLetters.stream().filter(d -> d.getReason().equals("UNSUPPORTED_MESSAGE")).toList();
    assertEquals(1, unsupported.size());
    // anything else would be a date problem the example holds
    assertTrue(r.deadLetters.stream().allMatch(d -> d.getReason().equals("UNSUPPORTED_MESSAGE") || d.getReason().equals("INVALID_DATE")));
  }

  @Test
  void aBadProductIsRejectedAloneTheOthersStillComeOut() throws IOException {
    // product 2 gets an impossible Einddatum; a third product (a copy of product 1 numbered 300203) is fine
    String xml = example("JW301.xml");
    String p1 = xml.substring(xml.indexOf("<jw301:ToegewezenProduct>"), xml.indexOf("</jw301:ToegewezenProduct>") + 26);
    String p3 = p1.replace("300201", "300203");
    xml = xml.replace("<jw301:Einddatum>2026-07-19</jw301:Einddatum>", "<jw301:Einddatum>2026-02-30</jw301:Einddatum>")
        .replace("</jw301:ToegewezenProducten>", p3 + "</jw301:ToegewezenProducten>");
    IjwMessageParser.Result r = parse("JW301-bad.xml", xml);
    assertEquals(List.of("300201", "300203"), r.toewijzingen.stream().map(IjwToewijzing::getToewijzingNummer).toList());
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[3]", r.toewijzingen.get(1).getPosition());
    assertEquals(1, r.deadLetters.size());
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("INVALID_DATE", d.getReason());
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]", d.getPosition());
    assertTrue(d.getDetail().contains("Einddatum '2026-02-30'"), d.getDetail());
    assertEquals("JW301", d.getRecordType());
    assertNoBsnLeak(r, "999900006");
  }

  @Test
  void missingIngangsdatumAndUnknownCategorie() throws IOException {
    String xml = example("JW301.xml")
        .replaceFirst("<jw301:Ingangsdatum>2026-04-01</jw301:Ingangsdatum>", "")
        .replaceFirst("<ijw:Categorie>55</ijw:Categorie>(\\s*)<ijw:Code>55A12", "<ijw:Categorie>99</ijw:Categorie>$1<ijw:Code>55A12");
    IjwMessageParser.Result r = parse("JW301.xml", xml);
    assertEquals(0, r.toewijzingen.size());
    assertEquals(List.of("MISSING_FIELD", "UNKNOWN_CODE"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertTrue(r.deadLetters.get(0).getDetail().contains("Ingangsdatum"));
    assertTrue(r.deadLetters.get(1).getDetail().contains("'99'"));
  }

  @Test
  void gemeenteCodeMustBeFourDigits() throws IOException {
    String xml = example("JW301.xml").replace("<jw301:Afzender>0384</jw301:Afzender>", "<jw301:Afzender>384</jw301:Afzender>");
    IjwMessageParser.Result r = parse("JW301.xml", xml);
    assertEquals(0, r.toewijzingen.size());
    assertEquals(2, r.deadLetters.size()); // each product rejected on its own: nothing dropped silently
    assertEquals("INVALID_CODE", r.deadLetters.get(0).getReason());
    assertTrue(r.deadLetters.get(0).getDetail().contains("Afzender"));
  }

  @Test
  void geslachtCod046AndBsnNormalisation() throws IOException {
    String v = example("JW305.xml").replace("<jw305:Geslacht>1</jw305:Geslacht>", "<jw305:Geslacht>2</jw305:Geslacht>")
        .replace("<jw305:Bsn>999900006</jw305:Bsn>", "<jw305:Bsn>012345611</jw305:Bsn>");
    IjwMessageParser.Result r = parse("JW305.xml", v);
    assertEquals(2, r.startStops.size());
    assertEquals("V", r.startStops.get(0).getGeslacht());
    assertEquals("012345611", r.startStops.get(0).getBsn());

    // an 8-digit Bsn is normalised in the CSV exports, but the iJw XSD demands 9 digits: both products
    // (the Bsn is the client's, outside them) are SCHEMA_INVALID, the BSN not in the dead letters
    String eight = v.replace("<jw305:Bsn>012345611</jw305:Bsn>", "<jw305:Bsn>12345611</jw305:Bsn>");
    IjwMessageParser.Result r8 = parse("JW305.xml", eight);
    assertEquals(0, r8.startStops.size());
    assertEquals(List.of("SCHEMA_INVALID", "SCHEMA_INVALID"), r8.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertTrue(r8.deadLetters.get(0).getDetail().contains("LDT_BurgerServicenummer"), r8.deadLetters.get(0).getDetail());
    assertNoBsnLeak(r8, "12345611", "012345611");

    String o = example("JW305.xml").replace("<jw305:Geslacht>1</jw305:Geslacht>", "<jw305:Geslacht>0</jw305:Geslacht>");
    assertEquals("O", parse("JW305.xml", o).startStops.get(0).getGeslacht());

    String bad = example("JW305.xml").replace("<jw305:Geslacht>1</jw305:Geslacht>", "<jw305:Geslacht>7</jw305:Geslacht>")
        .replace("<jw305:Bsn>999900006</jw305:Bsn>", "<jw305:Bsn>9999000</jw305:Bsn>");
    IjwMessageParser.Result rb = parse("JW305.xml", bad);
    assertEquals(0, rb.startStops.size());
    assertEquals(2, rb.deadLetters.size());
    assertEquals("INVALID_BSN", rb.deadLetters.get(0).getReason()); // Bsn checked before Geslacht
    assertTrue(rb.deadLetters.get(0).getDetail().contains("Geslacht '7'"));
    assertNoBsnLeak(rb, "9999000");
  }

  @Test
  void jw323BadAmountAndDebetCredit() throws IOException {
    String xml = example("JW323.xml")
        .replaceFirst("<ijw:Bedrag>24000</ijw:Bedrag>", "<ijw:Bedrag>240,00</ijw:Bedrag>")
        .replaceFirst("<ijw:DebetCredit>D</ijw:DebetCredit>(\\s*)</jw323:IngediendBedrag>",
            "<ijw:DebetCredit>X</ijw:DebetCredit>$1</jw323:IngediendBedrag>");
    IjwMessageParser.Result r = parse("JW323.xml", xml);
    // prestatie 1 gets DebetCredit X (the first IngediendBedrag), prestatie 2 Bedrag 240,00
    assertEquals(3, r.declaraties.size());
    assertEquals(List.of("INVALID_CODE", "INVALID_AMOUNT"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertEquals("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]", r.deadLetters.get(0).getPosition());
    assertEquals("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]", r.deadLetters.get(1).getPosition());
  }

  @Test
  void notWellFormedGivesOneDeadLetterWithLineAndColumn() throws IOException {
    String xml = example("JW323.xml");
    // cut the file in the middle of the second client's prestaties
    String truncated = xml.substring(0, xml.indexOf("RN003"));
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    String type = PARSER.parse("JW323-cut.xml", TestText.utf8(truncated), r);
    assertNull(type);
    assertEquals(0, r.recordCount()); // the two prestaties before the cut are not kept
    assertEquals(1, r.deadLetters.size());
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("NOT_WELL_FORMED", d.getReason());
    assertEquals("JW323-cut.xml", d.getSourceFile());
    assertTrue(d.getPosition().matches("line \\d+, column \\d+"), d.getPosition());
    assertNoBsnLeak(r, "999900006", "999900018");
  }

  @Test
  void mismatchedTagAndGarbage() {
    IjwMessageParser.Result r = parse("x.xml", "<?xml version=\"1.0\"?>\n<a>\n  <b>999900006</c>\n</a>");
    assertEquals(1, r.deadLetters.size());
    assertEquals("NOT_WELL_FORMED", r.deadLetters.get(0).getReason());
    assertTrue(r.deadLetters.get(0).getPosition().startsWith("line 3,"), r.deadLetters.get(0).getPosition());
    assertNoBsnLeak(r, "999900006");

    IjwMessageParser.Result e = parse("empty.xml", "");
    assertEquals(List.of("NOT_WELL_FORMED"), e.deadLetters.stream().map(DeadLetter::getReason).toList());

    IjwMessageParser.Result c = parse("csv.xml", "bsn;naam\n999900006;Jansen\n");
    assertEquals(List.of("NOT_WELL_FORMED"), c.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertNoBsnLeak(c, "999900006");
  }

  @Test
  void wellFormedButNotIjw() {
    IjwMessageParser.Result r = parse("other.xml", "<Bericht xmlns=\"urn:iets-anders\"><Bsn>999900006</Bsn></Bericht>");
    assertEquals(1, r.deadLetters.size());
    assertEquals("UNSUPPORTED_MESSAGE", r.deadLetters.get(0).getReason());
    assertEquals("*******06", r.deadLetters.get(0).getMaskedId());
    assertNoBsnLeak(r, "999900006");
  }

  @Test
  void messageWithoutProductsIsReported() throws IOException {
    String xml = example("JW305.xml");
    xml = xml.substring(0, xml.indexOf("<jw305:StartProducten>")) + "<jw305:StartProducten></jw305:StartProducten>"
        + xml.substring(xml.indexOf("</jw305:StartProducten>") + "</jw305:StartProducten>".length());
    IjwMessageParser.Result r = parse("JW305-empty.xml", xml);
    assertEquals(List.of("EMPTY_FILE"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
  }
}
