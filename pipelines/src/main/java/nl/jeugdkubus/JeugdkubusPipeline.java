package nl.jeugdkubus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.CountElements;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.Progress;
import nl.jeugdkubus.common.RunSummary;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.common.WriteDeadLetters;
import nl.jeugdkubus.intermediate.LinkTrajectories;
import nl.jeugdkubus.intermediate.PseudonymiseSources;
import nl.jeugdkubus.marts.BuildCube;
import nl.jeugdkubus.marts.ProtectSmallCells;
import nl.jeugdkubus.marts.WriteCube;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.staging.ReadSources;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Flatten;
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
 *                  ProtectSmallCells      rounding and (secondary) suppression
 *                  WriteCube              Parquet, Hive-style partitions, dimension tables
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
    RunOutcome outcome = run(options, config);
    if (outcome.state() != PipelineResult.State.DONE) return EXIT_FAILED;
    return outcome.summary().reconciles() ? EXIT_OK : EXIT_DOES_NOT_RECONCILE;
  }

  /**
   * Embedded Flink is the default local runner (measured 6-12x faster than the DirectRunner on this
   * job, docs/flink.md): without {@code --runner} the job runs on {@code FlinkRunner} with
   * {@code --flinkMaster=[local]} (unless a master is given). An explicit {@code --runner} is kept.
   */
  static String[] withDefaultRunner(String[] args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    boolean help = all.stream().anyMatch(a -> a.equals("--help") || a.startsWith("--help="));
    if (help || all.stream().anyMatch(a -> a.startsWith("--runner=") || a.equals("--runner"))) return args;
    all.add("--runner=FlinkRunner");
    if (all.stream().noneMatch(a -> a.startsWith("--flinkMaster"))) all.add("--flinkMaster=[local]");
    return all.toArray(String[]::new);
  }

  /** What a run produced. */
  public record RunOutcome(RunConfiguration config, PipelineResult.State state, RunSummary summary) {}

  /** Checks the options ({@link RunConfiguration#from}: a {@link ConfigurationException} on any problem) and runs. */
  public static RunOutcome run(JeugdkubusOptions options) {
    return run(options, RunConfiguration.from(options));
  }

  public static RunOutcome run(JeugdkubusOptions options, RunConfiguration config) {
    Instant started = Instant.now();
    config.printStart(System.out);
    String out = config.output();
    clearPreviousOutput(Path.of(out));

    Pipeline p = Pipeline.create(options);
    ModelCoders.register(p);

    PCollectionTuple staged = p.apply("ReadSources",
        new ReadSources(config.glob("registraties"), config.glob("ijw"), config.glob("declaraties_csv"), config.glob("cbs"),
            config.glob("financien"), config.conf()));
    PCollectionTuple pseudonymised = staged.apply("Pseudonymise", new PseudonymiseSources(config.key(), config.purpose()));
    PCollectionTuple linked = pseudonymised.apply("LinkTrajectories", new LinkTrajectories(config.linkConfig()));
    PCollection<CubeRow> cells = PCollectionTuple.of(Tags.PERSONS, linked.get(Tags.PERSONS))
        .and(Tags.CBS_CELLS, staged.get(Tags.CBS_CELLS))
        .apply("ComputeIndicators", new BuildCube(config.marts()));
    cells.apply("ProtectSmallCells", new ProtectSmallCells(config.roundTo(), config.suppressUpTo(), config.indexBase()))
        .apply("CountCubeRows", CountElements.as("marts.cube.rows"))
        .apply("WriteCube", new WriteCube(out, config.conf()));
    if (config.internalCube()) {
      cells.apply("CountInternalRows", CountElements.as("marts.internal.rows"))
          .apply("WriteInternalCube", new WriteCube(out + "/internal", config.conf()).withoutDimensions());
    }
    PCollectionList.of(staged.get(Tags.DEAD_LETTERS))
        .and(pseudonymised.get(Tags.DEAD_LETTERS))
        .and(linked.get(Tags.DEAD_LETTERS))
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", new WriteDeadLetters(out + "/deadletters"));

    Thread progress = config.progress() ? Progress.startPrinter(5) : null;
    PipelineResult result = p.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (progress != null) progress.interrupt();

    RunSummary summary = RunSummary.of(result);
    System.out.println();
    System.out.println(summary.render());
    Manifest.write(Manifest.of(config, started, state, summary), Path.of(out, "manifest.json"));
    System.out.println("Cube:         " + out + "/cube");
    System.out.println("Dead letters: " + out + "/deadletters");
    System.out.println("Manifest:     " + out + "/manifest.json");
    return new RunOutcome(config, state, summary);
  }

  /** A rerun replaces the previous run's results in the same output folder (only after the configuration checked out). */
  private static void clearPreviousOutput(Path out) {
    for (String sub : List.of("cube", "dimensions", "internal", "manifest.json")) deleteRecursively(out.resolve(sub));
    try (Stream<Path> s = Files.exists(out) ? Files.list(out) : Stream.empty()) {
      s.filter(f -> f.getFileName().toString().startsWith("deadletters")).forEach(JeugdkubusPipeline::deleteRecursively);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path p) {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
