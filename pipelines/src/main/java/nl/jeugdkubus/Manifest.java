package nl.jeugdkubus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.InputDigestList;
import nl.jeugdkubus.common.SoftwareVersion;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.common.RunSummary;
import nl.jeugdkubus.publish.OutputEntry;
import nl.jeugdkubus.rerun.PeriodExactRerun;
import org.apache.beam.sdk.PipelineResult;

/**
 * manifest.json: what ran, on what (input files, configuration tables with their SHA-256), with which
 * key id (never the key), and the reconciled counts.
 */
public final class Manifest {
  private Manifest() {}

  /** The manifest of a finished run as a JSON-ready map. */
  public static Map<String, Object> of(RunConfiguration config, Instant started, PipelineResult.State state, RunSummary summary,
      Path pending) {
    return of(config, started, state, summary, pending, null);
  }

  /**
   * The manifest; {@code rerun} (null for a first publish) says what a rerun replaced: its {@code publish}
   * block lists the requested and replaced periods, what happened to each companion period and the change
   * report's counts. The rest of the manifest (inputs, dead letters, counters) describes this run only.
   */
  public static Map<String, Object> of(RunConfiguration config, Instant started, PipelineResult.State state, RunSummary summary,
      Path pending, PeriodExactRerun.Outcome rerun) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", config.runId());
    m.put("started", started.toString());
    m.put("finished", Instant.now().toString());
    m.put("state", state == null ? "UNKNOWN" : state.toString());
    m.put("runner", config.runner());
    SoftwareVersion sw = SoftwareVersion.current();
    m.put("software", ordered("version", sw.version(), "commit", sw.commit()));
    m.put("periods", config.periods().stream().map(Period::toString).toList());
    m.put("purpose", config.purpose());
    m.put("key_id", config.keyId());
    m.put("key_source", config.key().describe());
    m.put("disclosure", ordered("round_to", config.roundTo(), "suppress_up_to", config.suppressUpTo(),
        "protect_top_level", config.protectTopLevel()));
    m.put("index_base", config.indexBase().toString());
    m.put("boundaries", boundaries(config.boundaries()));
    m.put("max_reject_percent", config.maxRejectPercent());
    m.put("reference_group", config.referenceGroup());
    m.put("publish", publish(config, rerun));
    m.put("inputs", inputs(config, pending));
    m.put("configuration", configuration(config.conf()));
    m.put("outputs", outputs(config.output(), pending));
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
    return m;
  }

  static Map<String, Object> publish(RunConfiguration config, PeriodExactRerun.Outcome rerun) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("mode", config.plan().periodExact() && rerun != null ? "periods" : "all");
    p.put("requested_periods", config.plan().requested().stream().map(Period::toString).toList());
    if (rerun != null) {
      p.put("previous_run_id", rerun.report().previousRunId());
      p.put("replaced_periods", rerun.replaced());
      p.put("companion_periods", rerun.companions());
      p.put("changes", rerun.report().counts());
      p.put("change_report", List.of(OutputEntry.CHANGES_JSON.fileName(), OutputEntry.CHANGES_MD.fileName()));
    }
    p.put("keep_history", config.keepHistory());
    return p;
  }

  /** Writes the manifest as indented JSON to file. */
  public static void write(Map<String, Object> manifest, Path file) {
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write manifest " + file, e);
    }
  }

  /**
   * Every top-level entry the run publishes (what it wrote into the pending folder, and this manifest),
   * with its path after publication and who may read it ({@link OutputEntry}): only "shareable"
   * entries are meant to leave the organisation; "owner-only" ones are written 0700/0600.
   */
  static List<Map<String, Object>> outputs(String output, Path pending) {
    List<String> names = new ArrayList<>(entries(pending));
    if (!names.contains(OutputEntry.MANIFEST.fileName())) names.add(OutputEntry.MANIFEST.fileName());
    names.sort(Comparator.naturalOrder());
    List<Map<String, Object>> out = new ArrayList<>();
    for (String n : names) {
      OutputEntry.Access a = OutputEntry.accessOf(n);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("entry", n);
      e.put("path", Path.of(output, n).toString());
      e.put("shareable", a == OutputEntry.Access.SHAREABLE);
      e.put("access", a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      out.add(e);
    }
    return out;
  }

  /** The visible top-level entries of a folder (names not starting with '.'), sorted. */
  static List<String> entries(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration tables the run used: name, origin ("packaged" or the file), SHA-256 of the bytes. */
  static List<Map<String, Object>> configuration(ConfTables conf) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ConfTables.Source s : conf.sources()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("table", s.name());
      t.put("origin", s.origin());
      t.put("sha256", s.sha256());
      out.add(t);
    }
    return out;
  }

  /** Sources with at most this many files list each file in the manifest; all sources have their list file. */
  static final int LIST_FILES_UP_TO = 1000;

  /**
   * Per source: its glob, the number and total size of its files, the SHA-256 of the sorted digest list
   * ({@link InputDigestList}, the list itself in {@code inputs/<source>.sha256}) and, for up to
   * {@value #LIST_FILES_UP_TO} files, every file with its size and SHA-256.
   */
  static Map<String, Object> inputs(RunConfiguration config, Path pending) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> g : config.globs().entrySet()) {
      Map<String, Object> src = new LinkedHashMap<>();
      src.put("glob", g.getValue() == null ? "none" : g.getValue());
      if (g.getValue() != null) {
        String name = OutputEntry.INPUTS.fileName() + "/" + g.getKey() + ".sha256";
        InputDigestList list;
        try {
          list = InputDigestList.canonicalise(pending.resolve(name));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the input digests " + name, e);
        }
        src.put("files", list.files());
        src.put("bytes", list.bytes());
        src.put("list", name);
        src.put("list_sha256", list.sha256());
        if (list.files() <= LIST_FILES_UP_TO) {
          List<Map<String, Object>> files = new ArrayList<>();
          for (String line : list.lines()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", InputDigestList.path(line));
            f.put("bytes", Long.parseLong(line.split("  ", 3)[1]));
            f.put("sha256", InputDigestList.sha256(line));
            files.add(f);
          }
          src.put("per_file", files);
        }
      }
      m.put(g.getKey(), src);
    }
    return m;
  }

  /** The manifest's "boundaries": the year of --boundaries, or "newest (YYYY)". */
  public static String boundaries(Integer year) {
    return year == null ? "newest (" + nl.jeugdkubus.staging.GemeenteCodes.NEWEST_BOUNDARY_YEAR + ")" : year.toString();
  }

  /**
   * Two entries in this order. Not Map.of: its iteration order changes from one JVM to the next, and the manifest
   * of a rerun on identical input should be the same bytes apart from its run-specific fields.
   */
  /** A map in the order given: key, value, key, value, ... */
  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
