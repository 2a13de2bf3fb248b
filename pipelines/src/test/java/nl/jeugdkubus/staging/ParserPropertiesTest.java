package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.RegistrationRow;

/**
 * Property-based tests of the staging parsers (issue 8): random and mutated inputs never make a parser
 * throw, and every input line or row ends as a record or a dead letter. Mutations start from valid
 * files and insert, delete, duplicate or replace bytes, lines and values (quotes, separators, line
 * breaks, BOM, bytes that are not UTF-8, '.', impossible period keys, unknown gemeenten, 2099 dates).
 */
class ParserPropertiesTest {
  static final Set<String> REASONS = reasons();
  static final String REG_HEADER = "registratie_id;bsn;geboortedatum;geslacht;postcode;gemeentecode;wijk;soort;"
      + "type_ondersteuning;signaleerder;verwijzer_cod327;aanmelddatum;startdatum;einddatum;toewijzingnummer";
  static final String[] REG_ROWS = {
      "R-001;999900006;2012-02-03;V;1011AB;GM0363;Centrum;lokaal_team;opvoedondersteuning;school;;2024-01-03;2024-01-08;2024-04-30;",
      "R-002;999900018;14-02-2010;M;7121AB;GM0197;\"De \"\"Hoek\"\"\";toegang;;;04;;01-02-2024;;300201",
      "R-003;999900031;2013-05-06;O;3262AB;GM0584;West;lokaal_team;\"vrij; tekst\";huisarts;;2024-01-03;2024-01-08;;",
  };
  static final String FIN_HEADER = "gemeente;jaar;post;bedrag";
  static final String[] FIN_ROWS = {"GM0197;2023;6.72;12500000,00", "GM0363;2024;6.71;-10,5", "GM0689;2018;6.72;7"};
  /** Things a mutation inserts: CSV syntax, line breaks, a BOM, bytes that are not UTF-8, control characters, values. */
  static final String[] CSV_INSERTS = {";", "\"", "\"\"", "\n", "\r\n", "\r", "\uFEFF", "\u0000", "\t", ",", " ",
      "GM9999", "2099-01-01", "1900-01-01", "2024-13-01", ".", "x".repeat(300), "é", "\u00ff\u00fe"};

  // ---- CSV: registrations and finance ----

  @Property(tries = 400)
  void registrationCsvNeverThrowsAndAccountsForEveryLine(@ForAll("registrationFiles") byte[] file) throws IOException {
    ParseResult<RegistrationRow> r = new ParseResult<>();
    CsvLineCount lines = new RegistrationCsvParser().parse("r.csv", new ByteArrayInputStream(file), r);
    assertCsvAccounted(file, lines, r.records().size(), r.deadLetters());
  }

  @Property(tries = 300)
  void financeCsvNeverThrowsAndAccountsForEveryLine(@ForAll("financeFiles") byte[] file) throws IOException {
    ParseResult<CbsCell> r = new ParseResult<>();
    CsvLineCount lines = new FinanceCsvParser().parse("f.csv", new ByteArrayInputStream(file), r);
    assertCsvAccounted(file, lines, r.records().size(), r.deadLetters());
  }

  @Property(tries = 300)
  void fieldLevelMutationsGiveOneRecordOrOneDeadLetterPerRow(@ForAll("registrationRowsMutatedInFields") List<String> rows) {
    String csv = REG_HEADER + "\n" + String.join("\n", rows) + "\n";
    ParseResult<RegistrationRow> r = new ParseResult<>();
    CsvLineCount lines = new RegistrationCsvParser().parse("r.csv", TestText.utf8(csv), r);
    assertEquals(rows.size(), r.records().size() + r.deadLetters().size(), () -> csv + r.deadLetters());
    assertEquals(new CsvLineCount(rows.size() + 1, 1, r.records().size(), 0, r.deadLetters().size(), 0), lines);
    Set<String> positions = new HashSet<>();
    for (RegistrationRow x : r.records()) assertTrue(positions.add(x.getPosition()));
    for (DeadLetter d : r.deadLetters()) assertTrue(positions.add(d.getPosition()), "one outcome per row: " + d.getPosition());
  }

  /**
   * The parser's outcome against an independent count of the file's rows (the tokenizer on its own):
   * lines reconcile, and when the header is readable and complete, rows = records + dead letters.
   */
  private static void assertCsvAccounted(byte[] file, CsvLineCount lines, int records, List<DeadLetter> dead) throws IOException {
    assertTrue(lines.reconciles(), () -> lines + " for " + show(file));
    for (DeadLetter d : dead) {
      assertNotNull(d.getReason());
      assertTrue(REASONS.contains(d.getReason()), d.getReason());
    }
    long rows = 0;
    try (CsvTokenizer tok = CsvTokenizer.utf8(new ByteArrayInputStream(file), ';')) {
      while (tok.next() != null) rows++;
    }
    if (rows == 0) {
      assertEquals(0, records);
      assertEquals(1, dead.size(), "an empty file is one dead letter");
      return;
    }
    // the header cannot be read (its lines count as rejected) or lacks a column: one dead letter for the file
    boolean fileLevel = lines.header() == 0 || dead.stream().anyMatch(d -> d.getReason().equals(Reasons.MISSING_COLUMN));
    if (fileLevel) {
      assertEquals(0, records);
      assertEquals(1, dead.size(), () -> "a file-level problem is one dead letter: " + dead);
    } else {
      assertEquals(rows - 1, records + dead.size(), () -> "every data row is a record or a dead letter: " + show(file) + dead);
    }
    assertEquals(records > 0, lines.records() > 0);
  }

  @Provide
  Arbitrary<byte[]> registrationFiles() {
    return mutatedFiles(REG_HEADER, REG_ROWS);
  }

  @Provide
  Arbitrary<byte[]> financeFiles() {
    return mutatedFiles(FIN_HEADER, FIN_ROWS);
  }

  /** A valid file (header and 0-6 rows) with 0-6 random mutations, or (one in ten) random bytes. */
  private static Arbitrary<byte[]> mutatedFiles(String header, String[] rows) {
    Arbitrary<byte[]> mutated = Arbitraries.longs().map(seed -> {
      Random rnd = new Random(seed);
      StringBuilder sb = new StringBuilder(header).append(rnd.nextBoolean() ? "\n" : "\r\n");
      int n = rnd.nextInt(7);
      for (int i = 0; i < n; i++) sb.append(rows[rnd.nextInt(rows.length)]).append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      int m = rnd.nextInt(7);
      for (int i = 0; i < m; i++) bytes = mutate(bytes, rnd);
      return bytes;
    });
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, mutated), net.jqwik.api.Tuple.of(1, random));
  }

  static byte[] mutate(byte[] in, Random rnd) {
    List<Byte> b = new ArrayList<>();
    for (byte x : in) b.add(x);
    int at = b.isEmpty() ? 0 : rnd.nextInt(b.size() + 1);
    switch (rnd.nextInt(5)) {
      case 0 -> { // insert a token
        byte[] t = CSV_INSERTS[rnd.nextInt(CSV_INSERTS.length)].getBytes(StandardCharsets.UTF_8);
        for (int i = t.length - 1; i >= 0; i--) b.add(at, t[i]);
      }
      case 1 -> { // delete a run of bytes
        int len = 1 + rnd.nextInt(8);
        for (int i = 0; i < len && at < b.size(); i++) b.remove(at);
      }
      case 2 -> b.add(at, (byte) (0x80 + rnd.nextInt(0x80))); // a byte that is not UTF-8 on its own
      case 3 -> { // duplicate a stretch (e.g. a line)
        if (!b.isEmpty()) {
          int from = rnd.nextInt(b.size());
          int to = Math.min(b.size(), from + 1 + rnd.nextInt(60));
          b.addAll(at, new ArrayList<>(b.subList(from, to)));
        }
      }
      default -> { // replace a byte
        if (!b.isEmpty()) b.set(Math.min(at, b.size() - 1), (byte) rnd.nextInt(256));
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) out[i] = b.get(i);
    return out;
  }

  @Provide
  Arbitrary<List<String>> registrationRowsMutatedInFields() {
    String[] values = {"", " ", "GM9999", "GM0585", "gm0363", "GM12", "2099-01-01", "1900-01-01", "2024-02-30", "31-12-2023",
        "1950-01-01", "abc", "X", "lokaal_team", "toegang", "99", "12345678", "8152.52.821", "é€"};
    return Arbitraries.longs().map(seed -> {
      Random rnd = new Random(seed);
      List<String> rows = new ArrayList<>();
      int n = 1 + rnd.nextInt(8);
      for (int i = 0; i < n; i++) {
        String[] f = REG_ROWS[0].split(";", -1);
        int m = rnd.nextInt(4);
        for (int k = 0; k < m; k++) f[rnd.nextInt(f.length)] = values[rnd.nextInt(values.length)];
        rows.add(String.join(";", f));
      }
      return rows;
    });
  }

  // ---- CBS TypedDataSet JSON ----

  static final String[] CBS_VALUES = {"1.5", "0", "-3", "1e3", "null", "\".\"", "\" . \"", "\"\"", "\"12.5\"", "\"abc\"", "true",
      "{}", "[]", "[1,2]", "\"2024MM13\"", "\"ABCDJJ00\"", "\"GM9999\"", "\"NL01\"", "\"GM0585\"", "\"2024KW04\""};

  @Property(tries = 400)
  void cbsValueMutationsGiveCellsOrOneDeadLetterPerRow(@ForAll("cbsRows") List<Map<String, String>> rows) {
    StringBuilder json = new StringBuilder("{\"odata.metadata\":\"https://x/ODataApi/OData/85098NED/$metadata#x\",\"value\":[");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) json.append(',');
      json.append('{');
      boolean first = true;
      for (Map.Entry<String, String> e : rows.get(i).entrySet()) {
        if (!first) json.append(',');
        first = false;
        json.append('"').append(e.getKey()).append("\":").append(e.getValue());
      }
      json.append('}');
    }
    json.append("]}");
    ParseResult<CbsCell> r = new ParseResult<>();
    new CbsTableParser().parseJson("85098NED.json", TestText.utf8(json.toString()), Map.of(), r);
    Map<String, Integer> cellsPerRow = new HashMap<>();
    for (CbsCell c : r.records()) {
      cellsPerRow.merge(c.getPosition(), 1, Integer::sum);
      assertEquals(c.getValue() == null, Reasons.SECRET_OR_UNKNOWN.equals(c.getMissingReason()), c.toString());
      assertNotNull(CbsPeriodKey.parse(c.getPeriodeKey()), "only valid period keys pass: " + c.getPeriodeKey());
      assertTrue(c.getDimensions().values().stream().noneMatch(v -> v.strip().equals(".")), () -> "'.' is a missing value, not a dimension: " + c);
    }
    Map<String, Integer> deadPerRow = new HashMap<>();
    for (DeadLetter d : r.deadLetters()) {
      deadPerRow.merge(d.getPosition(), 1, Integer::sum);
      assertTrue(REASONS.contains(d.getReason()), d.getReason());
    }
    for (int i = 0; i < rows.size(); i++) {
      String pos = "value[" + i + "]";
      boolean asCells = cellsPerRow.containsKey(pos);
      boolean asDead = deadPerRow.containsKey(pos);
      assertTrue(asCells != asDead, () -> pos + " must end as cells or as a dead letter, not both/neither: " + json + r.deadLetters());
      if (asDead) assertEquals(1, deadPerRow.get(pos), pos);
    }
    assertEquals(rows.size(), cellsPerRow.size() + deadPerRow.size(), "no other outcomes");
  }

  @Property(tries = 300)
  void cbsByteMutationsNeverThrow(@ForAll("cbsFiles") byte[] file) {
    ParseResult<CbsCell> r = new ParseResult<>();
    new CbsTableParser().parse("85098NED.json", new ByteArrayInputStream(file), t -> null, r);
    for (DeadLetter d : r.deadLetters()) assertTrue(REASONS.contains(d.getReason()), d.getReason());
    assertTrue(r.records().size() + r.deadLetters().size() > 0, () -> "a file gives at least one outcome: " + show(file));
  }

  @Property(tries = 200)
  void cbsCsvByteMutationsNeverThrow(@ForAll("cbsCsvFiles") byte[] file) {
    ParseResult<CbsCell> r = new ParseResult<>();
    new CbsTableParser().parse("85098NED.csv", new ByteArrayInputStream(file), t -> null, r);
    for (DeadLetter d : r.deadLetters()) assertTrue(REASONS.contains(d.getReason()), d.getReason());
  }

  @Provide
  Arbitrary<List<Map<String, String>>> cbsRows() {
    return Arbitraries.longs().map(seed -> {
      Random rnd = new Random(seed);
      List<Map<String, String>> rows = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        row.put("ID", String.valueOf(i));
        row.put("RegioS", "\"GM0014    \"");
        row.put("Perioden", "\"2022JJ00\"");
        row.put("JongerenMetJeugdhulpInNatura_1", "15.4");
        row.put("JongerenMetJeugdbescherming_3", "1.4");
        List<String> keys = new ArrayList<>(row.keySet());
        int m = rnd.nextInt(4);
        for (int k = 0; k < m; k++) row.put(keys.get(rnd.nextInt(keys.size())), CBS_VALUES[rnd.nextInt(CBS_VALUES.length)]);
        if (rnd.nextInt(6) == 0) row.remove(keys.get(1 + rnd.nextInt(keys.size() - 1)));
        rows.add(row);
      }
      return rows;
    });
  }

  @Provide
  Arbitrary<byte[]> cbsFiles() {
    String valid = "{\"odata.metadata\":\"https://x/ODataApi/OData/85098NED/$metadata#x\",\"value\":["
        + "{\"ID\":0,\"RegioS\":\"GM0014    \",\"Perioden\":\"2022JJ00\",\"A_1\":15.4,\"B_2\":null},"
        + "{\"ID\":1,\"RegioS\":\"NL01      \",\"Perioden\":\"2022HJ01\",\"A_1\":\".\",\"B_2\":3}]}";
    return bytesMutations(valid);
  }

  @Provide
  Arbitrary<byte[]> cbsCsvFiles() {
    return bytesMutations("ID;RegioS;Perioden;A_1;B_2\n0;GM0014;2022JJ00;15,4;.\n1;NL01;2022HJ01;;3\n");
  }

  private static Arbitrary<byte[]> bytesMutations(String valid) {
    return Arbitraries.longs().map(seed -> {
      Random rnd = new Random(seed);
      byte[] b = valid.getBytes(StandardCharsets.UTF_8);
      int m = rnd.nextInt(6);
      for (int i = 0; i < m; i++) b = mutate(b, rnd);
      return b;
    });
  }

  private static String show(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    return "[" + (s.length() > 300 ? s.substring(0, 300) + "..." : s) + "]";
  }

  private static Set<String> reasons() {
    Set<String> s = new HashSet<>();
    for (Field f : Reasons.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("STAGE")
          && !f.getName().equals("SECRET_OR_UNKNOWN")) {
        try {
          s.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return s;
  }
}
