package nl.jeugdkubus.common;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * All pipeline counters live in one namespace so the run summary and manifest can reconcile them.
 * Names are "layer.source.what", e.g. "staging.ijw.records", "pseudonymisation.registraties.in",
 * "linkage.declaraties.unlinked.GEEN_TOEWIJZING". Each increment also feeds {@link Progress}, the
 * console progress of runners that execute in this JVM.
 */
public final class Counters {
  public static final String NAMESPACE = "jeugdkubus";

  private Counters() {}

  public static Counter counter(String name) {
    return new ProgressCounter(Metrics.counter(NAMESPACE, name), name);
  }

  /** A Beam counter that also reports to the in-JVM progress view. */
  static final class ProgressCounter implements Counter, Serializable {
    private final Counter delegate;
    private final String name;

    ProgressCounter(Counter delegate, String name) {
      this.delegate = delegate;
      this.name = name;
    }

    @Override
    public void inc() {
      inc(1);
    }

    @Override
    public void inc(long n) {
      delegate.inc(n);
      Progress.add(name, n);
    }

    @Override
    public void dec() {
      inc(-1);
    }

    @Override
    public void dec(long n) {
      inc(-n);
    }

    @Override
    public MetricName getName() {
      return delegate.getName();
    }
  }
}
