package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import org.junit.jupiter.api.Test;

/** XSD validation of the iJw messages in staging (docs/reliability.md "XSD validation"). */
class IjwSchemaValidationTest {
  private static final IjwMessageParser PARSER = new IjwMessageParser();
  /** A BSN that passes the eleven-test (9*9+8*9+7*9+6*9+2*1-8 = 264 = 24*11). */
  private static final String BSN = "999900018";

  private static IjwMessageParser.Result parse(String fileName, String xml) {
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    PARSER.parse(fileName, TestText.utf8(xml), r);
    return r;
  }

  /** Replaces the first occurrence only. */
  static String replaceOnce(String s, String what, String with) {
    int i = s.indexOf(what);
    assertTrue(i >= 0, what);
    return s.substring(0, i) + with + s.substring(i + what.length());
  }

  private static List<String> reasons(IjwMessageParser.Result r) {
    return r.deadLetters.stream().map(DeadLetter::getReason).toList();
  }

  @Test
  void theExampleMessagesAreValid() throws IOException {
    for (String m : List.of("JW301", "JW305", "JW307", "JW323")) {
      IjwSchemas.Outcome o = IjwSchemas.validate(m, IjwMessageParserTest.example(m + ".xml").getBytes(StandardCharsets.UTF_8));
      assertTrue(o.valid(), m + ": " + o);
    }
  }

  @Test
  void aJw301WithoutGeslachtRejectsBothProducts() throws IOException {
    // Geslacht (line 23) is required in Client; the validator notices at the next element, Naam (line 24)
    String xml = IjwMessageParserTest.example("JW301.xml").replaceFirst("<jw301:Geslacht>1</jw301:Geslacht>", "");
    IjwMessageParser.Result r = parse("JW301-geen-geslacht.xml", xml);
    assertEquals(0, r.recordCount());
    assertEquals(List.of("SCHEMA_INVALID", "SCHEMA_INVALID"), reasons(r));
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]", d.getPosition());
    assertEquals("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]", r.deadLetters.get(1).getPosition());
    assertEquals("JW301", d.getRecordType());
    assertEquals("*******06", d.getMaskedId());
    assertTrue(d.getDetail().startsWith("message does not conform to the iJw 3.2 JW301 XSD at line 24, column 15: cvc-complex-type.2.4.a:"),
        d.getDetail());
    assertTrue(d.getDetail().contains("starting with element '{Naam}'. One of '{Geslacht}' is expected"), d.getDetail());
    assertFalse(d.getDetail().contains("http://"), d.getDetail());
  }

  @Test
  void aJw323PrestatieWithItsElementsInTheWrongOrderIsRejectedAlone() throws IOException {
    // prestatie 2 (RN002): ProductCategorie before ToewijzingNummer; the field checks alone would take it in
    String xml = replaceOnce(IjwMessageParserTest.example("JW323.xml"),
        "<jw323:ToewijzingNummer>10073</jw323:ToewijzingNummer>\r\n\t\t\t\t\t\t<jw323:ProductCategorie>45</jw323:ProductCategorie>",
        "<jw323:ProductCategorie>45</jw323:ProductCategorie>\r\n\t\t\t\t\t\t<jw323:ToewijzingNummer>10073</jw323:ToewijzingNummer>");
    IjwMessageParser.Result r = parse("JW323-volgorde.xml", xml);
    assertEquals(List.of("SCHEMA_INVALID"), reasons(r));
    DeadLetter d = r.deadLetters.get(0);
    assertEquals("/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]", d.getPosition());
    // the element read first where ToewijzingNummer was expected is ProductCategorie, on line 56
    assertTrue(d.getDetail().contains("at line 56,"), d.getDetail());
    assertTrue(d.getDetail().contains("'{ProductCategorie}'. One of '{ToewijzingNummer}' is expected"), d.getDetail());
    assertEquals(List.of("RN001", "RN003", "RN004", "RN004"),
        r.declaraties.stream().map(DeclaratieRegel::getReferentieNummer).toList());
  }

  @Test
  void aBsnAsTheInvalidValueNeverReachesTheDeadLetter() throws IOException {
    // BSN written where a date (Dagtekening, header) and a pattern (ProductCode, prestatie 1) are expected
    String xml = IjwMessageParserTest.example("JW323.xml")
        .replace("<ijw:Dagtekening>2026-05-06</ijw:Dagtekening>", "<ijw:Dagtekening>" + BSN + "</ijw:Dagtekening>")
        .replaceFirst("<jw323:ProductCode>45A03</jw323:ProductCode>", "<jw323:ProductCode>" + BSN + "</jw323:ProductCode>");
    IjwMessageParser.Result r = parse("JW323-bsn.xml", xml);
    assertEquals(0, r.recordCount()); // the header violation is outside every prestatie: all five rejected
    assertEquals(List.of("SCHEMA_INVALID", "SCHEMA_INVALID", "SCHEMA_INVALID", "SCHEMA_INVALID", "SCHEMA_INVALID"), reasons(r));
    // prestatie 1 cites its own violation (ProductCode), the others the header's (Dagtekening, line 11)
    assertTrue(r.deadLetters.get(0).getDetail().contains("line 39,"), r.deadLetters.get(0).getDetail());
    assertTrue(r.deadLetters.get(1).getDetail().contains("line 11,"), r.deadLetters.get(1).getDetail());
    for (DeadLetter d : r.deadLetters) {
      String all = TestText.all(d);
      assertFalse(all.contains(BSN) || all.contains("999900006"), all);
      assertTrue(d.getDetail().contains("'…'"), d.getDetail());
    }
  }

  @Test
  void violationMessagesOfEveryShapeAreMasked() throws IOException {
    // the validator's own messages for a BSN in elements of many types: none may quote it
    String jw301 = IjwMessageParserTest.example("JW301.xml");
    Map<String, String> damaged = Map.of(
        "date", jw301.replace("<ijw:Dagtekening>2026-04-01</ijw:Dagtekening>", "<ijw:Dagtekening>" + BSN + "</ijw:Dagtekening>"),
        "pattern", jw301.replace("<jw301:BerichtCode>436</jw301:BerichtCode>", "<jw301:BerichtCode>" + BSN + "</jw301:BerichtCode>"),
        "enumeration", jw301.replaceFirst("<jw301:Geslacht>1</jw301:Geslacht>", "<jw301:Geslacht>" + BSN + "</jw301:Geslacht>"),
        "length", jw301.replace("<jw301:Bsn>999900006</jw301:Bsn>", "<jw301:Bsn>" + BSN + "0</jw301:Bsn>"),
        "birth date", jw301.replace("2010-02-14", "14-02-2010"),
        "spaced", jw301.replace("<jw301:Bsn>999900006</jw301:Bsn>", "<jw301:Bsn>9999 000 18</jw301:Bsn>"),
        "element text", jw301.replace("<jw301:Ontvanger>42420001</jw301:Ontvanger>",
            "<jw301:Ontvanger>42420001</jw301:Ontvanger><jw301:Bsn>" + BSN + "</jw301:Bsn>"));
    for (Map.Entry<String, String> e : damaged.entrySet()) {
      IjwSchemas.Outcome o = IjwSchemas.validate("JW301", e.getValue().getBytes(StandardCharsets.UTF_8));
      assertFalse(o.valid(), e.getKey());
      for (IjwSchemas.Violation v : o.violations()) {
        String m = ValidatorMessages.mask(v.message());
        for (String secret : List.of(BSN, "9999 000 18", "14-02-2010", "2010-02-14", "999900006")) {
          assertFalse(m.contains(secret), e.getKey() + ": " + m + " (from " + v.message() + ")");
        }
      }
    }
  }

  @Test
  void aDoctypeIsRefusedByTheReader() throws IOException {
    // a DOCTYPE without entities: the one hardened reader refuses it before the root, so nothing of the file is read
    String xml = IjwMessageParserTest.example("JW305.xml").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Bericht>");
    IjwMessageParser.Result r = parse("JW305-doctype.xml", xml);
    assertEquals(0, r.recordCount());
    assertEquals(List.of("NOT_WELL_FORMED"), reasons(r));
    assertTrue(r.deadLetters.get(0).getDetail().contains("DOCTYPE is disallowed"), r.deadLetters.get(0).getDetail());
    assertTrue(r.deadLetters.get(0).getDetail().contains("line 2,"), r.deadLetters.get(0).getDetail());
  }

  @Test
  void aSchemaLocationInTheMessageIsNeverFollowed() throws IOException {
    // xsi:schemaLocation naming a schema elsewhere: nothing is loaded, the packaged XSD decides (valid)
    String xml = IjwMessageParserTest.example("JW307.xml").replaceFirst("<jw307:Bericht ",
        "<jw307:Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.istandaarden.nl/ijw/3_2/jw307/schema http://127.0.0.1:9/evil.xsd\" ");
    IjwMessageParser.Result r = parse("JW307-schemalocation.xml", xml);
    assertEquals(List.of(), r.deadLetters);
    assertEquals(2, r.startStops.size());
  }

  @Test
  void theSchemaOfEachTypeIsCompiledOnceAndSharedByThreads() throws Exception {
    javax.xml.validation.Schema a = IjwSchemas.schema("JW323");
    javax.xml.validation.Schema[] fromOtherThread = new javax.xml.validation.Schema[1];
    Thread t = new Thread(() -> fromOtherThread[0] = IjwSchemas.schema("JW323"));
    t.start();
    t.join();
    assertSame(a, fromOtherThread[0]);
  }

  @Test
  void validationIsSafeFromManyThreadsAtOnce() throws Exception {
    byte[] good = IjwMessageParserTest.example("JW323.xml").getBytes(StandardCharsets.UTF_8);
    byte[] bad = IjwMessageParserTest.example("JW323.xml").replace("<jw323:BerichtCode>490", "<jw323:BerichtCode>491")
        .getBytes(StandardCharsets.UTF_8);
    // a fatal error (DOCTYPE refused, cut-off file) ends a validation half-way: the reused validator must recover
    byte[] fatal = ("<!DOCTYPE x>" + IjwMessageParserTest.example("JW323.xml").substring(38)).getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
    int badCount = IjwSchemas.validate("JW323", bad).count(); // BerichtCode: cvc-pattern-valid and cvc-type.3.1.3
    assertEquals(2, badCount);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        for (int k = 0; k < 50; k++) {
          if (!IjwSchemas.validate("JW323", good).valid()) wrong.incrementAndGet();
          if (IjwSchemas.validate("JW323", bad).count() != badCount) wrong.incrementAndGet();
          if (IjwSchemas.validate("JW323", fatal).valid() || IjwSchemas.validate("JW323", cut).valid()) wrong.incrementAndGet();
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) t.join();
    assertEquals(0, wrong.get());
  }
}
