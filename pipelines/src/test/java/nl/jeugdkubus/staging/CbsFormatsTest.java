package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.junit.jupiter.api.Test;

/**
 * The same hand-made CBS table as OData JSON and as the CBS CSV download (';', every field quoted, keys and
 * values padded, '.' for secret) gives the same cells and the same dead letters (issue 10 "CBS input").
 */
class CbsFormatsTest {
  private final CbsTableParser parser = new CbsTableParser();

  // 03759ned-like: 6 rows. Row 0 and 1: GM0197 2024 (row 1 BevolkingOp1Januari_1 secret); row 2 GM9999 (not a
  // gemeente); row 3 2024MM13 (no such month); row 4 "veel" is no number; row 5 NL01 2023 (_2 secret).
  static final String JSON = "{\"odata.metadata\":\"https://opendata.cbs.nl/ODataApi/OData/03759ned/$metadata#Cbs.OData.WebAPI.TypedDataSet\","
      + "\"value\":[\n"
      + "{\"ID\":0,\"Geslacht\":\"3000     \",\"Leeftijd\":\"10000  \",\"RegioS\":\"GM0197    \",\"Perioden\":\"2024JJ00\",\"BevolkingOp1Januari_1\":1234,\"GemiddeldeBevolking_2\":1240.5},\n"
      + "{\"ID\":1,\"Geslacht\":\"4000     \",\"Leeftijd\":\"10000  \",\"RegioS\":\"GM0197    \",\"Perioden\":\"2024JJ00\",\"BevolkingOp1Januari_1\":null,\"GemiddeldeBevolking_2\":1190},\n"
      + "{\"ID\":2,\"Geslacht\":\"T001038  \",\"Leeftijd\":\"10000  \",\"RegioS\":\"GM9999    \",\"Perioden\":\"2024JJ00\",\"BevolkingOp1Januari_1\":2400,\"GemiddeldeBevolking_2\":2430},\n"
      + "{\"ID\":3,\"Geslacht\":\"T001038  \",\"Leeftijd\":\"10000  \",\"RegioS\":\"GM0197    \",\"Perioden\":\"2024MM13\",\"BevolkingOp1Januari_1\":2400,\"GemiddeldeBevolking_2\":2430},\n"
      + "{\"ID\":4,\"Geslacht\":\"T001038  \",\"Leeftijd\":\"10000  \",\"RegioS\":\"NL01      \",\"Perioden\":\"2023JJ00\",\"BevolkingOp1Januari_1\":\"veel\",\"GemiddeldeBevolking_2\":1},\n"
      + "{\"ID\":5,\"Geslacht\":\"T001038  \",\"Leeftijd\":\"10000  \",\"RegioS\":\"NL01      \",\"Perioden\":\"2023JJ00\",\"BevolkingOp1Januari_1\":17811291,\"GemiddeldeBevolking_2\":\".\"}\n"
      + "]}";

  static final String CSV = "\"ID\";\"Geslacht\";\"Leeftijd\";\"RegioS\";\"Perioden\";\"BevolkingOp1Januari_1\";\"GemiddeldeBevolking_2\"\r\n"
      + "\"0\";\"3000     \";\"10000  \";\"GM0197    \";\"2024JJ00\";\"      1234\";\"    1240.5\"\r\n"
      + "\"1\";\"4000     \";\"10000  \";\"GM0197    \";\"2024JJ00\";\"         .\";\"      1190\"\r\n"
      + "\"2\";\"T001038  \";\"10000  \";\"GM9999    \";\"2024JJ00\";\"      2400\";\"      2430\"\r\n"
      + "\"3\";\"T001038  \";\"10000  \";\"GM0197    \";\"2024MM13\";\"      2400\";\"      2430\"\r\n"
      + "\"4\";\"T001038  \";\"10000  \";\"NL01      \";\"2023JJ00\";\"      veel\";\"         1\"\r\n"
      + "\"5\";\"T001038  \";\"10000  \";\"NL01      \";\"2023JJ00\";\"  17811291\";\"         .\"\r\n";

  static final String PERIODEN_JSON = "{\"value\":[{\"Key\":\"2023JJ00\",\"Title\":\"2023\",\"Description\":\"\",\"Status\":\"Definitief\"},"
      + "{\"Key\":\"2024JJ00\",\"Title\":\"2024*\",\"Description\":\"\",\"Status\":\"Voorlopig\"}]}";
  static final String PERIODEN_CSV = "\"Key\";\"Title\";\"Description\";\"Status\"\r\n"
      + "\"2023JJ00\";\"2023\";\"\";\"Definitief\"\r\n\"2024JJ00\";\"2024*\";\"\";\"Voorlopig\"\r\n";

  private static InputStream in(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A cell without the two fields that point into the file (they differ by format by design). */
  private static String content(CbsCell c) {
    return c.getTableId() + "|" + c.getRegioCode() + "|" + c.getPeriodeKey() + "|" + new java.util.TreeMap<>(c.getDimensions())
        + "|" + c.getMeasure() + "|" + c.getValue() + "|" + c.getStatus() + "|" + c.getMissingReason();
  }

  private static String content(DeadLetter d) {
    return d.getSource() + "|" + d.getStage() + "|" + d.getReason() + "|" + d.getDetail();
  }

  private ParseResult<CbsCell> parse(String fileName, String text, Map<String, String> status) {
    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseWithMeta(fileName, in(text), t -> new CbsTableParser.Meta(status, null), r);
    return r;
  }

  @Test
  void jsonAndCsvGiveTheSameCellsAndDeadLetters() throws IOException {
    Map<String, String> statusJson = CbsResource.periodStatus(CbsResource.rows("03759ned_Perioden.json", in(PERIODEN_JSON)));
    Map<String, String> statusCsv = CbsResource.periodStatus(CbsResource.rows("03759ned_Perioden.csv", in(PERIODEN_CSV)));
    assertEquals(Map.of("2023JJ00", "Definitief", "2024JJ00", "Voorlopig"), statusJson);
    assertEquals(statusJson, statusCsv);

    ParseResult<CbsCell> j = parse("03759ned_TypedDataSet.json", JSON, statusJson);
    ParseResult<CbsCell> c = parse("03759ned.csv", CSV, statusCsv);

    // by hand: rows 0, 1, 5 give 2 cells each; rows 2, 3, 4 are dead letters
    List<String> expected = List.of(
        "03759ned|GM0197|2024JJ00|{Geslacht=3000, Leeftijd=10000}|BevolkingOp1Januari_1|1234.0|Voorlopig|null",
        "03759ned|GM0197|2024JJ00|{Geslacht=3000, Leeftijd=10000}|GemiddeldeBevolking_2|1240.5|Voorlopig|null",
        "03759ned|GM0197|2024JJ00|{Geslacht=4000, Leeftijd=10000}|BevolkingOp1Januari_1|null|Voorlopig|SECRET_OR_UNKNOWN",
        "03759ned|GM0197|2024JJ00|{Geslacht=4000, Leeftijd=10000}|GemiddeldeBevolking_2|1190.0|Voorlopig|null",
        "03759ned|NL01|2023JJ00|{Geslacht=T001038, Leeftijd=10000}|BevolkingOp1Januari_1|1.7811291E7|Definitief|null",
        "03759ned|NL01|2023JJ00|{Geslacht=T001038, Leeftijd=10000}|GemiddeldeBevolking_2|null|Definitief|SECRET_OR_UNKNOWN");
    assertEquals(expected, j.records().stream().map(CbsFormatsTest::content).toList());
    assertEquals(expected, c.records().stream().map(CbsFormatsTest::content).toList());

    List<String> jd = j.deadLetters().stream().map(CbsFormatsTest::content).toList();
    assertEquals(List.of("UNKNOWN_GEMEENTE", "INVALID_PERIOD", "INVALID_NUMBER"),
        j.deadLetters().stream().map(DeadLetter::getReason).toList());
    assertEquals(jd, c.deadLetters().stream().map(CbsFormatsTest::content).toList());
    // positions point into each file: JSON array index, CSV physical line (the header is line 1)
    assertEquals(List.of("value[2]", "value[3]", "value[4]"), j.deadLetters().stream().map(DeadLetter::getPosition).toList());
    assertEquals(List.of("line 4", "line 5", "line 6"), c.deadLetters().stream().map(DeadLetter::getPosition).toList());
  }

  @Test
  void dataPropertiesDecideWhichColumnsAreTopics() throws IOException {
    // DataProperties (JSON and CSV say the same): 'Aantal' has no numeric suffix but is a Topic; 'Code_7' is a Dimension
    String propsJson = "{\"value\":[{\"ID\":0,\"Position\":0,\"ParentID\":null,\"Type\":\"Dimension\",\"Key\":\"Code_7\",\"Title\":\"Code\"},"
        + "{\"ID\":1,\"Position\":1,\"ParentID\":null,\"Type\":\"GeoDimension\",\"Key\":\"RegioS\",\"Title\":\"Regio's\"},"
        + "{\"ID\":2,\"Position\":2,\"ParentID\":null,\"Type\":\"TimeDimension\",\"Key\":\"Perioden\",\"Title\":\"Perioden\"},"
        + "{\"ID\":3,\"Position\":3,\"ParentID\":null,\"Type\":\"TopicGroup\",\"Key\":\"\",\"Title\":\"Jongeren\"},"
        + "{\"ID\":4,\"Position\":4,\"ParentID\":3,\"Type\":\"Topic\",\"Key\":\"Aantal\",\"Title\":\"Aantal jongeren\",\"Unit\":\"aantal\"}]}";
    String propsCsv = "\"ID\";\"Position\";\"ParentID\";\"Type\";\"Key\";\"Title\";\"Unit\"\n"
        + "\"0\";\"0\";\"\";\"Dimension\";\"Code_7\";\"Code\";\"\"\n\"1\";\"1\";\"\";\"GeoDimension\";\"RegioS\";\"Regio's\";\"\"\n"
        + "\"2\";\"2\";\"\";\"TimeDimension\";\"Perioden\";\"Perioden\";\"\"\n\"3\";\"3\";\"\";\"TopicGroup\";\"\";\"Jongeren\";\"\"\n"
        + "\"4\";\"4\";\"3\";\"Topic\";\"Aantal\";\"Aantal jongeren\";\"aantal\"\n";
    Set<String> topics = CbsResource.topics(CbsResource.rows("t_DataProperties.json", in(propsJson)));
    assertEquals(Set.of("Aantal"), topics);
    assertEquals(topics, CbsResource.topics(CbsResource.rows("t_DataProperties.csv", in(propsCsv))));
    assertEquals(Set.of("Code_7", "RegioS", "Perioden"), CbsResource.dimensions(CbsResource.rows("t_DataProperties.csv", in(propsCsv))));

    ParseResult<CbsCell> r = new ParseResult<>();
    parser.parseWithMeta("t.csv", in("\"ID\";\"Code_7\";\"RegioS\";\"Perioden\";\"Aantal\"\n\"0\";\"A1  \";\"GM0197    \";\"2022JJ00\";\"  12\"\n"),
        t -> new CbsTableParser.Meta(null, topics), r);
    assertEquals(1, r.records().size());
    assertEquals("Aantal", r.records().get(0).getMeasure());
    assertEquals(12.0, r.records().get(0).getValue());
    assertEquals(Map.of("Code_7", "A1"), r.records().get(0).getDimensions());
    assertNull(r.records().get(0).getStatus());
  }

  @Test
  void theRealExcerptAsCbsCsvGivesTheSameCellsAsItsJson() throws IOException {
    // the excerpt rewritten as the CSV download writes it: each field quoted, null as '.', numbers right-aligned
    String json = Files.readString(CbsTableParserTest.EXCERPT);
    com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("value");
    List<String> cols = List.of("ID", "RegioS", "Perioden", "JongerenMetJeugdhulpInNatura_1", "JongerenMetJeugdhMetVerblInNat_2",
        "JongerenMetJeugdbescherming_3", "JeugdbeschEnJeugdhMetVerblInNat_4", "JongerenMetJeugdreclassering_5");
    StringBuilder csv = new StringBuilder(cols.stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(";"))).append("\r\n");
    for (com.fasterxml.jackson.databind.JsonNode row : rows) {
      csv.append(cols.stream().map(x -> {
        com.fasterxml.jackson.databind.JsonNode v = row.get(x);
        String t = v.isNull() ? "." : v.asText();
        return "\"" + (v.isNumber() || v.isNull() ? String.format("%10s", t) : t) + "\"";
      }).collect(Collectors.joining(";"))).append("\r\n");
    }
    Map<String, String> status = Map.of("2022JJ00", "Definitief");
    ParseResult<CbsCell> j = parse("85098NED_TypedDataSet.json", json, status);
    ParseResult<CbsCell> c = parse("85098NED.csv", csv.toString(), status);
    assertEquals(50, c.records().size()); // 10 rows x 5 topics
    assertEquals(List.of(), c.deadLetters());
    assertEquals(j.records().stream().map(CbsFormatsTest::content).toList(), c.records().stream().map(CbsFormatsTest::content).toList());
    // GM0014 (Groningen) 2022: 15.4 % jongeren met jeugdhulp in natura, as CBS published it
    assertEquals("85098NED|GM0014|2022JJ00|{}|JongerenMetJeugdhulpInNatura_1|15.4|Definitief|null", content(c.records().get(0)));
    assertEquals(7, c.records().stream().filter(x -> x.getValue() == null).count());
  }

  @Test
  void resourceFilesAreToldFromDataTablesByName() {
    assertEquals("Perioden", CbsResource.resourceOf("85098NED_Perioden.json"));
    assertEquals("Perioden", CbsResource.resourceOf("03759ned_Perioden.csv"));
    assertEquals("DataProperties", CbsResource.resourceOf("85100NED_DataProperties.json"));
    assertEquals("RegioS", CbsResource.resourceOf("85097NED_RegioS.json"));
    assertNull(CbsResource.resourceOf("85098NED_TypedDataSet.json"));
    assertNull(CbsResource.resourceOf("03759ned_2024.csv"));
    assertNull(CbsResource.resourceOf("03759ned.csv"));
  }
}
