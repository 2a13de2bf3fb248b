package nl.jeugdkubus;

import java.util.List;
import nl.jeugdkubus.common.CountElements;
import nl.jeugdkubus.common.ModelCoders;
import nl.jeugdkubus.common.Progress;
import nl.jeugdkubus.common.RunSummary;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.common.WriteDeadLetters;
import nl.jeugdkubus.intermediate.LinkConfig;
import nl.jeugdkubus.intermediate.LinkTrajectories;
import nl.jeugdkubus.intermediate.PseudonymiseSources;
import nl.jeugdkubus.marts.BuildCube;
import nl.jeugdkubus.marts.ProtectSmallCells;
import nl.jeugdkubus.marts.WriteCube;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.staging.ReadSources;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
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
  private JeugdkubusPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(JeugdkubusOptions.class);
    JeugdkubusOptions options = PipelineOptionsFactory.fromArgs(withDefaultRunner(args)).withValidation()
        .as(JeugdkubusOptions.class);
    try {
      RunOutcome outcome = run(options);
      System.exit(outcome.summary().reconciles() ? 0 : 3);
    } catch (RunContext.ConfigurationException e) {
      System.err.println("jeugdkubus: " + e.getMessage());
      System.exit(2);
    }
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
  public record RunOutcome(RunContext context, PipelineResult.State state, RunSummary summary) {}

  public static RunOutcome run(JeugdkubusOptions options) {
    RunContext ctx = RunContext.prepare(options);
    ctx.printStart(System.out);

    Pipeline p = Pipeline.create(options);
    ModelCoders.register(p);

    PCollectionTuple staged = p.apply("ReadSources",
        new ReadSources(ctx.registrationsGlob(), ctx.ijwGlob(), ctx.declarationsCsvGlob(), ctx.cbsGlob(),
            ctx.financeGlob(), options.getConfDir()));
    PCollectionTuple pseudonymised = staged.apply("Pseudonymise", new PseudonymiseSources(ctx.key(), options.getPurpose()));
    PCollectionTuple linked = pseudonymised.apply("LinkTrajectories", new LinkTrajectories(LinkConfig.load(options.getConfDir())));
    PCollection<CubeRow> cells = PCollectionTuple.of(Tags.PERSONS, linked.get(Tags.PERSONS))
        .and(Tags.CBS_CELLS, staged.get(Tags.CBS_CELLS))
        .apply("ComputeIndicators", new BuildCube(ctx.martsConfig()));
    cells.apply("ProtectSmallCells", new ProtectSmallCells(options.getRoundTo(), options.getSuppressUpTo(), ctx.martsConfig().indexBase()))
        .apply("CountCubeRows", CountElements.as("marts.cube.rows"))
        .apply("WriteCube", new WriteCube(ctx.output(), options.getConfDir()));
    if (options.getInternalCube()) {
      cells.apply("CountInternalRows", CountElements.as("marts.internal.rows"))
          .apply("WriteInternalCube", new WriteCube(ctx.internalOutput(), options.getConfDir()).withoutDimensions());
    }
    PCollectionList.of(staged.get(Tags.DEAD_LETTERS))
        .and(pseudonymised.get(Tags.DEAD_LETTERS))
        .and(linked.get(Tags.DEAD_LETTERS))
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", new WriteDeadLetters(ctx.output() + "/deadletters"));

    Thread progress = options.getProgress() ? Progress.startPrinter(5) : null;
    PipelineResult result = p.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (progress != null) progress.interrupt();

    RunSummary summary = RunSummary.of(result);
    System.out.println();
    System.out.println(summary.render());
    ctx.writeManifest(state, summary);
    System.out.println("Cube:         " + ctx.output() + "/cube");
    System.out.println("Dead letters: " + ctx.output() + "/deadletters");
    System.out.println("Manifest:     " + ctx.output() + "/manifest.json");
    return new RunOutcome(ctx, state, summary);
  }
}
