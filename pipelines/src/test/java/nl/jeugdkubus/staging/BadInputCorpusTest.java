package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdkubus.model.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/corpus/, one folder per case, format in its README.md): every
 * case runs through the staging parsers and must give exactly its expected records per source and its
 * expected dead letters (file, position, reason, detail fragment), every CSV file must account for each
 * of its physical lines, and no BSN of the case's input may appear in any dead letter in any formatting.
 */
class BadInputCorpusTest {
  /** Distinct fault kinds the corpus must cover (issue 8 asks for at least 40). */
  static final int MINIMUM_CASES = 40;

  static Stream<CorpusCase> cases() throws IOException {
    List<CorpusCase> out = new ArrayList<>();
    for (var d : CorpusCase.all(StagingFixtures.resource("corpus"))) out.add(new CorpusCase(d));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseGivesItsExpectedOutcome(CorpusCase c) throws IOException {
    CorpusCase.Outcome o = c.parse();

    // dead letters: exactly the expected ones (file | position | reason [| detail fragment]; position * = any)
    List<String[]> want = c.expectedDead();
    List<DeadLetter> unmatched = new ArrayList<>(o.deadLetters);
    List<String> missing = new ArrayList<>();
    for (String[] w : want) {
      DeadLetter hit = null;
      for (DeadLetter d : unmatched) {
        if (matches(w, d)) {
          hit = d;
          break;
        }
      }
      if (hit == null) missing.add(String.join(" | ", w));
      else unmatched.remove(hit);
    }
    assertTrue(missing.isEmpty() && unmatched.isEmpty(), c.id + ": expected dead letters not found: " + missing
        + "\n  unexpected dead letters: " + unmatched.stream().map(d -> key(d.getSourceFile(), d.getPosition(), d.getReason())).toList()
        + "\n  all dead letters:\n" + details(o));

    // records per source (sources not named in expected.properties: none)
    Map<String, Long> wantRecords = new TreeMap<>(c.expectedRecords());
    wantRecords.values().removeIf(v -> v == 0);
    assertEquals(wantRecords, o.records, c.id + ": records per source");

    // every physical line of every CSV file accounted for
    for (Map.Entry<String, CsvLineCount> e : o.lines.entrySet()) {
      assertTrue(e.getValue().reconciles(), c.id + ": lines of " + e.getKey() + " do not reconcile: " + e.getValue());
    }
    for (Map.Entry<String, long[]> e : c.expectedLines().entrySet()) {
      CsvLineCount l = o.lines.get(e.getKey());
      if (l == null) fail(c.id + ": no CSV file " + e.getKey());
      long[] v = e.getValue();
      assertEquals(List.of(v[0], v[1], v[2], v[3], v[4]), List.of(l.read(), l.header(), l.records(), l.blank(), l.rejected()),
          c.id + ": lines of " + e.getKey() + " (read, header, records, blank, rejected)");
    }
    for (Map.Entry<String, Long> e : c.expectedTranscoded().entrySet()) {
      assertEquals(e.getValue(), o.lines.get(e.getKey()).transcoded(), c.id + ": Windows-1252 lines of " + e.getKey());
    }

    // no input BSN in any dead letter, in any formatting
    for (String bsn : c.inputBsns()) {
      Pattern any = Pattern.compile(String.join("[\\s.\\-]?", bsn.split("")));
      Pattern eight = Pattern.compile(String.join("[\\s.\\-]?", bsn.substring(1).split("")));
      for (DeadLetter d : o.deadLetters) {
        String all = d.toString();
        assertFalse(any.matcher(all).find(), c.id + ": a dead letter holds an input BSN: " + d.getReason());
        if (bsn.startsWith("0")) assertFalse(eight.matcher(all).find(), c.id + ": a dead letter holds an input BSN");
      }
    }
  }

  @Test
  void corpusCoversEnoughKindsOfFault() throws IOException {
    long n = cases().count();
    assertTrue(n >= MINIMUM_CASES, "the corpus has " + n + " cases; at least " + MINIMUM_CASES + " kinds of fault expected");
  }

  private static boolean matches(String[] w, DeadLetter d) {
    return w[0].equals(d.getSourceFile()) && (w[1].equals("*") || w[1].equals(d.getPosition())) && w[2].equals(d.getReason())
        && (w.length < 4 || w[3].isEmpty() || d.getDetail().contains(w[3]));
  }

  private static String key(String file, String position, String reason) {
    return file + " | " + position + " | " + reason;
  }

  private static String details(CorpusCase.Outcome o) {
    StringBuilder sb = new StringBuilder();
    for (DeadLetter d : o.deadLetters) {
      sb.append("  ").append(key(d.getSourceFile(), d.getPosition(), d.getReason())).append(" : ").append(d.getDetail()).append('\n');
    }
    sb.append("  records: ").append(o.records).append('\n');
    return sb.toString();
  }
}
