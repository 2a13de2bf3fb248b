package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

  private static List<CsvTokenizer.Row> rows(String text, char sep) throws IOException {
    List<CsvTokenizer.Row> out = new ArrayList<>();
    try (CsvTokenizer t = CsvTokenizer.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sep)) {
      CsvTokenizer.Row r;
      while ((r = t.next()) != null) out.add(r);
    }
    return out;
  }

  @Test
  void splitsOnSemicolonAndKeepsEmptyFields() throws IOException {
    List<CsvTokenizer.Row> r = rows("a;b;;d;\n", ';');
    assertEquals(1, r.size());
    // five fields: "a", "b", "", "d", "" (the trailing separator opens an empty last field)
    assertEquals(List.of("a", "b", "", "d", ""), r.get(0).fields());
    assertEquals(1, r.get(0).line());
  }

  @Test
  void quotedFieldsMayHoldSeparatorsAndDoubledQuotes() throws IOException {
    List<CsvTokenizer.Row> r = rows("\"Centrum; Oost\";\"De \"\"Hoek\"\"\";x\n", ';');
    assertEquals(List.of("Centrum; Oost", "De \"Hoek\"", "x"), r.get(0).fields());
  }

  @Test
  void quoteInsideUnquotedFieldIsOrdinary() throws IOException {
    List<CsvTokenizer.Row> r = rows("5\" inch;b\n", ';');
    assertEquals(List.of("5\" inch", "b"), r.get(0).fields());
  }

  @Test
  void bomCrlfAndBlankLines() throws IOException {
    List<CsvTokenizer.Row> r = rows("\uFEFFh1;h2\r\n\r\nv1;v2\r\nw1;w2", ';');
    assertEquals(3, r.size());
    assertEquals(List.of("h1", "h2"), r.get(0).fields()); // BOM gone
    assertEquals(List.of("v1", "v2"), r.get(1).fields()); // no trailing \r
    assertEquals(3, r.get(1).line()); // line 2 is blank
    assertEquals(4, r.get(2).line());
  }

  @Test
  void quotedFieldOverALineBreak() throws IOException {
    List<CsvTokenizer.Row> r = rows("a;\"two\nlines\";c\nd;e;f\n", ';');
    assertEquals(2, r.size());
    assertEquals(List.of("a", "two\nlines", "c"), r.get(0).fields());
    assertEquals(1, r.get(0).line());
    assertEquals(3, r.get(1).line());
  }

  @Test
  void unclosedQuoteCostsOneRowOnly() throws IOException {
    // line 1 opens a quote that never closes; lines 2 and 3 must still come out as rows of their own
    List<CsvTokenizer.Row> r = rows("a;\"open\nb;c\nd;e\n", ';');
    assertEquals(3, r.size());
    assertTrue(r.get(0).malformed());
    assertEquals(1, r.get(0).line());
    assertEquals(List.of("b", "c"), r.get(1).fields());
    assertEquals(2, r.get(1).line());
    assertEquals(List.of("d", "e"), r.get(2).fields());
    assertEquals(3, r.get(2).line());
  }

  @Test
  void unclosedQuoteLongerThanTheLimitIsMalformed() throws IOException {
    StringBuilder sb = new StringBuilder("x;\"never closed\n");
    for (int i = 0; i < 30; i++) sb.append("r").append(i).append(";v\n");
    List<CsvTokenizer.Row> r = rows(sb.toString(), ';');
    // 1 malformed + 30 rows read again after it
    assertEquals(31, r.size());
    assertTrue(r.get(0).malformed());
    assertEquals(List.of("r0", "v"), r.get(1).fields());
    assertEquals(2, r.get(1).line());
    assertEquals(31, r.get(30).line());
  }

  @Test
  void textAfterClosingQuoteIsMalformed() throws IOException {
    List<CsvTokenizer.Row> r = rows("\"abc\"x;d\nok;1\n", ';');
    assertTrue(r.get(0).malformed());
    assertNull(r.get(1).error());
  }

  @Test
  void detectsCommaSeparator() throws IOException {
    List<CsvTokenizer.Row> r = rows("ID,RegioS,Perioden\n0,GM0014,2022JJ00\n", (char) 0);
    assertEquals(List.of("0", "GM0014", "2022JJ00"), r.get(1).fields());
  }

  @Test
  void quotedFieldOverALineBreakWithTextAfterItsClosingQuoteLosesNoRow() throws IOException {
    // issue 8: line 2 opens a quote; the next quote is on line 4 and is followed by text. The record
    // does not close cleanly, so line 2 alone is rejected and lines 3 and 4 are read again: 4;5;6 is a
    // row, 7;"x"y;9 a malformed row of its own, 10;11;12 a row.
    List<CsvTokenizer.Row> r = rows("a;b;c\n1;\"open;3\n4;5;6\n7;\"x\"y;9\n10;11;12\n", ';');
    assertEquals(5, r.size());
    assertEquals(List.of("a", "b", "c"), r.get(0).fields());
    assertTrue(r.get(1).malformed());
    assertEquals(2, r.get(1).line());
    assertEquals(List.of("4", "5", "6"), r.get(2).fields());
    assertEquals(3, r.get(2).line());
    assertTrue(r.get(3).malformed());
    assertEquals(4, r.get(3).line());
    assertEquals(List.of("10", "11", "12"), r.get(4).fields());
    assertEquals(5, r.get(4).line());
  }

  @Test
  void everyPhysicalLineIsAccountedFor() throws IOException {
    // 1 header + a 2-line record + a blank line + a 1-line malformed row + a row = 6 lines
    String text = "h1;h2\n\"two\nlines\";x\n\n\"bad\"z;1\nok;2\n";
    try (CsvTokenizer t = CsvTokenizer.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ';')) {
      List<CsvTokenizer.Row> r = new ArrayList<>();
      CsvTokenizer.Row row;
      while ((row = t.next()) != null) r.add(row);
      assertEquals(4, r.size());
      assertEquals(1, r.get(0).lines());
      assertEquals(2, r.get(1).lines());
      assertEquals(1, r.get(2).lines());
      assertTrue(r.get(2).malformed());
      assertEquals(1, r.get(3).lines());
      assertEquals(1, t.blankLines());
      assertEquals(6, t.linesRead());
    }
  }
}
