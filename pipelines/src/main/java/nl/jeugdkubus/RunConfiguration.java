package nl.jeugdkubus;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.intermediate.LinkConfig;
import nl.jeugdkubus.intermediate.PseudonymKey;
import nl.jeugdkubus.marts.GemeenteInfo;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.MartsConfig;
import nl.jeugdkubus.publish.Publisher;
import nl.jeugdkubus.rerun.RerunCompatibility;
import nl.jeugdkubus.rerun.RerunPlan;
import nl.jeugdkubus.staging.DatePlausibility;
import nl.jeugdkubus.staging.GemeenteCodes;
import nl.jeugdkubus.staging.ProductCategories;
import nl.jeugdkubus.staging.StagingRules;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The one run configuration: every option of {@link JeugdkubusOptions} parsed and checked once, and
 * every configuration table read once (from {@code --confDir} or the packaged conf/). Immutable and
 * serialisable; the stages receive it (or the part of it they need) and parse nothing themselves.
 *
 * <p>{@link #from} checks everything before anything on disk is touched: a bad option or table ends in
 * a {@link ConfigurationException} with a one-line message (exit code 2, output folder unchanged).
 */
public final class RunConfiguration implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A run id names folders (.pending-&lt;run_id&gt;, history/&lt;run_id&gt;): letters, digits, '.', '_', '-'. */
  static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  private static final Pattern GEMEENTE_CODE = Pattern.compile("GM\\d{4}");

  /** The sources in reading order, with their default glob under --input. */
  static final Map<String, String> DEFAULT_GLOBS = defaultGlobs();

  private final String runId;
  private final String runner;
  private final List<Period> periods;
  private final Period indexBase;
  private final List<String> referenceGroup;
  private final int roundTo;
  /** --boundaries: the year whose gemeente boundaries every period is reported on; null = the newest. */
  private final Integer boundaries;
  private final int suppressUpTo;
  /** --protectTopLevel: secondary suppression may choose a top-level row as a last choice. */
  private final boolean protectTopLevel;
  private final boolean internalCube;
  private final boolean progress;
  private final double maxRejectPercent;
  private final String purpose;
  private final PseudonymKey key;
  private final String keyId;
  private final String input;
  private final String output;
  private final Map<String, String> globs;
  private final ConfTables conf;
  private final LinkConfig linkConfig;
  private final MartsConfig martsConfig;
  private final StagingRules stagingRules;
  private final RerunPlan plan;
  private final int keepHistory;

  private RunConfiguration(Builder b) {
    this.runId = b.runId;
    this.runner = b.runner;
    this.periods = List.copyOf(b.periods);
    this.indexBase = b.indexBase;
    this.referenceGroup = List.copyOf(b.referenceGroup);
    this.roundTo = b.roundTo;
    this.boundaries = b.boundaries;
    this.suppressUpTo = b.suppressUpTo;
    this.protectTopLevel = b.protectTopLevel;
    this.internalCube = b.internalCube;
    this.progress = b.progress;
    this.maxRejectPercent = b.maxRejectPercent;
    this.purpose = b.purpose;
    this.key = b.key;
    this.keyId = b.keyId;
    this.input = b.input;
    this.output = b.output;
    this.globs = Collections.unmodifiableMap(new LinkedHashMap<>(b.globs));
    this.conf = b.conf;
    this.linkConfig = b.linkConfig;
    this.stagingRules = b.stagingRules;
    this.plan = b.plan;
    this.keepHistory = b.keepHistory;
    this.martsConfig = new MartsConfig(plan.computed(), runId, conf, referenceGroup, indexBase, boundaries);
  }

  private static final class Builder {
    String runId;
    String runner;
    List<Period> periods;
    Period indexBase;
    List<String> referenceGroup = new ArrayList<>();
    int roundTo;
    Integer boundaries;
    int suppressUpTo;
    boolean protectTopLevel;
    boolean internalCube;
    boolean progress;
    double maxRejectPercent;
    String purpose;
    PseudonymKey key;
    String keyId;
    String input;
    String output;
    Map<String, String> globs = new LinkedHashMap<>();
    ConfTables conf;
    LinkConfig linkConfig;
    StagingRules stagingRules;
    RerunPlan plan;
    int keepHistory;
  }

  /**
   * Parses the command line (unknown options and malformed values included) into options and then the
   * run configuration; every problem is a {@link ConfigurationException}.
   */
  public static JeugdkubusOptions parseOptions(String[] args) {
    // registering is only needed for --help to list the options; it is JVM-wide and would make other
    // option interfaces with a same-named property (SmokeJob's --output) fail in the same JVM
    if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.startsWith("--help="))) {
      PipelineOptionsFactory.register(JeugdkubusOptions.class);
    }
    try {
      return PipelineOptionsFactory.fromArgs(args).withValidation().as(JeugdkubusOptions.class);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("invalid command line: " + culprit(args, e)
          + " (list every option with --help=nl.jeugdkubus.JeugdkubusOptions)");
    }
  }

  /** The argument that fails on its own, with Beam's message (which names neither option nor value). */
  private static String culprit(String[] args, IllegalArgumentException whole) {
    for (String a : args) {
      try {
        PipelineOptionsFactory.fromArgs(a).as(JeugdkubusOptions.class);
      } catch (IllegalArgumentException e) {
        return a + ": " + firstLine(e.getMessage());
      }
    }
    return firstLine(whole.getMessage());
  }

  /** Checks every option and reads every configuration table; touches nothing on disk. */
  public static RunConfiguration from(JeugdkubusOptions o) {
    Builder b = new Builder();
    b.periods = periods(o.getPeriods());
    b.indexBase = period("--indexBase", o.getIndexBase());
    b.roundTo = o.getRoundTo();
    b.boundaries = boundaries(o.getBoundaries());
    if (b.roundTo < 1) throw new ConfigurationException("--roundTo must be at least 1: " + b.roundTo);
    b.suppressUpTo = o.getSuppressUpTo();
    if (b.suppressUpTo < 0) throw new ConfigurationException("--suppressUpTo must not be negative: " + b.suppressUpTo);
    b.protectTopLevel = o.getProtectTopLevel();
    b.internalCube = o.getInternalCube();
    b.progress = o.getProgress();
    b.maxRejectPercent = o.getMaxRejectPercent();
    if (!(b.maxRejectPercent >= 0 && b.maxRejectPercent <= 100)) {
      throw new ConfigurationException("--maxRejectPercent must be between 0 and 100: " + o.getMaxRejectPercent());
    }
    b.purpose = o.getPurpose();
    if (b.purpose == null || b.purpose.isBlank()) throw new ConfigurationException("--purpose must not be empty");
    b.runner = o.getRunner() == null ? "unknown" : o.getRunner().getSimpleName();
    b.runId = o.getRunId() != null && !o.getRunId().isBlank() ? o.getRunId().trim()
        : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    if (!RUN_ID.matcher(b.runId).matches()) {
      throw new ConfigurationException("--runId may hold letters, digits, '.', '_' and '-' only (it names folders): '" + b.runId + "'");
    }
    try {
      b.key = PseudonymKey.from(o.getKeyFile(), o.getKeyEnv());
      b.keyId = PseudonymKey.keyId(b.key.read());
    } catch (PseudonymKey.KeyException e) {
      throw new ConfigurationException(e.getMessage());
    }
    b.input = o.getInput() == null || o.getInput().isBlank() ? null : Path.of(o.getInput()).toAbsolutePath().normalize().toString();
    if (b.input != null && !Files.isDirectory(Path.of(b.input))) {
      throw new ConfigurationException("--input folder not found: " + o.getInput());
    }
    Map<String, String> explicit = new LinkedHashMap<>();
    explicit.put("registraties", o.getRegistrations());
    explicit.put("ijw", o.getIjw());
    explicit.put("declaraties_csv", o.getDeclarationsCsv());
    explicit.put("cbs", o.getCbs());
    explicit.put("financien", o.getFinance());
    for (Map.Entry<String, String> d : DEFAULT_GLOBS.entrySet()) {
      b.globs.put(d.getKey(), glob(explicit.get(d.getKey()), b.input, d.getValue()));
    }
    if (b.globs.values().stream().allMatch(v -> v == null)) {
      throw new ConfigurationException("No input: give --input=<folder> or one of --registrations, --ijw, --declarationsCsv, --cbs");
    }
    if (o.getOutput() == null || o.getOutput().isBlank()) throw new ConfigurationException("--output must not be empty");
    Path out = Path.of(o.getOutput()).toAbsolutePath().normalize();
    if (Files.exists(out) && !Files.isDirectory(out)) throw new ConfigurationException("--output is a file, not a folder: " + o.getOutput());
    b.output = out.toString();

    String replace = o.getReplace() == null ? "" : o.getReplace().trim().toLowerCase(java.util.Locale.ROOT);
    if (!replace.equals("periods") && !replace.equals("all")) {
      throw new ConfigurationException("--replace takes 'periods' (only the partitions of --periods) or 'all': '" + o.getReplace() + "'");
    }
    b.keepHistory = o.getKeepHistory();
    if (b.keepHistory < 1) throw new ConfigurationException("--keepHistory must be at least 1: " + b.keepHistory);
    Path current;
    List<Period> published;
    try {
      current = Publisher.currentVersion(out);
      published = current == null ? null : Publisher.periodsOf(current).stream().map(Period::parse).toList();
      b.plan = RerunPlan.of(b.periods, published, b.indexBase, replace.equals("all"));
    } catch (java.io.IOException e) {
      throw new ConfigurationException("cannot read the published output in " + out + ": " + e.getMessage());
    }
    // the date window and the cube cover what the run computes (a rerun: also the companion periods)
    b.periods = b.plan.computed().stream().filter(Period::isHalfYear).toList();

    b.conf = ConfTables.load(o.getConfDir());
    GemeenteInfo gemeenten;
    try {
      // build what the stages build from the tables now, so a table with bad content fails here
      b.linkConfig = LinkConfig.load(b.conf);
      gemeenten = GemeenteInfo.load(b.conf, b.boundaries);
      IndicatorCatalogue indicators = IndicatorCatalogue.load(b.conf);
      List<String> changed = indicators.incompatibilitiesWith(IndicatorCatalogue.load(null));
      if (!changed.isEmpty()) {
        throw new ConfigurationException("configuration table " + IndicatorCatalogue.FILE + " of --confDir may change the text"
            + " of an indicator, not what is computed (" + IndicatorCatalogue.COMPUTED_COLUMNS + "): " + String.join("; ", changed));
      }
      nl.jeugdkubus.marts.TableCatalogue.load(b.conf, indicators);
      ProductCategories.load(b.conf);
      ProductCategories.verwijzers(b.conf);
      nl.jeugdkubus.marts.CbsTables.leeftijdMapping(b.conf);
      if (o.getMaxDaysAhead() < 0) throw new ConfigurationException("--maxDaysAhead must not be negative: " + o.getMaxDaysAhead());
      b.stagingRules = new StagingRules(GemeenteCodes.load(b.conf).forBoundaries(b.boundaries),
          DatePlausibility.forRun(b.periods, LocalDate.now(ZoneOffset.UTC), o.getMaxDaysAhead()));
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigurationException("configuration table: " + e.getMessage());
    }
    if (o.getReferenceGroup() != null) {
      for (String s : o.getReferenceGroup().split(",")) {
        String code = s.trim().toUpperCase();
        if (code.isEmpty()) continue;
        if (!GEMEENTE_CODE.matcher(code).matches() || !gemeenten.gemeenten().containsKey(code)) {
          throw new ConfigurationException("--referenceGroup: '" + s.trim() + "' is not a gemeente code of gemeenten-2026.csv (or, with --boundaries, a gemeente of that year; e.g. GM0197)");
        }
        b.referenceGroup.add(code);
      }
    }
    // only a rerun that keeps published periods must compute the way they were computed
    if (b.plan.periodExact() && !b.plan.computed().containsAll(published)) RerunCompatibility.check(current, b.keyId, b.purpose, b.roundTo, b.suppressUpTo, b.protectTopLevel, b.indexBase, b.referenceGroup, b.boundaries, b.conf);
    return new RunConfiguration(b);
  }

  /** --boundaries: null (absent or blank) = the newest boundaries; else a year of GemeenteCodes' range. */
  private static Integer boundaries(String spec) {
    if (spec == null || spec.isBlank()) return null;
    int year;
    try {
      year = Integer.parseInt(spec.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("--boundaries must be a year (e.g. 2024): " + spec);
    }
    if (year < GemeenteCodes.FIRST_BOUNDARY_YEAR || year > GemeenteCodes.NEWEST_BOUNDARY_YEAR) {
      throw new ConfigurationException("--boundaries must be a year from " + GemeenteCodes.FIRST_BOUNDARY_YEAR + " to "
          + GemeenteCodes.NEWEST_BOUNDARY_YEAR + " (conf/herindelingen.csv is complete from 2019 on): " + year);
    }
    return year;
  }

  private static List<Period> periods(String spec) {
    if (spec == null || spec.isBlank()) throw new ConfigurationException("--periods must not be empty (e.g. 2024H1,2024H2)");
    List<Period> ps;
    try {
      ps = Period.parseList(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--periods: " + e.getMessage());
    }
    for (Period p : ps) {
      if (!p.isHalfYear()) throw new ConfigurationException("--periods takes half-years (2024H1); full years are reported automatically");
    }
    return List.copyOf(new java.util.TreeSet<>(ps));
  }

  private static Period period(String option, String value) {
    if (value == null || value.isBlank()) throw new ConfigurationException(option + " must not be empty");
    try {
      return Period.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(option + ": " + e.getMessage());
    }
  }

  private static String glob(String explicit, String input, String relative) {
    if (explicit != null && explicit.trim().equalsIgnoreCase("none")) return null;
    if (explicit != null && !explicit.isBlank()) return explicit;
    if (input == null) return null;
    return Path.of(input).resolve(relative).toString();
  }

  private static Map<String, String> defaultGlobs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("registraties", "registraties/*.csv");
    m.put("ijw", "ijw/*.{xml,zip}");
    m.put("declaraties_csv", "declaraties/*.csv");
    m.put("cbs", "cbs/*");
    m.put("financien", "financien/*.csv");
    return Collections.unmodifiableMap(m);
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public String runId() {
    return runId;
  }

  /** The runner's class name (FlinkRunner, DirectRunner). */
  public String runner() {
    return runner;
  }

  /** What the run computes and replaces of a published output (full publish or period-exact rerun). */
  public RerunPlan plan() {
    return plan;
  }

  /** --keepHistory: how many history runs a publish keeps. */
  public int keepHistory() {
    return keepHistory;
  }

  /** The half-years the run computes, sorted: --periods, plus for a rerun its companion periods ({@link #plan}). */
  public List<Period> periods() {
    return periods;
  }

  public Period indexBase() {
    return indexBase;
  }

  public List<String> referenceGroup() {
    return referenceGroup;
  }

  /** The --boundaries year, or null for the newest boundaries (conf/gemeenten-2026.csv). */
  public Integer boundaries() {
    return boundaries;
  }

  public int roundTo() {
    return roundTo;
  }

  public int suppressUpTo() {
    return suppressUpTo;
  }

  public boolean protectTopLevel() {
    return protectTopLevel;
  }

  public boolean internalCube() {
    return internalCube;
  }

  public boolean progress() {
    return progress;
  }

  /** The reject threshold in percent (0-100) per source. */
  public double maxRejectPercent() {
    return maxRejectPercent;
  }

  public String purpose() {
    return purpose;
  }

  public PseudonymKey key() {
    return key;
  }

  public String keyId() {
    return keyId;
  }

  /** The output folder (absolute). */
  /** The --input folder (absolute), or null when every source was given by its own glob. */
  public String input() {
    return input;
  }

  public String output() {
    return output;
  }

  /** Glob per source (registraties, ijw, declaraties_csv, cbs, financien); null = not read. */
  public Map<String, String> globs() {
    return globs;
  }

  public String glob(String source) {
    return globs.get(source);
  }

  /** Every configuration table of the run, with origin and SHA-256. */
  public ConfTables conf() {
    return conf;
  }

  /** The gemeente codes (conf/gemeenten-2026.csv, conf/herindelingen.csv) and date window every staging reader applies. */
  public StagingRules stagingRules() {
    return stagingRules;
  }

  public LinkConfig linkConfig() {
    return linkConfig;
  }

  /** The marts configuration: the periods plus their complete years, run id, tables, reference group, index base. */
  public MartsConfig marts() {
    return martsConfig;
  }

  /** The start banner: run id, runner, periods, key id, sources, configuration, output. */
  public void printStart(PrintStream out) {
    out.println("jeugdkubus run " + runId + "  (runner " + runner + ")");
    out.println("  periods  " + periods.get(0) + " .. " + periods.get(periods.size() - 1) + " (" + periods.size() + " half-years)");
    out.println("  key id   " + keyId + "  (" + key.describe() + "), purpose '" + purpose + "'");
    globs.forEach((k, v) -> out.println(String.format("  %-16s %s", k, v == null ? "(not given)" : v)));
    String origin = conf.sources().stream().allMatch(s -> s.origin().equals("packaged")) ? "packaged conf/"
        : Path.of(conf.sources().get(0).origin()).getParent().toString();
    out.println("  conf     " + origin + " (" + conf.sources().size() + " tables)");
    out.println("  output   " + output + "  (" + plan.describe() + ")");
  }
}
