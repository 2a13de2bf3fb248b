package nl.jeugdkubus.tools;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import nl.jeugdkubus.common.Counters;

/**
 * Cluster health check and packaging proof: generates the numbers 0..n-1, groups them by
 * {@code number mod groups} (a real shuffle: GroupByKey), and writes one summary row per group as
 * Parquet to {@code <output>/cube/bucket=<group mod buckets>/part-*.parquet} (hive partition folders,
 * like the real cube). The result is the same on every runner, so scripts/parity.sh can compare the
 * runners with {@link CompareParquet}. After the run the job checks the Beam counters against the
 * expected totals and exits non-zero when they do not add up.
 *
 * <pre>
 * java -jar jeugdkubus.jar ... (see docs/flink.md)
 * java -cp pipelines/target/jeugdkubus.jar nl.jeugdkubus.tools.SmokeJob --output=out/smoke
 *      [--runner=FlinkRunner --flinkMaster=[local]] [--numbers=100000] [--groups=100] [--buckets=4]
 * </pre>
 */
public final class SmokeJob {
  private SmokeJob() {}

  /** Options of the smoke job (any runner option such as --runner, --flinkMaster, --parallelism is accepted too). */
  public interface Options extends PipelineOptions {
    @Description("Output folder; the summary is written to <output>/cube/")
    @Validation.Required
    String getOutput();
    void setOutput(String value);

    @Description("How many numbers to generate (0..numbers-1)")
    @Default.Long(100_000L)
    long getNumbers();
    void setNumbers(long value);

    @Description("Number of groups: each number n goes to group n mod groups")
    @Default.Integer(100)
    int getGroups();
    void setGroups(int value);

    @Description("Number of hive partition folders bucket=<group mod buckets> under cube/")
    @Default.Integer(4)
    int getBuckets();
    void setBuckets(int value);
  }

  /** Avro schema of one summary row (one per group). */
  public static final Schema SCHEMA = SchemaBuilder.record("SmokeGroup").namespace("nl.jeugdkubus.tools")
      .fields()
      .requiredInt("group")
      .requiredLong("count")
      .requiredLong("sum")
      .requiredLong("min")
      .requiredLong("max")
      .requiredLong("sum_of_squares")
      .requiredDouble("mean")
      .endRecord();

  static final String NUMBERS_COUNTER = "smoke.numbers.in";
  static final String GROUPS_COUNTER = "smoke.groups.out";

  /** Summary of one group; pure logic, no Beam. */
  public record GroupStats(int group, long count, long sum, long min, long max, long sumOfSquares) {
    public double mean() {
      return count == 0 ? Double.NaN : (double) sum / count;
    }

    /** Summarises the values of one group (order does not matter: only exact long arithmetic). */
    public static GroupStats of(int group, Iterable<Long> values) {
      long count = 0;
      long sum = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      long squares = 0;
      for (long v : values) {
        count++;
        sum = Math.addExact(sum, v);
        squares = Math.addExact(squares, Math.multiplyExact(v, v));
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (count == 0) throw new IllegalArgumentException("group " + group + " has no values");
      return new GroupStats(group, count, sum, min, max, squares);
    }

    public GenericRecord toRecord() {
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("group", group);
      r.put("count", count);
      r.put("sum", sum);
      r.put("min", min);
      r.put("max", max);
      r.put("sum_of_squares", sumOfSquares);
      r.put("mean", mean());
      return r;
    }
  }

  /** Generates 0..numbers-1 and summarises them per {@code n mod groups}. */
  public static final class Summarise extends PTransform<PBegin, PCollection<GenericRecord>> {
    private final long numbers;
    private final int groups;

    public Summarise(long numbers, int groups) {
      if (numbers < 1 || groups < 1) throw new IllegalArgumentException("numbers and groups must be positive");
      this.numbers = numbers;
      this.groups = groups;
    }

    @Override
    public PCollection<GenericRecord> expand(PBegin input) {
      final int g = groups;
      return input
          .apply("Numbers", GenerateSequence.from(0).to(numbers))
          .apply("KeyByGroup", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.longs()))
              .via((Long n) -> KV.of((int) (n % g), n)))
          .setCoder(KvCoder.of(VarIntCoder.of(), VarLongCoder.of()))
          .apply("GroupByKey", GroupByKey.create())
          .apply("Stats", ParDo.of(new StatsFn()))
          .setCoder(AvroCoder.of(GenericRecord.class, SCHEMA));
    }
  }

  static final class StatsFn extends DoFn<KV<Integer, Iterable<Long>>, GenericRecord> {
    private final Counter numbersIn = Counters.counter(NUMBERS_COUNTER);
    private final Counter groupsOut = Counters.counter(GROUPS_COUNTER);

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Long>> group, OutputReceiver<GenericRecord> out) {
      GroupStats s = GroupStats.of(group.getKey(), group.getValue());
      numbersIn.inc(s.count());
      groupsOut.inc();
      out.output(s.toRecord());
    }
  }

  /** Builds the pipeline: summary rows to {@code <output>/cube/bucket=<b>/part-*.parquet}. */
  public static Pipeline build(Options options) {
    Pipeline p = Pipeline.create(options);
    final int buckets = options.getBuckets();
    String cube = options.getOutput().replaceAll("/+$", "") + "/cube";
    p.apply("Summarise", new Summarise(options.getNumbers(), options.getGroups()))
        .apply("WriteCube", FileIO.<Integer, GenericRecord>writeDynamic()
            .by(r -> ((Integer) r.get("group")) % buckets)
            .withDestinationCoder(VarIntCoder.of())
            .via(nl.jeugdkubus.common.ParquetFiles.sink(SCHEMA))
            .to(cube)
            .withNaming(b -> FileIO.Write.defaultNaming("bucket=" + b + "/part", ".parquet"))
            .withNumShards(1));
    return p;
  }

  /** Expected totals: sum of 0..n-1 = n(n-1)/2; groups actually filled = min(n, groups). */
  static List<String> check(Options o, long numbersSeen, long groupsSeen) {
    List<String> problems = new ArrayList<>();
    if (numbersSeen != o.getNumbers()) {
      problems.add("counter " + NUMBERS_COUNTER + " = " + numbersSeen + ", expected " + o.getNumbers());
    }
    long expectedGroups = Math.min(o.getNumbers(), o.getGroups());
    if (groupsSeen != expectedGroups) {
      problems.add("counter " + GROUPS_COUNTER + " = " + groupsSeen + ", expected " + expectedGroups);
    }
    return problems;
  }

  static long counterValue(PipelineResult result, String name) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(Counters.NAMESPACE, name)).build());
    long total = 0;
    boolean found = false;
    for (MetricResult<Long> c : q.getCounters()) {
      found = true;
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      total += v == null ? 0 : v;
    }
    return found ? total : -1;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(Options.class);
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    long t0 = System.nanoTime();
    PipelineResult result = build(options).run();
    PipelineResult.State state = result.waitUntilFinish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("SmokeJob runner=%s state=%s seconds=%.1f%n",
        options.getRunner().getSimpleName(), state, seconds);
    if (state != PipelineResult.State.DONE) {
      System.err.println("SmokeJob FAILED: pipeline ended in state " + state);
      System.exit(1);
    }
    List<String> problems = check(options, counterValue(result, NUMBERS_COUNTER), counterValue(result, GROUPS_COUNTER));
    if (!problems.isEmpty()) {
      problems.forEach(pr -> System.err.println("SmokeJob FAILED: " + pr));
      System.exit(1);
    }
    System.out.printf("SmokeJob OK: %d numbers in %d groups -> %s/cube%n",
        options.getNumbers(), Math.min(options.getNumbers(), options.getGroups()), options.getOutput());
  }
}
