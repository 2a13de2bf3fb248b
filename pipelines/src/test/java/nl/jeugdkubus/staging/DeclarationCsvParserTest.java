package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import org.junit.jupiter.api.Test;

class DeclarationCsvParserTest {
  private static final String HEADER = "gemeentecode;aanbieder;declaratienummer;referentienummer;bsn;toewijzingnummer;"
      + "productcategorie;productcode;periode_begin;periode_eind;geleverd_volume;eenheid;producttarief;bedrag;debet_credit";

  private static ParseResult<DeclaratieRegel> parse(String csv) {
    ParseResult<DeclaratieRegel> r = new ParseResult<>();
    new DeclarationCsvParser().parse("decl.csv", TestText.utf8(csv), r);
    return r;
  }

  @Test
  void readsRowsAndConvertsEurosToCents() {
    String csv = HEADER + "\r\n"
        + "GM0384;65656055;DN001;RN001;999900006;10072;45;45A03;2026-04-01;2026-04-30;4;04;12,50;50,00;D\r\n"
        + "GM0384;65656055;DN002;RN009;\"999900018\";10073;45;45A04;2026-04-01;2026-04-30;16;04;15;240,05;C\r\n";
    ParseResult<DeclaratieRegel> r = parse(csv);
    assertEquals(0, r.deadLetters().size(), () -> r.deadLetters().toString());
    assertEquals(2, r.records().size());
    DeclaratieRegel a = r.records().get(0);
    assertEquals("CSV", a.getSourceFormat());
    assertEquals("line 2", a.getPosition());
    assertEquals("GM0384", a.getGemeenteCode());
    assertEquals("65656055", a.getAanbiederCode());
    assertEquals("DN001", a.getDeclaratieNummer());
    assertEquals("RN001", a.getReferentieNummer());
    assertEquals("999900006", a.getBsn());
    assertEquals("10072", a.getToewijzingNummer());
    assertEquals("45", a.getProductCategorie());
    assertEquals("45A03", a.getProductCode());
    assertEquals("2026-04-01", a.getPeriodeBegin());
    assertEquals("2026-04-30", a.getPeriodeEind());
    assertEquals(4L, a.getGeleverdVolume());
    assertEquals("04", a.getEenheid());
    assertEquals(1250L, a.getProductTariefCenten()); // 12,50 euro
    assertEquals(5000L, a.getBedragCenten()); // 50,00 euro, as JW323's Bedrag 5000
    assertEquals("D", a.getDebetCredit());
    DeclaratieRegel b = r.records().get(1);
    assertEquals(1500L, b.getProductTariefCenten()); // "15" = 15 euro
    assertEquals(24005L, b.getBedragCenten()); // 240,05 euro
    assertEquals("C", b.getDebetCredit());
  }

  @Test
  void optionalColumnsMayBeAbsent() {
    String csv = "bsn;debet_credit;bedrag;periode_eind;periode_begin;referentienummer;declaratienummer;aanbieder;gemeentecode\n"
        + "999900006;D;1250,00;2026-04-30;2026-04-01;RN1;DN1;65656055;GM0014\n";
    ParseResult<DeclaratieRegel> r = parse(csv);
    assertEquals(1, r.records().size(), () -> r.deadLetters().toString());
    DeclaratieRegel a = r.records().get(0);
    assertEquals(125000L, a.getBedragCenten());
    assertNull(a.getProductCategorie());
    assertNull(a.getGeleverdVolume());
    assertNull(a.getProductTariefCenten());
  }

  @Test
  void badRowsBecomeDeadLetters() {
    String row = "GM0384;65656055;DN001;RN%d;999900006;10072;45;45A03;2026-04-01;2026-04-30;4;04;12,50;50,00;D";
    String good = String.format(row, 1);
    String csv = HEADER + "\n"
        + good + "\n" // line 2 good
        + good.replace("50,00;D", "1.250,00;D") + "\n" // line 3 thousands separator
        + good.replace("50,00;D", "50.00;D") + "\n" // line 4 decimal point
        + good.replace("50,00;D", "50,00;X") + "\n" // line 5 debet/credit X
        + good.replace(";45;45A03", ";99;99A01") + "\n" // line 6 unknown JZ020 99
        + good.replace("2026-04-30", "2026-04-31") + "\n" // line 7 impossible date
        + good.replace("999900006", "12345611") + "\n" // line 8: 8 digits -> 012345611: accepted
        + good.replace("999900006", "9999000061") + "\n" // line 9: 10 digits
        + good.replace(";4;04;", ";vier;04;") + "\n" // line 10 volume not a number
        + good.replace("50,00;D", ";D") + "\n" // line 11 no bedrag
        + "GM0384;65656055;DN001\n"; // line 12 field count
    ParseResult<DeclaratieRegel> r = parse(csv);
    assertEquals(2, r.records().size());
    assertEquals("012345611", r.records().get(1).getBsn());
    List<DeadLetter> d = r.deadLetters();
    assertEquals(List.of("line 3", "line 4", "line 5", "line 6", "line 7", "line 9", "line 10", "line 11", "line 12"),
        d.stream().map(DeadLetter::getPosition).toList());
    assertEquals(List.of("INVALID_AMOUNT", "INVALID_AMOUNT", "INVALID_CODE", "UNKNOWN_CODE", "INVALID_DATE",
            "INVALID_BSN", "INVALID_NUMBER", "MISSING_FIELD", "MALFORMED_ROW"),
        d.stream().map(DeadLetter::getReason).toList());
    assertTrue(d.get(3).getDetail().contains("'99'"), d.get(3).getDetail());
    for (DeadLetter x : d) {
      assertEquals("declaraties_csv", x.getSource());
      assertEquals("DECLARATIE_CSV", x.getRecordType());
      assertFalse(TestText.all(x).contains("999900006"), x.toString());
      assertFalse(TestText.all(x).contains("9999000061"), x.toString());
    }
    assertEquals("*******06", d.get(0).getMaskedId());
  }

  @Test
  void missingBedragColumnRejectsTheFile() {
    String csv = HEADER.replace(";bedrag;", ";bedrag_eur;") + "\n"
        + "GM0384;65656055;DN001;RN1;999900006;10072;45;45A03;2026-04-01;2026-04-30;4;04;12,50;50,00;D\n";
    ParseResult<DeclaratieRegel> r = parse(csv);
    assertEquals(0, r.records().size());
    assertEquals(1, r.deadLetters().size());
    assertEquals("MISSING_COLUMN", r.deadLetters().get(0).getReason());
    assertTrue(r.deadLetters().get(0).getDetail().contains("bedrag"));
  }
}
