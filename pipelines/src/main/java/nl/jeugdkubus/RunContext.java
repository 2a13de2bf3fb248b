package nl.jeugdkubus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.common.RunSummary;
import nl.jeugdkubus.intermediate.PseudonymKey;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Everything a run decides before the pipeline starts: run id, periods, where each source is, the
 * key (checked, identified by its key id only), the output folder; and the manifest written at the end.
 */
public final class RunContext {
  private final JeugdkubusOptions options;
  private final String runId;
  private final List<Period> periods;
  private final PseudonymKey key;
  private final String keyId;
  private final String output;
  private final Map<String, String> globs = new LinkedHashMap<>();
  private final Instant started = Instant.now();

  /** A problem with the command line or configuration, with a message fit for the console. */
  public static final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
      super(message);
    }
  }

  private RunContext(JeugdkubusOptions options, String runId, List<Period> periods, PseudonymKey key, String keyId, String output) {
    this.options = options;
    this.runId = runId;
    this.periods = periods;
    this.key = key;
    this.keyId = keyId;
    this.output = output;
  }

  public static RunContext prepare(JeugdkubusOptions o) {
    List<Period> periods;
    try {
      periods = Period.parseList(o.getPeriods());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--periods: " + e.getMessage());
    }
    for (Period p : periods) {
      if (!p.isHalfYear()) throw new ConfigurationException("--periods takes half-years (2024H1); full years are reported automatically");
    }
    PseudonymKey key;
    String keyId;
    try {
      key = PseudonymKey.from(o.getKeyFile(), o.getKeyEnv());
      keyId = PseudonymKey.keyId(key.read());
    } catch (PseudonymKey.KeyException e) {
      throw new ConfigurationException(e.getMessage());
    }
    String runId = o.getRunId() != null && !o.getRunId().isBlank() ? o.getRunId()
        : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    String output = Path.of(o.getOutput()).toAbsolutePath().normalize().toString();
    RunContext ctx = new RunContext(o, runId, periods, key, keyId, output);
    ctx.globs.put("registraties", glob(o.getRegistrations(), o.getInput(), "registraties/*.csv"));
    ctx.globs.put("ijw", glob(o.getIjw(), o.getInput(), "ijw/*.xml"));
    ctx.globs.put("declaraties_csv", glob(o.getDeclarationsCsv(), o.getInput(), "declaraties/*.csv"));
    ctx.globs.put("cbs", glob(o.getCbs(), o.getInput(), "cbs/*"));
    ctx.globs.put("financien", glob(o.getFinance(), o.getInput(), "financien/*.csv"));
    if (ctx.globs.values().stream().allMatch(v -> v == null)) {
      throw new ConfigurationException("No input: give --input=<folder> or one of --registrations, --ijw, --declarationsCsv, --cbs");
    }
    if (o.getInput() != null && !Files.isDirectory(Path.of(o.getInput()))) {
      throw new ConfigurationException("--input folder not found: " + o.getInput());
    }
    ctx.clearPreviousOutput();
    return ctx;
  }

  private static String glob(String explicit, String input, String relative) {
    if (explicit != null && explicit.trim().equalsIgnoreCase("none")) return null;
    if (explicit != null && !explicit.isBlank()) return explicit;
    if (input == null || input.isBlank()) return null;
    return Path.of(input).toAbsolutePath().normalize().resolve(relative).toString();
  }

  /** A rerun replaces the previous run's results in the same output folder. */
  private void clearPreviousOutput() {
    Path out = Path.of(output);
    for (String sub : List.of("cube", "dimensions", "internal", "manifest.json")) deleteRecursively(out.resolve(sub));
    try (Stream<Path> s = Files.exists(out) ? Files.list(out) : Stream.empty()) {
      s.filter(p -> p.getFileName().toString().startsWith("deadletters")).forEach(RunContext::deleteRecursively);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path p) {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String runId() {
    return runId;
  }

  public List<Period> periods() {
    return periods;
  }

  public PseudonymKey key() {
    return key;
  }

  public String keyId() {
    return keyId;
  }

  public String output() {
    return output;
  }

  public String internalOutput() {
    return output + "/internal";
  }

  public String registrationsGlob() {
    return globs.get("registraties");
  }

  public String ijwGlob() {
    return globs.get("ijw");
  }

  public String declarationsCsvGlob() {
    return globs.get("declaraties_csv");
  }

  public String cbsGlob() {
    return globs.get("cbs");
  }

  public String financeGlob() {
    return globs.get("financien");
  }

  public nl.jeugdkubus.marts.MartsConfig martsConfig() {
    return nl.jeugdkubus.marts.MartsConfig.fromOptions(options, runId);
  }

  public JeugdkubusOptions options() {
    return options;
  }

  public void printStart(PrintStream out) {
    out.println("jeugdkubus run " + runId + "  (runner " + options.getRunner().getSimpleName() + ")");
    out.println("  periods  " + periods.get(0) + " .. " + periods.get(periods.size() - 1) + " (" + periods.size() + " half-years)");
    out.println("  key id   " + keyId + "  (" + key.describe() + "), purpose '" + options.getPurpose() + "'");
    globs.forEach((k, v) -> out.println(String.format("  %-16s %s", k, v == null ? "(not given)" : v)));
    out.println("  output   " + output);
  }

  /** Input files per source with their sizes, for the manifest. */
  private Map<String, List<Map<String, Object>>> inputFiles() {
    Map<String, List<Map<String, Object>>> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> g : globs.entrySet()) {
      List<Map<String, Object>> files = new ArrayList<>();
      if (g.getValue() != null) {
        try {
          MatchResult r = FileSystems.match(g.getValue());
          if (r.status() == MatchResult.Status.OK) {
            for (MatchResult.Metadata md : r.metadata()) {
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("file", md.resourceId().getFilename());
              f.put("bytes", md.sizeBytes());
              files.add(f);
            }
          }
        } catch (IOException e) {
          // listed as empty; the pipeline reports unreadable inputs itself
        }
      }
      files.sort(Comparator.comparing(f -> (String) f.get("file")));
      m.put(g.getKey(), files);
    }
    return m;
  }

  /** manifest.json: what ran, on what, with which key id (never the key), and the reconciled counts. */
  public void writeManifest(PipelineResult.State state, RunSummary summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("started", started.toString());
    m.put("finished", Instant.now().toString());
    m.put("state", state == null ? "UNKNOWN" : state.toString());
    m.put("runner", options.getRunner().getSimpleName());
    m.put("periods", periods.stream().map(Period::toString).toList());
    m.put("purpose", options.getPurpose());
    m.put("key_id", keyId);
    m.put("key_source", key.describe());
    m.put("disclosure", Map.of("round_to", options.getRoundTo(), "suppress_up_to", options.getSuppressUpTo()));
    m.put("inputs", inputFiles());
    m.put("outputs", Map.of("cube", output + "/cube", "dimensions", output + "/dimensions",
        "deadletters", output + "/deadletters", "internal_cube", options.getInternalCube() ? internalOutput() : "not written"));
    m.put("counters", summary.counters());
    List<Map<String, Object>> checks = new ArrayList<>();
    for (RunSummary.Check c : summary.checks()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("check", c.name());
      cm.put("formula", c.formula());
      cm.put("left", c.left());
      cm.put("right", c.right());
      cm.put("ok", c.ok());
      checks.add(cm);
    }
    m.put("reconciliation", checks);
    m.put("reconciles", summary.reconciles());
    try {
      Files.createDirectories(Path.of(output));
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(output, "manifest.json").toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write manifest", e);
    }
  }
}
