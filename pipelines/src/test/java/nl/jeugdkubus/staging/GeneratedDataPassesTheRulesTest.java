package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.generator.GenerateRegion;
import nl.jeugdkubus.generator.GeneratorConfig;
import nl.jeugdkubus.model.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's data (no defects) meets the gemeente, period and date rules: none of its records
 * becomes an UNKNOWN_GEMEENTE, INVALID_PERIOD or IMPLAUSIBLE_DATE dead letter, for a run of all its
 * periods and for a rerun of only its last half-year (the job stops above 2 % rejects per source).
 */
class GeneratedDataPassesTheRulesTest {
  static final Set<String> NEW_REASONS = Set.of(Reasons.UNKNOWN_GEMEENTE, Reasons.INVALID_PERIOD, Reasons.IMPLAUSIBLE_DATE);
  @TempDir Path dir;

  @Test
  void generatedDataGivesNoneOfTheNewDeadLetters() throws IOException {
    GenerateRegion.generate(GeneratorConfig.defaults().withScale(0.05).withRange("2023H1", "2024H2"), dir);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (List<Period> periods : List.of(Period.parseList("2023H1-2024H2"), Period.parseList("2024H2"))) {
      StagingRules rules = new StagingRules(GemeenteCodes.packaged(), DatePlausibility.forRun(periods, today, 366));
      Map<String, Long> byReason = new TreeMap<>();
      long records = parseAll(rules, byReason);
      assertTrue(records > 1000, "the generated data was read: " + records);
      for (String r : NEW_REASONS) assertEquals(0L, byReason.getOrDefault(r, 0L), periods + ": " + byReason);
    }
  }

  private long parseAll(StagingRules rules, Map<String, Long> byReason) throws IOException {
    ParseResult<Object> all = new ParseResult<>();
    long records = 0;
    for (Path f : files("registraties")) {
      ParseResult<nl.jeugdkubus.model.RegistrationRow> r = new ParseResult<>();
      try (InputStream in = Files.newInputStream(f)) {
        new RegistrationCsvParser(ProductCategories.verwijzers(null), rules).parse(f.getFileName().toString(), in, r);
      }
      records += r.records().size();
      count(r.deadLetters(), byReason);
    }
    for (Path f : files("declaraties")) {
      ParseResult<nl.jeugdkubus.model.DeclaratieRegel> r = new ParseResult<>();
      try (InputStream in = Files.newInputStream(f)) {
        new DeclarationCsvParser(ProductCategories.load(null), rules).parse(f.getFileName().toString(), in, r);
      }
      records += r.records().size();
      count(r.deadLetters(), byReason);
    }
    for (Path f : files("financien")) {
      ParseResult<nl.jeugdkubus.model.CbsCell> r = new ParseResult<>();
      try (InputStream in = Files.newInputStream(f)) {
        new FinanceCsvParser(rules).parse(f.getFileName().toString(), in, r);
      }
      records += r.records().size();
      count(r.deadLetters(), byReason);
    }
    IjwMessageParser ijw = new IjwMessageParser(ProductCategories.load(null), rules);
    for (Path f : files("ijw")) {
      IjwMessageParser.Result r = new IjwMessageParser.Result();
      try (InputStream in = Files.newInputStream(f)) {
        ijw.parse(f.getFileName().toString(), in, r);
      }
      records += r.recordCount();
      count(r.deadLetters, byReason);
    }
    CbsTableParser cbs = new CbsTableParser(rules.gemeenten());
    for (Path f : files("cbs")) {
      if (CbsTableParser.isPeriodenFile(f.getFileName().toString())) continue;
      ParseResult<nl.jeugdkubus.model.CbsCell> r = new ParseResult<>();
      try (InputStream in = Files.newInputStream(f)) {
        cbs.parse(f.getFileName().toString(), in, t -> null, r);
      }
      records += r.records().size();
      count(r.deadLetters(), byReason);
    }
    return records;
  }

  private static void count(List<DeadLetter> dead, Map<String, Long> byReason) {
    for (DeadLetter d : dead) byReason.merge(d.getReason(), 1L, Long::sum);
  }

  private List<Path> files(String folder) throws IOException {
    Path d = dir.resolve(folder);
    if (!Files.isDirectory(d)) return List.of();
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
