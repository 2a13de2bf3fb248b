package nl.jeugdkubus.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The console progress line: per stage, the sum of that stage's counters so far (docs/architecture.md). */
class ProgressTest {
  @Test
  void oneLineWithTheRecordsSoFarPerStage() {
    // counters of this JVM are cumulative: read what is there before, then add a worked example on top
    String before = Progress.line(0);
    long read = Progress.get("staging.registraties.records") + Progress.get("staging.ijw.records")
        + Progress.get("staging.declaraties_csv.records") + Progress.get("staging.cbs.records") + Progress.get("staging.financien.records");
    long linked = Progress.get("linkage.persons");
    long dead = Progress.get("staging.ijw.dead") + Progress.get("pseudonymisation.registraties.dead")
        + Progress.get("staging.registraties.dead") + Progress.get("staging.declaraties_csv.dead") + Progress.get("staging.cbs.dead")
        + Progress.get("staging.financien.dead") + Progress.get("pseudonymisation.toewijzingen.dead")
        + Progress.get("pseudonymisation.mutaties.dead") + Progress.get("pseudonymisation.declaraties.dead");
    Progress.add("staging.registraties.records", 1200);
    Progress.add("staging.ijw.records", 34);
    Progress.add("linkage.persons", 7);
    Progress.add("staging.ijw.dead", 2);
    Progress.add("pseudonymisation.registraties.dead", 1);
    Progress.add("some.other.counter", 99);
    String line = Progress.line(12_345);
    assertEquals("[  12s]", line.substring(0, 7), before);
    assertEquals(String.format("  read %,d", read + 1234), line.substring(7, line.indexOf("  pseudonymised")));
    assertEquals(String.format("persons linked %,d", linked + 7),
        line.substring(line.indexOf("persons linked"), line.indexOf("  table rows")));
    assertEquals(String.format("dead letters %,d", dead + 3), line.substring(line.indexOf("dead letters")));
  }
}
