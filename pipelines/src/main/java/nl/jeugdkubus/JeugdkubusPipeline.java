package nl.jeugdkubus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.InputDigests;
import nl.jeugdkubus.publish.OutputEntry;
import nl.jeugdkubus.common.PausePoint;
import nl.jeugdkubus.common.CountElements;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.RejectThreshold;
import nl.jeugdkubus.common.Progress;
import nl.jeugdkubus.common.RunSummary;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.common.WriteDeadLetters;
import nl.jeugdkubus.intermediate.LinkTrajectories;
import nl.jeugdkubus.intermediate.PseudonymiseSources;
import nl.jeugdkubus.marts.BuildCube;
import nl.jeugdkubus.marts.ProtectTables;
import nl.jeugdkubus.marts.WriteCube;
import nl.jeugdkubus.marts.WriteTables;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;
import nl.jeugdkubus.staging.ReadSources;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import nl.jeugdkubus.publish.Publisher;
import nl.jeugdkubus.rerun.PeriodExactRerun;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The main job: sources → pseudonyms → trajectories → indicator cube.
 *
 * <pre>
 *   staging        ReadSources            municipal CSV, iJw XML, declarations CSV, CBS tables, finance table
 *   intermediate   Pseudonymise           BSN → keyed pseudonym, data minimisation
 *                  LinkTrajectories       per person: CBS-style trajectories and cost lines
 *   marts          ComputeIndicators      indicator cells per gemeente × period × dimensions
 *                  ProtectTables          the published tables (conf/tables.csv): rounding, suppression, derived values
 *                  WriteTables            Parquet per table, Hive-style partitions, dimension tables
 * </pre>
 *
 * Every reject of every step goes to the dead letters; the closing summary reconciles the counts.
 */
public final class JeugdkubusPipeline {
  /** Exit codes of the job (README, docs/architecture.md). */
  public static final int EXIT_OK = 0;
  /** The pipeline failed (an unexpected error; the stack trace is printed). */
  public static final int EXIT_FAILED = 1;
  /** An option or configuration table is wrong: one-line message, nothing on disk changed. */
  public static final int EXIT_CONFIGURATION = 2;
  /** The run finished but its counts do not reconcile (RunSummary.checks). */
  public static final int EXIT_DOES_NOT_RECONCILE = 3;
  /** A source has more rejected records than --maxRejectPercent allows (RejectThreshold). */
  public static final int EXIT_TOO_MANY_REJECTS = 4;

  /** The source name of the iJw messages in the run configuration's globs. */
  private static final String IJW = "ijw";

  private JeugdkubusPipeline() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the job for a command line and returns its exit code. */
  static int execute(String[] args) {
    JeugdkubusOptions options;
    RunConfiguration config;
    try {
      options = RunConfiguration.parseOptions(withDefaultRunner(args));
      config = RunConfiguration.from(options);
    } catch (ConfigurationException e) {
      System.err.println("jeugdkubus: " + e.getMessage());
      return EXIT_CONFIGURATION;
    }
    try {
      return run(options, config).exitCode();
    } catch (ConfigurationException e) {
      // the output folder is locked by another run: nothing was touched either
      System.err.println("jeugdkubus: " + e.getMessage());
      return EXIT_CONFIGURATION;
    }
  }

  /**
   * Embedded Flink is the default local runner (measured 6-12x faster than the DirectRunner on this
   * job, docs/flink.md): without {@code --runner} the job runs on {@code FlinkRunner} with
   * {@code --flinkMaster=[local]} (unless a master is given). An explicit {@code --runner} is kept. On the
   * embedded master without {@code --parallelism} the job uses every core the JVM sees: Beam's own default there
   * is parallelism 1 (half of a 2-core machine idle; docs/performance.md).
   */
  static String[] withDefaultRunner(String[] args) {
    return withDefaultRunner(args, Runtime.getRuntime().availableProcessors());
  }

  static String[] withDefaultRunner(String[] args, int cores) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    boolean help = all.stream().anyMatch(a -> a.equals("--help") || a.startsWith("--help="));
    if (help || all.stream().anyMatch(a -> a.startsWith("--runner=") || a.equals("--runner"))) return args;
    all.add("--runner=FlinkRunner");
    if (all.stream().noneMatch(a -> a.startsWith("--flinkMaster"))) all.add("--flinkMaster=[local]");
    boolean embedded = all.contains("--flinkMaster=[local]");
    if (embedded && all.stream().noneMatch(a -> a.startsWith("--parallelism"))) all.add("--parallelism=" + Math.max(1, cores));
    return all.toArray(String[]::new);
  }

  /** What a run produced, and the exit code it ends with. */
  public record RunOutcome(RunConfiguration config, PipelineResult.State state, RunSummary summary, int exitCode) {
    public boolean published() {
      return exitCode == EXIT_OK;
    }
  }

  /**
   * The hook for steps after the pipeline that write into the pending output before it is published
   * (issue 12: the HTML report from the pending tables/). They run in this order, only for a run that
   * finished and reconciled, before the manifest is written.
   */
  static final List<PostPipelineStep> POST_PIPELINE_STEPS = List.of(new nl.jeugdkubus.report.HtmlReport());

  /** Checks the options ({@link RunConfiguration#from}: a {@link ConfigurationException} on any problem) and runs. */
  public static RunOutcome run(JeugdkubusOptions options) {
    return run(options, RunConfiguration.from(options));
  }

  /**
   * Runs the job: the pipeline writes aside into {@code <output>/.pending-<run_id>/}; only a run that
   * finished and reconciled gets its post-pipeline steps and manifest and is then published atomically
   * ({@link Publisher}). Otherwise the previous output stays as it was.
   */
  public static RunOutcome run(JeugdkubusOptions options, RunConfiguration config) {
    Instant started = Instant.now();
    config.printStart(System.out);
    try (Publisher publisher = Publisher.open(Path.of(config.output()), config.runId()).keepingHistory(config.keepHistory())) {
      Path pending = publisher.pending();
      Pipeline p = Pipeline.create(options);
      build(p, config, pending.toString());

      Thread progress = config.progress() ? Progress.startPrinter(5) : null;
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (progress != null) progress.interrupt();

      RunSummary summary = RunSummary.of(result);
      System.out.println();
      System.out.println(summary.render());
      List<RejectThreshold.Violation> tooMany = RejectThreshold.check(summary.counters(), config.maxRejectPercent());
      for (RejectThreshold.Violation v : tooMany) System.err.println("jeugdkubus: " + v.message(config.maxRejectPercent()));
      int exitCode = state != PipelineResult.State.DONE ? EXIT_FAILED
          : !summary.reconciles() ? EXIT_DOES_NOT_RECONCILE
          : !tooMany.isEmpty() ? EXIT_TOO_MANY_REJECTS : EXIT_OK;
      PeriodExactRerun.Outcome rerun = null;
      if (exitCode == EXIT_OK) {
        // a rerun: the change report, and the untouched periods of the current version merged in (so the report
        // below is drawn from every published period)
        rerun = PeriodExactRerun.prepare(publisher, config.plan(), config.runId());
        for (PostPipelineStep step : POST_PIPELINE_STEPS) {
          System.out.println("Post-pipeline step: " + step.name());
          step.writeInto(pending, config, summary);
        }
      }
      PausePoint.reach("before-manifest");
      Manifest.write(Manifest.of(config, started, state, summary, pending, rerun), pending.resolve("manifest.json"));
      if (exitCode != EXIT_OK) {
        publisher.abandon();
        String why = switch (exitCode) {
          case EXIT_FAILED -> "pipeline " + state;
          case EXIT_DOES_NOT_RECONCILE -> "the counts do not reconcile";
          default -> "too many rejected records, see above";
        };
        System.out.println("NOT PUBLISHED (" + why
            + "): the previous output in " + config.output() + " is unchanged; what this run wrote is in " + pending
            + " (removed by the next run on this folder)");
      } else {
        Publisher.Publication pub = publisher.publish();
        System.out.println("Published:    " + config.output() + " (" + String.join(", ", Manifest.entries(pub.version())) + ")");
        if (rerun != null) {
          System.out.println("Replaced:     periods " + String.join(", ", rerun.replaced()) + "; changed cells "
              + rerun.report().counts() + " (" + Path.of(config.output(), OutputEntry.CHANGES_MD.fileName()) + ")"
              + (pub.history() == null ? "" : "; previous files kept in " + pub.history()));
        }
        System.out.println();
        System.out.print(summary.closingTable());
        for (String entry : Manifest.entries(pub.version())) {
          String where = entry.equals(OutputEntry.REPORT.fileName()) ? entry + "/index.html" : entry;
          System.out.printf("  %-12s %s%n", entry, Path.of(config.output(), where));
        }
      }
      return new RunOutcome(config, state, summary, exitCode);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the output folder " + config.output(), e);
    }
  }

  /** The pipeline of the diagram in docs/architecture.md, writing below {@code out} (the pending folder). */
  static void build(Pipeline p, RunConfiguration config, String out) {
    ModelCoders.register(p);
    String inputs = out + "/" + OutputEntry.INPUTS.fileName();
    for (java.util.Map.Entry<String, String> g : config.globs().entrySet()) {
      // the iJw files (a million at national scale) are digested by their reader, from the bytes it parses
      if (g.getValue() != null && !g.getKey().equals(IJW)) {
        p.apply("InputDigests-" + g.getKey(), new InputDigests(g.getKey(), g.getValue(), config.input(), inputs));
      }
    }
    PCollectionTuple staged = p.apply("ReadSources",
        new ReadSources(config.glob("registraties"), config.glob(IJW), config.glob("declaraties_csv"), config.glob("cbs"),
            config.glob("financien"), config.conf(), config.stagingRules()).relativeTo(config.input()));
    PCollectionTuple linked = staged
        .apply("Pseudonymise", new PseudonymiseSources(config.key(), config.purpose()))
        .apply("LinkTrajectories", new LinkTrajectories(config.linkConfig()));
    // the iJw digest lines travel with the records (one stream from the parser on: SourceRecord)
    if (config.glob(IJW) != null) linked.get(Tags.IJW_INPUT_DIGESTS).apply("InputDigests-" + IJW, InputDigests.write(IJW, inputs));
    PCollection<CubeRow> cells = PCollectionTuple.of(Tags.PERSONS, linked.get(Tags.PERSONS))
        .and(Tags.CBS_CELLS, staged.get(Tags.CBS_CELLS))
        .apply("ComputeIndicators", new BuildCube(config.marts()));
    PCollection<PublishedRow> published = cells
        .apply("ProtectTables", new ProtectTables(config.roundTo(), config.suppressUpTo(), config.protectTopLevel(),
            config.indexBase(), config.conf()));
    published.apply("WriteTables", new WriteTables(out, config.conf(), config.boundaries()));
    if (config.internalCube()) {
      cells.apply("CountInternalRows", CountElements.as("marts.internal.rows"))
          .apply("WriteInternalCube", new WriteCube(out + "/internal", config.conf()).withoutDimensions());
    }
    PCollectionList.of(staged.get(Tags.DEAD_LETTERS))
        .and(linked.get(Tags.DEAD_LETTERS))
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", new WriteDeadLetters(out + "/deadletters"));
    // test-only pause points (crash tests); not part of the pipeline unless asked for
    pauseBranch(staged.get(Tags.REGISTRATION_SOURCE), "reading");
    pauseBranch(published, "writing");
  }

  private static <T> void pauseBranch(PCollection<T> input, String point) {
    if (PausePoint.requested(point)) input.apply("Pause-" + point, ParDo.of(new PauseFn<T>(point)));
  }

  /** Pauses (until killed) at the first element; see {@link PausePoint}. */
  static final class PauseFn<T> extends DoFn<T, Void> {
    private final String point;

    PauseFn(String point) {
      this.point = point;
    }

    @ProcessElement
    public void process(@Element T element) {
      PausePoint.reach(point);
    }
  }
}
