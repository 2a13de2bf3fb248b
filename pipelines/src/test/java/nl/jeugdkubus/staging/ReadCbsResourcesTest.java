package nl.jeugdkubus.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cbs/ folder as fetch-cbs.sh or a CSV download leaves it: data next to its resources, some as CSV. */
class ReadCbsResourcesTest {
  @Test
  void csvDataTakesItsStatusFromACsvPeriodenAndResourcesAreNotTables(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("03759ned.csv"), CbsFormatsTest.CSV);
    Files.writeString(dir.resolve("03759ned_Perioden.csv"), CbsFormatsTest.PERIODEN_CSV);
    Files.writeString(dir.resolve("03759ned_Geslacht.json"), "{\"value\":[{\"Key\":\"3000     \",\"Title\":\"Mannen\"}]}");
    Files.writeString(dir.resolve("03759ned_DataProperties.json"), "{\"value\":["
        + "{\"Type\":\"Dimension\",\"Key\":\"Geslacht\"},{\"Type\":\"Dimension\",\"Key\":\"Leeftijd\"},"
        + "{\"Type\":\"GeoDimension\",\"Key\":\"RegioS\"},{\"Type\":\"TimeDimension\",\"Key\":\"Perioden\"},"
        + "{\"Type\":\"Topic\",\"Key\":\"BevolkingOp1Januari_1\"}]}"); // only _1 is a topic: _2 becomes a dimension
    Files.writeString(dir.resolve("85098NED_RegioS.json"), "{\"value\":[{\"Key\":\"GM0197\"");  // broken resource
    Pipeline p = Pipeline.create();
    ModelCoders.register(p);
    PCollectionTuple out = p.apply(new ReadCbsTables(dir + "/*"));
    // rows 0, 1, 5 of the CBS CSV give one cell each (BevolkingOp1Januari_1), with the CSV Perioden's status
    PAssert.that(out.get(Tags.CBS_CELLS).apply(MapElements.into(TypeDescriptors.strings())
            .via((CbsCell c) -> c.getRegioCode() + " " + c.getPeriodeKey() + " " + c.getMeasure() + " " + c.getValue() + " " + c.getStatus()
                + " " + c.getDimensions().get("GemiddeldeBevolking_2"))))
        .containsInAnyOrder(
            "GM0197 2024JJ00 BevolkingOp1Januari_1 1234.0 Voorlopig 1240.5",
            "GM0197 2024JJ00 BevolkingOp1Januari_1 null Voorlopig 1190",
            "NL01 2023JJ00 BevolkingOp1Januari_1 1.7811291E7 Definitief .");
    // the three bad data rows, and the broken resource once; Perioden, Geslacht and DataProperties give nothing
    PAssert.that(out.get(Tags.DEAD_LETTERS).apply("Reasons", MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> d.getSourceFile() + " " + d.getReason())))
        .containsInAnyOrder("03759ned.csv UNKNOWN_GEMEENTE", "03759ned.csv INVALID_PERIOD", "03759ned.csv INVALID_NUMBER",
            "85098NED_RegioS.json NOT_WELL_FORMED");
    p.run().waitUntilFinish();
  }
}
