package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.marts.GemeenteInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run configuration: every option and configuration problem is found before the output folder is
 * touched, ends with exit code 2 and a one-line message; the tables are read once, with their hashes.
 */
class RunConfigurationTest {
  @TempDir Path dir;
  Path input;
  Path output;
  Path key;
  SortedMap<String, String> before;

  @BeforeEach
  void previousOutput() throws Exception {
    input = Files.createDirectories(dir.resolve("input/registraties"));
    Files.writeString(input.resolve("r.csv"), "registratie_id;bsn\n");
    input = input.getParent();
    output = dir.resolve("out");
    // the output of an earlier run that must survive every rejected command line
    Files.createDirectories(output.resolve("cube/periode=2023H1/gemeente=GM0197"));
    Files.writeString(output.resolve("cube/periode=2023H1/gemeente=GM0197/part-00000-of-00001.parquet"), "old cube");
    Files.createDirectories(output.resolve("deadletters"));
    Files.writeString(output.resolve("deadletters/deadletters-00000-of-00001.jsonl"), "{}\n");
    Files.writeString(output.resolve("manifest.json"), "{\"run_id\":\"old\"}");
    before = OutputSnapshot.of(output);
    key = dir.resolve("k.key");
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(key, "0123456789abcdef0123456789abcdef");
  }

  List<String> args(String... extra) {
    List<String> a = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--keyFile=" + key,
        "--periods=2023H1-2023H2", "--runner=DirectRunner"));
    for (String e : extra) {
      a.removeIf(x -> x.startsWith(e.substring(0, e.indexOf('=') + 1)));
      a.add(e);
    }
    return a;
  }

  /** Runs the job's command line in this JVM; returns exit code and what it printed on stderr. */
  record Result(int exitCode, String err) {}

  Result execute(List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Result(JeugdkubusPipeline.execute(args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  void assertRejected(Result r, String expectedInMessage) throws Exception {
    assertEquals(2, r.exitCode(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, "one line, no stack trace: " + r.err());
    assertTrue(lines[0].startsWith("jeugdkubus: "), lines[0]);
    assertTrue(lines[0].contains(expectedInMessage), lines[0]);
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(before, OutputSnapshot.of(output), "the previous output is untouched");
  }

  @Test
  void aBadIndexBaseIsRejectedBeforeThePreviousCubeIsTouched() throws Exception {
    // today's bug: the old cube and manifest were deleted first, then a stack trace and exit code 1
    assertRejected(execute(args("--indexBase=2021Q1")), "--indexBase");
  }

  @Test
  void aMisspelledOptionIsAOneLineMessage() throws Exception {
    assertRejected(execute(args("--inptu=x")), "inptu");
  }

  @Test
  void aMalformedNumberIsAOneLineMessage() throws Exception {
    assertRejected(execute(args("--roundTo=five")), "roundTo");
  }

  @Test
  void impossibleValuesAreRejected() throws Exception {
    assertRejected(execute(args("--roundTo=0")), "--roundTo");
    assertRejected(execute(args("--suppressUpTo=-1")), "--suppressUpTo");
    assertRejected(execute(args("--periods=2024")), "--periods");
    assertRejected(execute(args("--periods=2024H2-2024H1")), "--periods");
    assertRejected(execute(args("--runId=../escape")), "--runId");
    assertRejected(execute(args("--referenceGroup=GM0197,GM9999")), "GM9999");
    assertRejected(execute(args("--replace=everything")), "--replace");
    assertRejected(execute(args("--keepHistory=0")), "--keepHistory");
    assertRejected(execute(List.of("--input=" + dir.resolve("nowhere"), "--output=" + output, "--keyFile=" + key,
        "--runner=DirectRunner")), "--input folder not found");
    assertRejected(execute(List.of("--input=" + input, "--output=" + output, "--keyFile=" + dir.resolve("missing.key"),
        "--runner=DirectRunner")), "Key file not found");
  }

  @Test
  void aPeriodExactRerunThatWouldComputeDifferentlyFromThePublishedOutputIsRefused() throws Exception {
    // a published output of 2022H1-2023H2 made with --roundTo=5; a rerun of 2023H2 keeps 2022H1, so it must round alike
    Path published = dir.resolve("published");
    Path v = Files.createDirectories(published.resolve(".versions/v1"));
    for (String per : List.of("2022H1", "2023H1", "2023H2", "2023")) {
      Files.createDirectories(v.resolve("tables/t/periode=" + per + "/gemeente=GM0197"));
      Files.writeString(v.resolve("tables/t/periode=" + per + "/gemeente=GM0197/part-00000-of-00001.parquet"), per);
    }
    Files.writeString(v.resolve("manifest.json"), "{\"run_id\":\"v1\",\"disclosure\":{\"round_to\":5,\"suppress_up_to\":7},"
        + "\"index_base\":\"2021H1\",\"purpose\":\"beleidsinformatie-jeugd\"}");
    Files.createSymbolicLink(published.resolve(".current"), Path.of(".versions/v1"));
    SortedMap<String, String> was = OutputSnapshot.of(published.resolve(".versions"));
    List<String> a = args("--output=" + published, "--periods=2023H2", "--roundTo=10");
    Result r = execute(a);
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("round_to (--roundTo)") && r.err().contains("--replace=all"), r.err());
    assertFalse(r.err().contains("suppress_up_to"), r.err());
    assertEquals(was, OutputSnapshot.of(published.resolve(".versions")));
    // the same options as the published output: accepted, and planned as a period-exact rerun of 2023H2 and 2023
    RunConfiguration ok = RunConfiguration.from(RunConfiguration.parseOptions(args("--output=" + published, "--periods=2023H2")
        .toArray(String[]::new)));
    assertTrue(ok.plan().periodExact());
    assertEquals("[2023H1, 2023H2]", ok.periods().toString(), "2023H1 is computed for the year 2023");
    // published on the boundaries of 2021: a rerun on the newest boundaries would mix two maps of gemeenten
    Files.writeString(v.resolve("manifest.json"), "{\"run_id\":\"v1\",\"disclosure\":{\"round_to\":5,\"suppress_up_to\":7},"
        + "\"index_base\":\"2021H1\",\"purpose\":\"beleidsinformatie-jeugd\",\"boundaries\":\"2021\"}");
    Result b = execute(args("--output=" + published, "--periods=2023H2"));
    assertEquals(2, b.exitCode(), b.err());
    assertTrue(b.err().contains("boundaries (--boundaries)"), b.err());
    RunConfiguration.from(RunConfiguration.parseOptions(args("--output=" + published, "--periods=2023H2", "--boundaries=2021")
        .toArray(String[]::new)));
    // published without top-level complements: a rerun that may choose them would mix two suppression methods
    Files.writeString(v.resolve("manifest.json"), "{\"run_id\":\"v1\",\"disclosure\":{\"round_to\":5,\"suppress_up_to\":7,"
        + "\"protect_top_level\":false},\"index_base\":\"2021H1\",\"purpose\":\"beleidsinformatie-jeugd\"}");
    Result t = execute(args("--output=" + published, "--periods=2023H2", "--protectTopLevel=true"));
    assertEquals(2, t.exitCode(), t.err());
    assertTrue(t.err().contains("protect_top_level (--protectTopLevel)"), t.err());
    assertFalse(t.err().contains("round_to"), t.err());
    assertFalse(RunConfiguration.from(RunConfiguration.parseOptions(args("--output=" + published, "--periods=2023H2")
        .toArray(String[]::new))).protectTopLevel());
    // --replace=all needs no compatibility: it keeps nothing of the published output
    assertFalse(RunConfiguration.from(RunConfiguration.parseOptions(args("--output=" + published, "--periods=2023H2",
        "--roundTo=10", "--replace=all").toArray(String[]::new))).plan().periodExact());
  }

  @Test
  void boundariesAreAYearOfTheHerindelingTable() throws Exception {
    assertRejected(execute(args("--boundaries=2018")), "--boundaries must be a year from 2019 to 2026");
    assertRejected(execute(args("--boundaries=2027")), "--boundaries");
    assertRejected(execute(args("--boundaries=twenty")), "--boundaries must be a year");
    RunConfiguration newest = RunConfiguration.from(RunConfiguration.parseOptions(args().toArray(String[]::new)));
    assertEquals(null, newest.boundaries());
    assertEquals("GM1980", newest.stagingRules().gemeenten().mapToBoundaries("GM0398")); // Heerhugowaard -> Dijk en Waard
    RunConfiguration b2021 = RunConfiguration.from(RunConfiguration.parseOptions(args("--boundaries=2021").toArray(String[]::new)));
    assertEquals(2021, b2021.boundaries());
    assertEquals(2021, b2021.marts().boundaries());
    assertEquals("GM0398", b2021.stagingRules().gemeenten().mapToBoundaries("GM0398"));
    // a gemeente of 2021 that merged later is a valid reference gemeente on those boundaries
    RunConfiguration.from(RunConfiguration.parseOptions(args("--boundaries=2021", "--referenceGroup=GM0398").toArray(String[]::new)));
    assertRejected(execute(args("--referenceGroup=GM0398")), "GM0398");
  }

  @Test
  void aConfDirThatDoesNotExistIsAnError() throws Exception {
    assertRejected(execute(args("--confDir=" + dir.resolve("no-such-conf"))), "--confDir folder not found");
  }

  @Test
  void aConfDirLackingATableIsAnErrorNamingIt() throws Exception {
    Path conf = copyOfConf();
    Files.delete(conf.resolve("cbs-leeftijd.csv"));
    assertRejected(execute(args("--confDir=" + conf)), "cbs-leeftijd.csv");
  }

  @Test
  void aConfDirLackingTheHerindelingTableIsAnErrorNamingIt() throws Exception {
    Path conf = copyOfConf();
    Files.delete(conf.resolve("herindelingen.csv"));
    assertRejected(execute(args("--confDir=" + conf)), "herindelingen.csv");
  }

  @Test
  void aHerindelingTableWithBadContentIsAnError() throws Exception {
    Path conf = copyOfConf();
    // Aalten is a gemeente of gemeenten-2026.csv: it cannot have merged away
    Files.writeString(conf.resolve("herindelingen.csv"), "oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\n"
        + "GM0197;Aalten;GM1963;Hoeksche Waard;2019-01-01\n");
    assertRejected(execute(args("--confDir=" + conf)), "GM0197 is merged away but still a gemeente");
    Files.writeString(conf.resolve("herindelingen.csv"), "oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\n"
        + "GM0585;Binnenmaas;GM9998;X;2019-01-01\n");
    assertRejected(execute(args("--confDir=" + conf)), "GM0585 does not lead to a gemeente");
  }

  @Test
  void aNegativeMaxDaysAheadIsAnError() throws Exception {
    assertRejected(execute(args("--maxDaysAhead=-1")), "--maxDaysAhead");
  }

  @Test
  void theDateWindowFollowsThePeriodsAndMaxDaysAhead() throws Exception {
    RunConfiguration c = RunConfiguration.from(RunConfiguration.parseOptions(
        args("--periods=2030H1,2030H2", "--maxDaysAhead=10").toArray(String[]::new)));
    var dates = roundTrip(c).stagingRules().dates();
    // the end of 2030H2 is later than today: 2030-12-31 + 10 days
    assertEquals(java.time.LocalDate.of(2031, 1, 10), dates.latest(nl.jeugdkubus.staging.DatePlausibility.Kind.EVENT));
    assertEquals(java.time.LocalDate.of(2002, 1, 2), dates.earliest(nl.jeugdkubus.staging.DatePlausibility.Kind.BIRTH));
    assertEquals("GM1963", c.stagingRules().gemeenten().resolve("GM0585"));
  }

  @Test
  void aConfTableWithBadContentIsAnError() throws Exception {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("cbs-leeftijd.csv"), "leeftijd_key;leeftijd\n10000;nul\n");
    assertRejected(execute(args("--confDir=" + conf)), "nul");
    Files.writeString(conf.resolve("cbs-leeftijd.csv"), "leeftijd_key;leeftijd\n10000;0;extra\n");
    assertRejected(execute(args("--confDir=" + conf)), "cbs-leeftijd.csv line 2: expected 2 fields, found 3");
  }

  /**
   * The indicators are computed by the code: a --confDir may reword them (the dimension table shows its
   * names) but not change what they are made of, which the job would silently not follow.
   */
  @Test
  void aConfDirMayRewordAnIndicatorButNotChangeWhatIsComputed() throws Exception {
    Path conf = copyOfConf();
    Path ind = conf.resolve("indicators.csv");
    String original = Files.readString(ind);
    // reworded naam_nl: accepted
    String reworded = original.replace("\njongeren_jeugdhulp;Jongeren met jeugdhulp;", "\njongeren_jeugdhulp;Jeugdigen met jeugdhulp;");
    org.junit.jupiter.api.Assertions.assertNotEquals(original, reworded);
    Files.writeString(ind, reworded);
    RunConfiguration.from(RunConfiguration.parseOptions(args("--confDir=" + conf).toArray(String[]::new)));
    // another unit for the same code: exit code 2 naming the indicator and the column
    String[] lines = original.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("jongeren_jeugdhulp;")) {
        String[] f = lines[i].split(";", -1);
        f[6] = f[6].equals("aantal") ? "procent" : "aantal"; // eenheid
        lines[i] = String.join(";", f);
      }
    }
    Files.writeString(ind, String.join("\n", lines));
    assertRejected(execute(args("--confDir=" + conf)), "jongeren_jeugdhulp: column eenheid");
    // an indicator the job does not compute
    Files.writeString(ind, original + lines[lines.length - 2].replaceFirst("^[a-z0-9_]+;", "mijn_eigen_indicator;") + "\n");
    assertRejected(execute(args("--confDir=" + conf)), "mijn_eigen_indicator is not one the job computes");
  }

  @Test
  void theTablesAreReadOnceFromTheConfDirWithTheirHashes() throws Exception {
    Path conf = copyOfConf();
    String gemeenten = Files.readString(conf.resolve("gemeenten-2026.csv")).replace(";Aalten;", ";Aalten (test);");
    Files.writeString(conf.resolve("gemeenten-2026.csv"), gemeenten);
    RunConfiguration c = RunConfiguration.from(RunConfiguration.parseOptions(args("--confDir=" + conf).toArray(String[]::new)));
    // the folder may go away: the configuration holds the tables themselves, also after serialisation
    byte[] gemeentenBytes = Files.readAllBytes(conf.resolve("gemeenten-2026.csv"));
    try (Stream<Path> s = Files.list(conf)) {
      for (Path f : s.toList()) Files.delete(f);
    }
    Files.delete(conf);
    RunConfiguration copy = roundTrip(c);
    assertEquals("Aalten (test)", GemeenteInfo.load(copy.marts().conf()).area("GM0197").naam());
    ConfTables.Source src = copy.conf().sources().stream().filter(s -> s.name().equals("gemeenten-2026.csv")).findFirst().orElseThrow();
    assertEquals(conf.resolve("gemeenten-2026.csv").toString(), src.origin());
    assertEquals(OutputSnapshot.sha256(gemeentenBytes), src.sha256());
    // every packaged table is listed, and the unchanged ones have the packaged hash
    assertEquals(ConfTables.packaged().sources().size(), copy.conf().sources().size());
    for (ConfTables.Source p : ConfTables.packaged().sources()) {
      ConfTables.Source s = copy.conf().sources().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
      assertEquals(p.name().equals("gemeenten-2026.csv"), !p.sha256().equals(s.sha256()), p.name());
    }
  }

  @Test
  void withoutConfDirThePackagedTablesAreUsedAndTheRepositoryConfIsWhatIsPackaged() throws Exception {
    RunConfiguration c = RunConfiguration.from(RunConfiguration.parseOptions(args().toArray(String[]::new)));
    Path repoConf = Path.of("..", "conf");
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(repoConf)) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().forEach(names::add);
    }
    assertEquals(names, c.conf().sources().stream().map(ConfTables.Source::name).toList());
    for (ConfTables.Source s : c.conf().sources()) {
      assertEquals("packaged", s.origin());
      assertEquals(OutputSnapshot.sha256(Files.readAllBytes(repoConf.resolve(s.name()))), s.sha256(), s.name());
    }
  }

  @Test
  void optionsAreParsedOnceIntoTheValuesTheStagesUse() throws Exception {
    RunConfiguration c = RunConfiguration.from(RunConfiguration.parseOptions(
        args("--runId=r1", "--indexBase=2023H1", "--referenceGroup= gm0197 ,GM1859", "--periods=2023H2,2023H1,2024H1",
            "--registrations=none", "--internalCube=true").toArray(String[]::new)));
    assertEquals("r1", c.runId());
    assertEquals(List.of(Period.parse("2023H1"), Period.parse("2023H2"), Period.parse("2024H1")), c.periods());
    // the cube also reports 2023 (both halves present), not 2024 (only H1)
    assertEquals(List.of(Period.parse("2023H1"), Period.parse("2023H2"), Period.parse("2023"), Period.parse("2024H1")),
        c.marts().periods());
    assertEquals("r1", c.marts().runId());
    assertEquals(Period.parse("2023H1"), c.marts().indexBase());
    assertEquals(List.of("GM0197", "GM1859"), c.referenceGroup());
    assertEquals(null, c.glob("registraties"));
    assertEquals(input.resolve("ijw/*.{xml,zip}").toString(), c.glob("ijw"));
    assertEquals(output.toAbsolutePath().toString(), c.output());
    assertTrue(c.internalCube());
  }

  @Test
  void aProblemIsAConfigurationExceptionForCallersInProcess() {
    JeugdkubusOptions o = RunConfiguration.parseOptions(args("--indexBase=2021Q1").toArray(String[]::new));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> JeugdkubusPipeline.run(o));
    assertTrue(e.getMessage().contains("2021Q1"), e.getMessage());
  }

  Path copyOfConf() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    try (Stream<Path> s = Files.list(Path.of("..", "conf"))) {
      for (Path f : s.toList()) Files.copy(f, conf.resolve(f.getFileName()));
    }
    return conf;
  }

  static RunConfiguration roundTrip(RunConfiguration c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (RunConfiguration) in.readObject();
    }
  }
}
