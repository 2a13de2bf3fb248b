package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import org.junit.jupiter.api.Test;

/**
 * TotaalIngediendBedrag of a JW323 against its prestaties (docs/reliability.md "Declarations"). The
 * example's five prestaties are 5000 + 24000 + 5000 + 24000 + 21000 = 79000 cents, all debit, and its
 * header says 79000 D.
 */
class Jw323TotalTest {
  private static final IjwMessageParser PARSER = new IjwMessageParser();
  private static final String TOTAL = "<ijw:TotaalBedrag>79000</ijw:TotaalBedrag>\r\n\t\t\t<ijw:DebetCredit>D</ijw:DebetCredit>";

  private static IjwMessageParser.Result parse(String xml) {
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    PARSER.parse("JW323.xml", TestText.utf8(xml), r);
    return r;
  }

  private static String example() throws IOException {
    String xml = IjwMessageParserTest.example("JW323.xml");
    assertTrue(xml.contains(TOTAL));
    return xml;
  }

  private static String total(String xml, long cents, String dc) {
    return xml.replace(TOTAL, "<ijw:TotaalBedrag>" + cents + "</ijw:TotaalBedrag>\r\n\t\t\t<ijw:DebetCredit>" + dc + "</ijw:DebetCredit>");
  }

  /** RN003 (client 2, prestatie 1, 5000) as a credit line. */
  private static String rn003Credit(String xml) {
    int at = xml.indexOf("RN003");
    int dc = xml.indexOf("<ijw:DebetCredit>D</ijw:DebetCredit>", at);
    return xml.substring(0, dc) + "<ijw:DebetCredit>C</ijw:DebetCredit>" + xml.substring(dc + "<ijw:DebetCredit>D</ijw:DebetCredit>".length());
  }

  @Test
  void theExampleAddsUp() throws IOException {
    IjwMessageParser.Result r = parse(example());
    assertEquals(List.of(), r.deadLetters);
    assertEquals(5, r.declaraties.size());
  }

  @Test
  void aHeaderTotalThatDiffersRejectsTheWholeDeclaratie() throws IOException {
    // header 58000 D, prestaties 79000 D: the header is 21000 short (the March RN004 line)
    IjwMessageParser.Result r = parse(total(example(), 58000, "D"));
    assertEquals(0, r.recordCount());
    assertEquals(Collections.nCopies(5, "TOTAL_MISMATCH"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
    DeadLetter d = r.deadLetters.get(4);
    assertEquals("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]", d.getPosition());
    assertEquals("TotaalIngediendBedrag 580,00 D differs from the sum of the 5 prestaties 790,00 D (difference 210,00 C):"
        + " the whole declaratie 'DN001' is rejected", d.getDetail());
    assertEquals("*******18", d.getMaskedId());
  }

  @Test
  void creditLinesCountNegative() throws IOException {
    // RN003 credit: 5000 + 24000 - 5000 + 24000 + 21000 = 69000 D
    String credit = rn003Credit(example());
    IjwMessageParser.Result wrong = parse(credit); // header still 79000 D
    assertEquals(Collections.nCopies(5, "TOTAL_MISMATCH"), wrong.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertTrue(wrong.deadLetters.get(0).getDetail().contains("sum of the 5 prestaties 690,00 D (difference 100,00 D)"),
        wrong.deadLetters.get(0).getDetail());

    IjwMessageParser.Result right = parse(total(credit, 69000, "D"));
    assertEquals(List.of(), right.deadLetters);
    assertEquals(List.of("D", "D", "C", "D", "D"), right.declaraties.stream().map(DeclaratieRegel::getDebetCredit).toList());
  }

  @Test
  void theHeaderSignCounts() throws IOException {
    // 79000 C in the header is -79000; the prestaties are +79000: difference -158000
    IjwMessageParser.Result r = parse(total(example(), 79000, "C"));
    assertEquals(Collections.nCopies(5, "TOTAL_MISMATCH"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertTrue(r.deadLetters.get(0).getDetail().contains("TotaalIngediendBedrag 790,00 C differs from the sum of the 5 prestaties"
        + " 790,00 D (difference 1580,00 C)"), r.deadLetters.get(0).getDetail());
  }

  @Test
  void anUnreadableAmountLeavesTheTotalUnchecked() throws IOException {
    // prestatie 2's Bedrag 240,00 is no whole number of cents: that line is INVALID_AMOUNT (its own dead
    // letter); the other four (55000) are not compared with the header (79000): the sum is unknown
    String xml = IjwMessageParserTest.example("JW323.xml").replaceFirst("<ijw:Bedrag>24000</ijw:Bedrag>", "<ijw:Bedrag>240,00</ijw:Bedrag>");
    IjwMessageParser.Result r = parse(xml);
    assertEquals(List.of("INVALID_AMOUNT"), r.deadLetters.stream().map(DeadLetter::getReason).toList());
    assertEquals(List.of("RN001", "RN003", "RN004", "RN004"), r.declaraties.stream().map(DeclaratieRegel::getReferentieNummer).toList());
  }
}
