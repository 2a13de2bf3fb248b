package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.staging.IjwMessageParser;
import nl.jeugdkubus.staging.IjwSchemas;
import org.junit.jupiter.api.Test;

/**
 * Every message the generator writes passes the staging reader's XSD validation (the packaged,
 * classpath XSDs the job uses) and the JW323 total check; with defects, only the defects the generator
 * counted come out, never SCHEMA_INVALID or TOTAL_MISMATCH. Also prints the cost of the validation.
 */
class GeneratedMessagesStageCleanlyTest {
  private static Map<String, Long> reasons(Path ijw, long[] messagesAndNanos) throws Exception {
    IjwMessageParser parser = new IjwMessageParser();
    Map<String, Long> out = new TreeMap<>();
    long nanos = 0;
    List<Path> files = Fixtures.files(ijw, "*.xml");
    for (Path f : files) {
      IjwMessageParser.Result r = new IjwMessageParser.Result();
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(f)) {
        parser.parse(f.getFileName().toString(), in, r);
      }
      nanos += System.nanoTime() - t0;
      for (DeadLetter d : r.deadLetters) out.merge(d.getReason(), 1L, Long::sum);
    }
    messagesAndNanos[0] = files.size();
    messagesAndNanos[1] = nanos;
    return out;
  }

  @Test
  void generatedMessagesWithoutDefectsAreAllTakenIn() throws Exception {
    Fixtures.Run run = Fixtures.get(Fixtures.SMALL);
    long[] mn = new long[2];
    Map<String, Long> dead = reasons(run.dir().resolve("ijw"), mn);
    assertEquals(Map.of(), dead);
    assertTrue(mn[0] > 100, "too few messages: " + mn[0]);
    // the cost: parse + validate, and the validation alone (docs/reliability.md "XSD validation")
    long v0 = System.nanoTime();
    for (Path f : Fixtures.files(run.dir().resolve("ijw"), "*.xml")) {
      IjwSchemas.validate(f.getFileName().toString().substring(0, 5), Files.readAllBytes(f));
    }
    long v = System.nanoTime() - v0;
    System.out.printf("XSD cost: %d messages, parse+validate %.3f ms/message, validate alone %.3f ms/message%n",
        mn[0], mn[1] / 1e6 / mn[0], v / 1e6 / mn[0]);
  }

  @Test
  void defectsNeverTurnIntoSchemaOrTotalRejects() throws Exception {
    // 10 % defects: BSNs that fail the eleven-test or are placeholders (valid for the XSD: 9 digits),
    // duplicated prestaties (in the JW323 total too), files cut off (NOT_WELL_FORMED)
    Fixtures.Run run = Fixtures.get(Fixtures.SMALL.withDefects(0.1));
    Map<String, Long> dead = reasons(run.dir().resolve("ijw"), new long[2]);
    assertTrue(dead.containsKey("NOT_WELL_FORMED"), dead::toString);
    assertEquals(Map.of("NOT_WELL_FORMED", dead.get("NOT_WELL_FORMED")), dead);
    assertEquals(run.summary().defects("NOT_WELL_FORMED_XML"), (long) dead.get("NOT_WELL_FORMED"));
  }
}
