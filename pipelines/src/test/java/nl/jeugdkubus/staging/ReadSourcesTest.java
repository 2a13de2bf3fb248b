package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.CounterValues;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecord.Kind;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSourcesTest {

  private static <T> void assertCount(PCollection<T> pc, long n) {
    PAssert.thatSingleton(pc.apply("Count " + pc.getName(), Count.globally())).isEqualTo(n);
  }

  static long counter(PipelineResult result, String name) {
    return CounterValues.of(result, name);
  }

  @Test
  void readsEverySourceFromAFolder(@TempDir Path dir) throws IOException {
    StagingFixtures.copyInputTo(dir);
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    PCollectionTuple out = p.apply(new ReadSources(
        dir + "/registraties/*.csv", dir + "/ijw/*.xml", dir + "/declaraties/*.csv", dir + "/cbs/*"));
    PCollection<SourceRecord> persons = SourceStreams.all(out);
    PCollection<DeadLetter> dead = SourceStreams.deadLetters(out);

    // registraties-2024.csv: R-001..R-003 good, R-004 (30 Feb birth date) and R-005 (7-digit bsn) dead;
    // registraties-zonder-bsn.csv: no bsn column -> one dead letter for the file
    PCollection<RegistrationRow> regs = SourceStreams.of(persons, Kind.REGISTRATION_ROW, RegistrationRow.class);
    PAssert.that(regs.apply("RegIds", MapElements.into(TypeDescriptors.strings()).via(RegistrationRow::getRegistratieId)))
        .containsInAnyOrder("R-001", "R-002", "R-003");
    // JW301.xml: 2 ToegewezenProduct
    assertCount(SourceStreams.of(persons, Kind.IJW_TOEWIJZING, IjwToewijzing.class), 2);
    // JW305.xml 2 starts + JW307.xml 2 stops; JW305-afgebroken.xml is cut off: nothing from it
    PAssert.that(SourceStreams.of(persons, Kind.IJW_START_STOP, IjwStartStop.class)
            .apply("StartStopTypes", MapElements.into(TypeDescriptors.strings()).via(IjwStartStop::getBerichtType)))
        .containsInAnyOrder("JW305", "JW305", "JW307", "JW307");
    // JW323.xml 5 prestaties + declaraties CSV 3 good rows (RN005 has "50.00")
    PAssert.that(SourceStreams.of(persons, Kind.DECLARATIE_REGEL, DeclaratieRegel.class).apply("DeclFormats",
            MapElements.into(TypeDescriptors.strings()).via(d -> d.getSourceFormat() + ":" + d.getReferentieNummer())))
        .containsInAnyOrder("JW323:RN001", "JW323:RN002", "JW323:RN003", "JW323:RN004", "JW323:RN004",
            "CSV:RN001", "CSV:RN002", "CSV:RN003");
    // CBS: excerpt 10 rows x 5 topics = 50 cells with status Definitief from 85098NED_Perioden.json;
    // 03759ned CSV 2 good rows x 1 topic, no Perioden file -> status null; the Perioden file gives nothing
    PAssert.that(out.get(Tags.CBS_CELLS).apply("CellTables",
            MapElements.into(TypeDescriptors.strings()).via((CbsCell c) -> c.getTableId() + ":" + c.getStatus())))
        .satisfies(it -> {
          int definitief = 0;
          int noStatus = 0;
          int other = 0;
          for (String s : it) {
            if (s.equals("85098NED:Definitief")) definitief++;
            else if (s.equals("03759ned:null")) noStatus++;
            else other++;
          }
          assertEquals(50, definitief);
          assertEquals(2, noStatus);
          assertEquals(0, other);
          return null;
        });
    PAssert.that(dead.apply("DeadKeys",
            MapElements.into(TypeDescriptors.strings()).via((DeadLetter d) -> d.getSourceFile() + "|" + d.getReason())))
        .containsInAnyOrder(
            "registraties-2024.csv|INVALID_DATE",
            "registraties-2024.csv|INVALID_BSN",
            "registraties-zonder-bsn.csv|MISSING_COLUMN",
            "JW315.xml|INVALID_DATE",
            "JW315.xml|INVALID_DATE",
            "JW315.xml|UNSUPPORTED_MESSAGE",
            "JW305-afgebroken.xml|NOT_WELL_FORMED",
            "declaraties-2026-04.csv|INVALID_AMOUNT",
            "03759ned_TypedDataSet.csv|INVALID_NUMBER");

    // no dead letter holds a BSN of the inputs (as given or normalised)
    List<String> bsns = new ArrayList<>(List.of("999900122", "999900134", "12345623", "012345623", "999900146",
        "9999 001", "9999001", "999900006", "999900018", "999900158"));
    PAssert.that(dead).satisfies(it -> {
      for (DeadLetter d : it) {
        for (String b : bsns) assertFalse(d.toString().contains(b), d.toString());
      }
      return null;
    });

    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(2, counter(result, "staging.registraties.read"));
    assertEquals(3, counter(result, "staging.registraties.records"));
    assertEquals(3, counter(result, "staging.registraties.dead"));
    assertEquals(6, counter(result, "staging.ijw.read"));
    assertEquals(2 + 4 + 5, counter(result, "staging.ijw.records"));
    assertEquals(4, counter(result, "staging.ijw.dead"));
    assertEquals(1, counter(result, "staging.ijw.JW315.read"));
    assertEquals(1, counter(result, "staging.ijw.UNKNOWN.read")); // the cut-off file
    assertEquals(1, counter(result, "staging.declaraties_csv.read"));
    assertEquals(3, counter(result, "staging.declaraties_csv.records"));
    assertEquals(1, counter(result, "staging.declaraties_csv.dead"));
    assertEquals(2, counter(result, "staging.cbs.read")); // the Perioden file is not a data file
    assertEquals(52, counter(result, "staging.cbs.records"));
    assertEquals(1, counter(result, "staging.cbs.dead"));
    // the excerpt's 7 nulls (GM0047/_5, GM0059/_5, GM0060/_2.._5, GM0072/_5) are cells without a value
    assertEquals(7, counter(result, "staging.cbs.values.missing"));
  }

  @Test
  void nullAndEmptyGlobsGiveEmptyOutputs(@TempDir Path dir) throws IOException {
    StagingFixtures.copyInputTo(dir);
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    // only iJw, and a declarations glob that matches nothing
    PCollectionTuple out = p.apply(new ReadSources(null, dir + "/ijw/JW30*.xml", dir + "/nothing/*.csv", null));
    assertCount(out.get(Tags.REGISTRATION_SOURCE), 0);
    assertCount(out.get(Tags.DECLARATIONS_CSV_SOURCE), 0);
    assertCount(out.get(Tags.CBS_CELLS), 0);
    assertCount(out.get(Tags.DEAD_LETTERS), 0);
    PCollection<SourceRecord> ijw = out.get(Tags.IJW_SOURCE);
    assertCount(SourceStreams.of(ijw, Kind.IJW_TOEWIJZING, IjwToewijzing.class), 2); // JW301
    assertCount(SourceStreams.of(ijw, Kind.IJW_START_STOP, IjwStartStop.class), 4); // JW305 + JW307
    assertCount(SourceStreams.of(ijw, Kind.DECLARATIE_REGEL, DeclaratieRegel.class), 0);
    // JW305-afgebroken.xml matches JW30*.xml too
    PAssert.that(SourceStreams.of(ijw, Kind.DEAD_LETTER, DeadLetter.class).apply("Reasons",
            MapElements.into(TypeDescriptors.strings()).via(DeadLetter::getReason)))
        .containsInAnyOrder("NOT_WELL_FORMED");
    // and one digest line per message file read: JW301, JW305, JW305-afgebroken, JW307
    assertCount(ijw.apply("Digests", org.apache.beam.sdk.transforms.Filter.by((SourceRecord r) -> r.kind() == Kind.INPUT_DIGEST))
        .apply("DigestLines", FlatMapElements.into(TypeDescriptors.strings())
            .via((SourceRecord r) -> List.of(r.as(String.class).split("\n")))), 4);
    p.run().waitUntilFinish();
  }
}
