package nl.jeugdkubus.intermediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.CounterValues;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one stream from the readers to the per-person grouping: records, dead letters and digest lines enter
 * together; each comes out where it belongs, with nothing lost and no BSN anywhere.
 */
class OneStreamTest {
  static RegistrationRow row(String id, String bsn) {
    return RegistrationRow.newBuilder().setSourceFile("r.csv").setPosition("line " + id).setRegistratieId("R" + id)
        .setBsn(bsn).setGeboortedatum("2012-03-15").setGeslacht("V").setPostcode("7121AB").setGemeenteCode("GM0197")
        .setWijk("Centrum").setSoort("lokaal_team").setAanmelddatum("2023-01-02").setStartdatum("2023-01-10").build();
  }

  static long counter(PipelineResult result, String name) {
    return CounterValues.of(result, name);
  }

  @Test
  void recordsDeadLettersAndDigestLinesEachEndWhereTheyBelong(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("key");
    Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    PseudonymKey key = PseudonymKey.from(keyFile.toString(), null);
    // 123456782 passes the eleven-test (9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8-1*2 = 154 = 14*11); 123456789 does not (147)
    DeadLetter fromStaging = DeadLetters.of("ijw", "JW305-afgebroken.xml", "file", "staging", "NOT_WELL_FORMED",
        "cut off", null, "IJW");
    // digest lines come in blocks, one per bundle of files read
    String digest = "ab12  100  ijw/JW301.xml\ncd34  200  ijw/JW305.xml";

    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    SourceRecordCoder coder = SourceRecordCoder.of();
    PCollectionTuple staged = PCollectionTuple
        .of(Tags.REGISTRATION_SOURCE, p.apply("Regs", Create.of(List.of(
            SourceRecord.of(row("1", "123456782")), SourceRecord.of(row("2", "123456789")))).withCoder(coder)))
        .and(Tags.IJW_SOURCE, p.apply("Ijw", Create.of(List.of(
            SourceRecord.of(fromStaging), SourceRecord.digestLines(digest))).withCoder(coder)))
        .and(Tags.DECLARATIONS_CSV_SOURCE, p.apply("Csv", Create.empty(coder)));
    PCollectionTuple linked = staged
        .apply(new PseudonymiseSources(key, "beleid"))
        .apply(new LinkTrajectories(LinkConfig.load(null)));

    String pseudonym = new Pseudonymiser(key.read(), "beleid").ofBsn("123456782");
    PAssert.that(linked.get(Tags.PERSONS).apply("Pseudonyms",
            MapElements.into(TypeDescriptors.strings()).via(PersonHistory::getPseudonym)))
        .containsInAnyOrder(pseudonym);
    PAssert.that(linked.get(Tags.DEAD_LETTERS).apply("Reasons",
            MapElements.into(TypeDescriptors.strings()).via((DeadLetter d) -> d.getSourceFile() + "|" + d.getReason())))
        .containsInAnyOrder("r.csv|INVALID_BSN", "JW305-afgebroken.xml|NOT_WELL_FORMED");
    PAssert.that(linked.get(Tags.IJW_INPUT_DIGESTS)).containsInAnyOrder(digest);
    List<String> bsns = new ArrayList<>(List.of("123456782", "123456789", "2012-03-15", "7121AB"));
    PAssert.that(linked.get(Tags.DEAD_LETTERS)).satisfies(it -> {
      for (DeadLetter d : it) for (String b : bsns) assertFalse(d.toString().contains(b), d.toString());
      return null;
    });
    PAssert.that(linked.get(Tags.PERSONS)).satisfies(it -> {
      for (PersonHistory h : it) for (String b : bsns) assertFalse(h.toString().contains(b), h.toString());
      return null;
    });

    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(2, counter(result, "pseudonymisation.registraties.in"));
    assertEquals(1, counter(result, "pseudonymisation.registraties.out"));
    assertEquals(1, counter(result, "pseudonymisation.registraties.dead"));
    assertEquals(1, counter(result, "linkage.registraties.in"));
    assertEquals(1, counter(result, "linkage.persons"));
  }

  @Test
  void passThroughKeysNeverMeetAPseudonym() {
    DeadLetter d = DeadLetters.of("registraties", "r.csv", "line 7", "staging", "INVALID_DATE", "30 Feb", null, "REGISTRATIE");
    assertEquals("!dead r.csv line 7", StreamKeys.deadLetter(d));
    assertEquals("!digest ab12  100  ijw/a.xml", StreamKeys.digestLines("ab12  100  ijw/a.xml\ncd34  200  ijw/b.xml"));
    assertEquals("!digest ab12  100  ijw/a.xml", StreamKeys.digestLines("ab12  100  ijw/a.xml"));
    assertFalse(StreamKeys.isPerson(StreamKeys.deadLetter(d)));
    assertFalse(StreamKeys.isPerson(StreamKeys.digestLines("x")));
    // a pseudonym is 64 hex digits: always a person's key
    String pseudonym = new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(), "beleid").ofBsn("123456782");
    assertEquals(true, StreamKeys.isPerson(pseudonym));
  }
}
