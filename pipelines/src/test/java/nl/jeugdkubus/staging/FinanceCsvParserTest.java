package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.junit.jupiter.api.Test;

class FinanceCsvParserTest {
  private static ParseResult<CbsCell> parse(String csv) {
    ParseResult<CbsCell> r = new ParseResult<>();
    new FinanceCsvParser().parse("financien.csv", TestText.utf8(csv), r);
    return r;
  }

  @Test
  void readsPostsAsFinanceCellsOfTheYear() {
    String csv = "gemeente;jaar;post;bedrag;toelichting\r\n"
        + "GM0197;2024;6.72;12500000,00;maatwerk 18-\r\n"
        + "gm0197;2024;Preventie;350000,5;\r\n"
        + "GM0222;2023;6.82;-1250,75;correctie\r\n";
    ParseResult<CbsCell> r = parse(csv);
    assertEquals(List.of(), r.deadLetters());
    assertEquals(3, r.records().size());
    CbsCell a = r.records().get(0);
    assertEquals("financien", a.getTableId());
    assertEquals("GM0197", a.getRegioCode());
    assertEquals("2024JJ00", a.getPeriodeKey());
    assertEquals("6.72", a.getMeasure());
    assertEquals(12_500_000.00, a.getValue());
    assertEquals("line 2", a.getPosition());
    CbsCell b = r.records().get(1);
    assertEquals("GM0197", b.getRegioCode()); // gm0197 -> GM0197
    assertEquals("preventie", b.getMeasure()); // posts are compared in lower case
    assertEquals(350_000.50, b.getValue());
    assertEquals(-1_250.75, r.records().get(2).getValue());
  }

  @Test
  void badRowsBecomeDeadLettersWithFileLineAndReason() {
    String csv = "gemeente;jaar;post;bedrag\n"
        + "GM197;2024;6.72;100,00\n"      // line 2: not GM + 4 digits
        + "GM0197;24;6.72;100,00\n"       // line 3: not a year
        + "GM0197;2024;6.72;1.250,00\n"   // line 4: thousands separator
        + "GM0197;2024;;100,00\n"         // line 5: no post
        + "GM0197;2024;6.72\n"            // line 6: three fields
        + "GM0197;2024;6.72;100,00\n";    // line 7: fine
    ParseResult<CbsCell> r = parse(csv);
    assertEquals(1, r.records().size());
    List<DeadLetter> d = r.deadLetters();
    assertEquals(List.of("line 2", "line 3", "line 4", "line 5", "line 6"), d.stream().map(DeadLetter::getPosition).toList());
    assertEquals(List.of(Reasons.INVALID_CODE, Reasons.INVALID_NUMBER, Reasons.INVALID_AMOUNT, Reasons.MISSING_FIELD,
        Reasons.MALFORMED_ROW), d.stream().map(DeadLetter::getReason).toList());
    assertTrue(d.stream().allMatch(x -> x.getSourceFile().equals("financien.csv") && x.getSource().equals("financien")));
  }

  @Test
  void aHeaderWithoutTheColumnsRejectsTheFileWithOneClearDeadLetter() {
    ParseResult<CbsCell> r = parse("gemeente;jaar;bedrag\nGM0197;2024;100,00\n");
    assertEquals(0, r.records().size());
    assertEquals(1, r.deadLetters().size());
    assertEquals(Reasons.MISSING_COLUMN, r.deadLetters().get(0).getReason());
    assertTrue(r.deadLetters().get(0).getDetail().contains("post"), r.deadLetters().get(0).getDetail());
  }
}
