package nl.jeugdkubus.common;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Passes elements through unchanged and counts them in counter {@code name} (for the run summary). */
public final class CountElements<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final String name;

  private CountElements(String name) {
    this.name = name;
  }

  public static <T> CountElements<T> as(String counterName) {
    return new CountElements<>(counterName);
  }

  @Override
  public PCollection<T> expand(PCollection<T> in) {
    return in.apply(ParDo.of(new CountFn<T>(name))).setCoder(in.getCoder());
  }

  static final class CountFn<T> extends DoFn<T, T> {
    private final org.apache.beam.sdk.metrics.Counter counter;

    CountFn(String name) {
      this.counter = Counters.counter(name);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      counter.inc();
      c.output(c.element());
    }
  }
}
