package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.junit.jupiter.api.Test;

class CbsTableParserTest {
  static final Path EXCERPT = Path.of("..", "docs", "reference", "cbs", "85098NED-2022JJ00-excerpt.json");
  private final CbsTableParser parser = new CbsTableParser();

  private static CbsCell cell(List<CbsCell> cells, String regio, String measure) {
    return cells.stream().filter(c -> c.getRegioCode().equals(regio) && c.getMeasure().equals(measure))
        .findFirst().orElseThrow(() -> new AssertionError("no cell " + regio + " " + measure));
  }

  @Test
  void readsTheCbsExcerpt() throws IOException {
    assertTrue(Files.exists(EXCERPT), EXCERPT.toAbsolutePath().toString());
    ParseResult<CbsCell> r = new ParseResult<>();
    try (InputStream in = Files.newInputStream(EXCERPT)) {
      parser.parseJson(EXCERPT.getFileName().toString(), in, Map.of("2022JJ00", "Definitief"), r);
    }
    assertEquals(List.of(), r.deadLetters());
    // 10 rows x 5 topic columns (ID, RegioS and Perioden are not topics)
    assertEquals(50, r.records().size());
    CbsCell c = cell(r.records(), "GM0014", "JongerenMetJeugdhulpInNatura_1");
    assertEquals(15.4, c.getValue());
    assertEquals("85098NED", c.getTableId()); // from odata.metadata, not the file name
    assertEquals("2022JJ00", c.getPeriodeKey());
    assertEquals("Definitief", c.getStatus());
    assertEquals("value[0]", c.getPosition());
    assertTrue(c.getDimensions().isEmpty());
    assertNull(cell(r.records(), "GM0060", "JongerenMetJeugdhMetVerblInNat_2").getValue()); // CBS '.'
    assertEquals(0.2, cell(r.records(), "GM0074", "JongerenMetJeugdreclassering_5").getValue());
    // the excerpt has 7 nulls: GM0047/_5, GM0059/_5, GM0060/_2.._5 (4), GM0072/_5
    assertEquals(7, r.records().stream().filter(x -> x.getValue() == null).count());
    // region keys are trimmed: "GM0014    " -> "GM0014"
    assertTrue(r.records().stream().allMatch(x -> x.getRegioCode().length() == 6));
  }

  @Test
  void dimensionsStatusLookupAndFileNameTableId() {
    String json = "{\"value\":[\n"
        + "{\"ID\":0,\"Geslacht\":\"3000     \",\"Leeftijd\":\"LFT004\",\"RegioS\":\"GM0014    \",\"Perioden\":\"2024JJ00\",\"BevolkingOp1Januari_1\":1234},\n"
        + "{\"ID\":1,\"Geslacht\":\"T001038\",\"Leeftijd\":\"LFT004\",\"RegioS\":\"NL01      \",\"Perioden\":\"2023JJ00\",\"BevolkingOp1Januari_1\":null}\n"
        + "]}";
    ParseResult<CbsCell> r = new ParseResult<>();
    Map<String, Map<String, String>> statuses = Map.of("03759ned", Map.of("2024JJ00", "Voorlopig"));
    parser.parseJson("03759ned_TypedDataSet.json", TestText.utf8(json), statuses::get, r);
    assertEquals(2, r.records().size());
    CbsCell a = r.records().get(0);
    assertEquals("03759ned", a.getTableId()); // no odata.metadata: from the file name
    assertEquals(Map.of("Geslacht", "3000", "Leeftijd", "LFT004"), a.getDimensions());
    assertEquals("BevolkingOp1Januari_1", a.getMeasure());
    assertEquals(1234.0, a.getValue());
    assertEquals("Voorlopig", a.getStatus());
    CbsCell b = r.records().get(1);
    assertEquals("NL01", b.getRegioCode());
    assertNull(b.getValue());
    assertNull(b.getStatus()); // 2023JJ00 not in the Perioden map
  }

  @Test
  void stringColumnsAreDimensions() {
    String json = "{\"odata.metadata\":\"https://opendata.cbs.nl/ODataApi/OData/85100NED/$metadata#Cbs.OData.WebAPI.TypedDataSet\","
        + "\"value\":[{\"ID\":0,\"Persoonskenmerken\":\"1012600\",\"RegioS\":\"GM0363\",\"Perioden\":\"2021HJ01\",\"Jongeren_1\":12.5}]}";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseJson("x.json", TestText.utf8(json), Map.of(), r);
    assertEquals(1, r.records().size());
    assertEquals("85100NED", r.records().get(0).getTableId());
    assertEquals(Map.of("Persoonskenmerken", "1012600"), r.records().get(0).getDimensions());
  }

  @Test
  void badRowsAndFiles() {
    String json = "{\"value\":[{\"ID\":0,\"Perioden\":\"2022JJ00\",\"A_1\":1},"
        + "{\"ID\":1,\"RegioS\":\"GM0014\",\"Perioden\":\"2022JJ00\"},"
        + "{\"ID\":2,\"RegioS\":\"GM0014\",\"Perioden\":\"2022JJ00\",\"A_1\":[1,2]},"
        + "7,"
        + "{\"ID\":4,\"RegioS\":\"GM0014\",\"Perioden\":\"2022JJ00\",\"A_1\":2}]}";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseJson("t.json", TestText.utf8(json), Map.of(), r);
    assertEquals(1, r.records().size());
    assertEquals(List.of("MISSING_FIELD", "NO_MEASURES", "MALFORMED_ROW", "MALFORMED_ROW"),
        r.deadLetters().stream().map(DeadLetter::getReason).toList());
    assertEquals(List.of("value[0]", "value[1]", "value[2]", "value[3]"),
        r.deadLetters().stream().map(DeadLetter::getPosition).toList());

    ParseResult<CbsCell> n = new ParseResult<>();
    parser.parseJson("meta.json", TestText.utf8("{\"odata.metadata\":\"x\",\"other\":[1,2]}"), Map.of(), n);
    assertEquals(List.of("NOT_A_TABLE"), n.deadLetters().stream().map(DeadLetter::getReason).toList());
  }

  @Test
  void brokenJsonGivesOneDeadLetterWithPosition() {
    String json = "{\"value\":[\n{\"RegioS\":\"GM0014\",\"Perioden\":\"2022JJ00\",\"A_1\":1},\n{\"RegioS\":\"GM00";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseJson("cut.json", TestText.utf8(json), Map.of(), r);
    assertEquals(1, r.records().size()); // the first, complete row
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("NOT_WELL_FORMED", d.getReason());
    assertTrue(d.getPosition().startsWith("line 3, column"), d.getPosition());
  }

  @Test
  void periodenFile() throws IOException {
    String json = "{\"value\":[{\"Key\":\"2022JJ00\",\"Title\":\"2022\",\"Status\":\"Definitief\"},"
        + "{\"Key\":\"2023JJ00\",\"Title\":\"2023*\",\"Status\":\"Voorlopig\"},"
        + "{\"Key\":\"2024HJ01\",\"Title\":\"2024 1e halfjaar**\",\"Status\":\"Nader voorlopig\"}]}";
    assertEquals(Map.of("2022JJ00", "Definitief", "2023JJ00", "Voorlopig", "2024HJ01", "Nader voorlopig"),
        CbsTableParser.parsePeriodStatus(TestText.utf8(json)));
    assertTrue(CbsTableParser.isPeriodenFile("85098NED_Perioden.json"));
    assertFalse(CbsTableParser.isPeriodenFile("85098NED_TypedDataSet.json"));
  }

  @Test
  void csvWithSemicolonsAndDecimalComma() {
    String csv = "\"ID\";\"Geslacht\";\"Leeftijd\";\"RegioS\";\"Perioden\";\"BevolkingOp1Januari_1\"\r\n"
        + "0;\"3000\";\"LFT004\";\"GM0014    \";\"2024JJ00\";1234\r\n"
        + "1;\"4000\";\"LFT004\";\"GM0014\";\"2024JJ00\";\"     .\"\r\n"
        + "2;\"T001038\";\"LFT004\";\"GM0014\";\"2024JJ00\";2456,5\r\n"
        + "3;\"T001038\";\"LFT005\";\"GM0014\";\"2024JJ00\";veel\r\n";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseCsv("03759ned_2024.csv", TestText.utf8(csv), t -> t.equals("03759ned") ? Map.of("2024JJ00", "Definitief") : null, r);
    assertEquals(3, r.records().size());
    assertEquals(1234.0, r.records().get(0).getValue());
    assertNull(r.records().get(1).getValue());
    assertEquals(2456.5, r.records().get(2).getValue());
    assertEquals("GM0014", r.records().get(0).getRegioCode());
    assertEquals("03759ned", r.records().get(0).getTableId());
    assertEquals("Definitief", r.records().get(0).getStatus());
    assertEquals(Map.of("Geslacht", "3000", "Leeftijd", "LFT004"), r.records().get(0).getDimensions());
    assertEquals("line 2", r.records().get(0).getPosition());
    assertEquals(List.of("INVALID_NUMBER"), r.deadLetters().stream().map(DeadLetter::getReason).toList());
    assertEquals("line 5", r.deadLetters().get(0).getPosition());
  }

  @Test
  void csvWithCommas() {
    String csv = "ID,RegioS,Perioden,JongerenMetJeugdhulpInNatura_1\n0,NL01      ,2024HJ01,1.5\n";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parse("85098NED.csv", TestText.utf8(csv), t -> null, r);
    assertEquals(1, r.records().size());
    assertEquals("85098NED", r.records().get(0).getTableId());
    assertEquals("NL01", r.records().get(0).getRegioCode());
    assertEquals(1.5, r.records().get(0).getValue());
  }

  @Test
  void csvWithoutRegioSIsRejected() {
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseCsv("x.csv", TestText.utf8("ID;Perioden;A_1\n0;2024JJ00;1\n"), t -> null, r);
    assertEquals(List.of("MISSING_COLUMN"), r.deadLetters().stream().map(DeadLetter::getReason).toList());
  }

  // ---- missing values, period keys and gemeente codes (issue 8) ----

  @Test
  void theExcerptsNullsAreMissingValuesWithTheirReason() throws IOException {
    ParseResult<CbsCell> r = new ParseResult<>();
    try (InputStream in = Files.newInputStream(EXCERPT)) {
      parser.parseJson(EXCERPT.getFileName().toString(), in, Map.of("2022JJ00", "Definitief"), r);
    }
    assertEquals(List.of(), r.deadLetters());
    for (CbsCell c : r.records()) {
      assertEquals(c.getValue() == null ? Reasons.SECRET_OR_UNKNOWN : null, c.getMissingReason(), c.toString());
    }
    assertEquals(Map.of(CbsTableParser.MISSING_NOTE, 7L), r.notes());
  }

  @Test
  void aDotIsAMissingValueAndTheRowIsKept() {
    // GM0060 as CBS writes it in the UntypedDataSet / a hand-edited file: "." for secret
    String json = "{\"odata.metadata\":\"https://opendata.cbs.nl/ODataApi/OData/85098NED/$metadata#x\",\"value\":[\n"
        + "{\"ID\":6,\"RegioS\":\"GM0060    \",\"Perioden\":\"2022JJ00\",\"JongerenMetJeugdhulpInNatura_1\":7.9,"
        + "\"JongerenMetJeugdhMetVerblInNat_2\":\".\",\"JongerenMetJeugdbescherming_3\":\" . \",\"JongerenMetJeugdreclassering_5\":null}\n"
        + "]}";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseJson("85098NED_TypedDataSet.json", TestText.utf8(json), Map.of(), r);
    assertEquals(List.of(), r.deadLetters());
    assertEquals(4, r.records().size(), "one cell per topic, the row is kept");
    assertEquals(7.9, cell(r.records(), "GM0060", "JongerenMetJeugdhulpInNatura_1").getValue());
    assertNull(cell(r.records(), "GM0060", "JongerenMetJeugdhulpInNatura_1").getMissingReason());
    for (String m : List.of("JongerenMetJeugdhMetVerblInNat_2", "JongerenMetJeugdbescherming_3", "JongerenMetJeugdreclassering_5")) {
      CbsCell c = cell(r.records(), "GM0060", m);
      assertNull(c.getValue(), m);
      assertEquals(Reasons.SECRET_OR_UNKNOWN, c.getMissingReason(), m);
      assertTrue(c.getDimensions().isEmpty(), "a '.' is not a dimension: " + c.getDimensions());
    }
    assertEquals(Map.of(CbsTableParser.MISSING_NOTE, 3L), r.notes());
  }

  @Test
  void csvDotAndEmptyAreMissingValuesWithTheirReason() {
    String csv = "ID;RegioS;Perioden;JongerenMetJeugdhulpInNatura_1;JongerenMetJeugdbescherming_3\n"
        + "0;GM0014;2022JJ00;.;\n";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseCsv("85098NED.csv", TestText.utf8(csv), t -> null, r);
    assertEquals(List.of(), r.deadLetters());
    assertEquals(2, r.records().size());
    assertTrue(r.records().stream().allMatch(c -> c.getValue() == null && Reasons.SECRET_OR_UNKNOWN.equals(c.getMissingReason())));
  }

  @Test
  void impossibleAndNonNumericPeriodKeysAreDeadLetters() {
    String json = "{\"value\":[\n"
        + "{\"RegioS\":\"GM0014\",\"Perioden\":\"2024MM13\",\"A_1\":1},\n"
        + "{\"RegioS\":\"GM0014\",\"Perioden\":\"2024KW05\",\"A_1\":1},\n"
        + "{\"RegioS\":\"GM0014\",\"Perioden\":\"2024HJ03\",\"A_1\":1},\n"
        + "{\"RegioS\":\"GM0014\",\"Perioden\":\"ABCDJJ00\",\"A_1\":1},\n"
        + "{\"RegioS\":\"GM0014\",\"Perioden\":\"2024MM12\",\"A_1\":1}\n"
        + "]}";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseJson("85098NED.json", TestText.utf8(json), Map.of(), r);
    assertEquals(1, r.records().size());
    assertEquals("2024MM12", r.records().get(0).getPeriodeKey());
    assertEquals(4, r.deadLetters().size());
    String[] keys = {"2024MM13", "2024KW05", "2024HJ03", "ABCDJJ00"};
    for (int i = 0; i < 4; i++) {
      DeadLetter d = r.deadLetters().get(i);
      assertEquals(Reasons.INVALID_PERIOD, d.getReason());
      assertEquals("value[" + i + "]", d.getPosition());
      assertTrue(d.getDetail().startsWith("Perioden '" + keys[i] + "' is not a CBS period key"), d.getDetail());
    }
  }

  @Test
  void gemeenteRegionsMustBeKnownOtherRegionsPass() {
    String csv = "RegioS;Perioden;A_1\n"
        + "GM9999;2022JJ00;1\n" // unknown: dead letter
        + "GM0585;2022JJ00;2\n" // Binnenmaas, merged into Hoeksche Waard in 2019: kept as it is
        + "NL01;2022JJ00;3\n"
        + "PV20;2022JJ00;4\n"
        + "LD01;2022JJ00;5\n"
        + "GM1963;2022JJ00;6\n";
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseCsv("85098NED.csv", TestText.utf8(csv), t -> null, r);
    assertEquals(1, r.deadLetters().size());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals(Reasons.UNKNOWN_GEMEENTE, d.getReason());
    assertEquals("line 2", d.getPosition());
    assertTrue(d.getDetail().startsWith("RegioS GM9999 is neither"), d.getDetail());
    assertEquals(List.of("GM0585", "NL01", "PV20", "LD01", "GM1963"), r.records().stream().map(CbsCell::getRegioCode).toList());
  }
}
