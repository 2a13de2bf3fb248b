package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.generator.GenerateRegion;
import nl.jeugdkubus.generator.GeneratorConfig;
import nl.jeugdkubus.marts.CbsTables;
import nl.jeugdkubus.marts.Dims;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.RegistrationRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated region that straddles a merger: Voorne aan Zee GM1992 (formed 2023-01-01), whose registrations
 * starting before 2023 and CBS figures of 2022 carry Brielle's code GM0501. The expected numbers are counted
 * straight from the generated files, not through the parsers.
 */
class GeneratedMergerTest {
  @TempDir static Path dir;
  static Map<String, Long> rowsPerCode;

  @BeforeAll
  static void generate() throws IOException {
    GenerateRegion.generate(GeneratorConfig.defaults().withRegion("GM1992").withScale(0.05).withRange("2022H1", "2023H2")
        .withOldCode("GM1992", "GM0501", LocalDate.of(2023, 1, 1)), dir);
    rowsPerCode = new TreeMap<>();
    for (Path f : files("registraties")) {
      List<String> lines = Files.readAllLines(f);
      int col = List.of(lines.get(0).split(";")).indexOf("gemeentecode");
      for (String l : lines.subList(1, lines.size())) rowsPerCode.merge(l.split(";", -1)[col], 1L, Long::sum);
    }
  }

  static List<Path> files(String sub) throws IOException {
    try (var s = Files.list(dir.resolve(sub))) {
      return s.sorted().toList();
    }
  }

  private static ParseResult<RegistrationRow> registrations(GemeenteCodes codes) throws IOException {
    ParseResult<RegistrationRow> r = new ParseResult<>();
    StagingRules rules = new StagingRules(codes, DatePlausibility.defaults());
    for (Path f : files("registraties")) {
      try (InputStream in = Files.newInputStream(f)) {
        new RegistrationCsvParser(ProductCategories.verwijzers(null), rules).parse(f.getFileName().toString(), in, r);
      }
    }
    return r;
  }

  @Test
  void theRegionStraddlesTheMerger() {
    assertEquals(List.of("GM0501", "GM1992"), List.copyOf(rowsPerCode.keySet()), rowsPerCode.toString());
    assertTrue(rowsPerCode.get("GM0501") > 10 && rowsPerCode.get("GM1992") > 10, rowsPerCode.toString());
  }

  @Test
  void oldCodesAreMappedAndCounted() throws IOException {
    ParseResult<RegistrationRow> r = registrations(GemeenteCodes.packaged());
    assertEquals(List.<DeadLetter>of(), r.deadLetters());
    long all = rowsPerCode.get("GM0501") + rowsPerCode.get("GM1992");
    assertEquals(all, r.records().size());
    assertTrue(r.records().stream().allMatch(x -> x.getGemeenteCode().equals("GM1992")));
    assertEquals(rowsPerCode.get("GM0501"), r.notes().get(GemeenteCodes.MAPPED_NOTE)); // every Brielle row, no other
  }

  @Test
  void onTheBoundariesOf2022TheNewGemeenteCannotBeSplit() throws IOException {
    ParseResult<RegistrationRow> r = registrations(GemeenteCodes.packaged().forBoundaries(2022));
    assertEquals((long) rowsPerCode.get("GM0501"), r.records().size()); // Brielle's rows stay Brielle's
    assertTrue(r.records().stream().allMatch(x -> x.getGemeenteCode().equals("GM0501")));
    assertEquals((long) rowsPerCode.get("GM1992"), r.deadLetters().size());
    assertTrue(r.deadLetters().stream().allMatch(d -> d.getReason().equals(Reasons.NOT_ON_BOUNDARIES)));
    assertEquals(null, r.notes().get(GemeenteCodes.MAPPED_NOTE));
  }

  @Test
  void cbsPopulationOfTheOldCodeIsTheNewGemeentesDenominator() throws IOException {
    ParseResult<CbsCell> cells = new ParseResult<>();
    Path pop = dir.resolve("cbs/03759ned_TypedDataSet.json");
    try (InputStream in = Files.newInputStream(pop)) {
      new CbsTableParser().parseJson(pop.getFileName().toString(), in, Map.of(), cells);
    }
    assertEquals(List.<DeadLetter>of(), cells.deadLetters());
    // by the file: the sum over ages 0-17 (Geslacht totaal) of GM0501 in 2022 and of GM1992 in 2023
    long brielle2022 = 0;
    long voorne2023 = 0;
    for (CbsCell c : cells.records()) {
      int age = Integer.parseInt(c.getDimensions().get("Leeftijd").substring(3));
      if (age > 17 || !c.getDimensions().get("Geslacht").equals("T001038")) continue;
      if (c.getRegioCode().equals("GM0501") && c.getPeriodeKey().equals("2022JJ00")) brielle2022 += Math.round(c.getValue());
      if (c.getRegioCode().equals("GM1992") && c.getPeriodeKey().equals("2023JJ00")) voorne2023 += Math.round(c.getValue());
      assertTrue(!c.getRegioCode().equals("GM1992") || c.getPeriodeKey().equals("2023JJ00"), "GM1992 only from 2023: " + c);
    }
    assertTrue(brielle2022 > 0 && voorne2023 > 0);
    CbsTables t = new CbsTables();
    for (CbsCell c : cells.records()) t.add(c, CbsTables.leeftijdMapping(null), GemeenteCodes.packaged().forBoundaries(null));
    assertEquals(brielle2022, t.population("GM1992", null, 2022, Dims.TOTAAL, Dims.U0_17));
    assertEquals(voorne2023, t.population("GM1992", null, 2023, Dims.TOTAAL, Dims.U0_17));
  }
}
