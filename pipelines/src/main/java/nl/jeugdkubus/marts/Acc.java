package nl.jeugdkubus.marts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The value of one aggregate cell: a count (people or units), a sum (euro cents, days, or number of
 * hulpvormen) and optionally a histogram of day values (exact medians: histograms are merged, never lists).
 * Mutable; merging is associative and commutative, so cells can be combined in any order.
 */
public final class Acc implements Serializable {
  private long count;
  private long sum;
  private TreeMap<Long, Long> hist;

  public Acc() {}

  public Acc(long count, long sum) {
    this.count = count;
    this.sum = sum;
  }

  public long count() {
    return count;
  }

  public long sum() {
    return sum;
  }

  /** Day histogram (value -> frequency), or null when this cell has none. */
  public TreeMap<Long, Long> hist() {
    return hist;
  }

  void setCount(long c) {
    count = c;
  }

  void setSum(long s) {
    sum = s;
  }

  void addCount(long c) {
    count += c;
  }

  void addSum(long s) {
    sum += s;
  }

  /** One more unit with a day value. */
  void addDays(long days) {
    count++;
    sum += days;
    if (hist == null) hist = new TreeMap<>();
    hist.merge(days, 1L, Long::sum);
  }

  public Acc merge(Acc o) {
    count += o.count;
    sum += o.sum;
    if (o.hist != null) {
      if (hist == null) hist = new TreeMap<>();
      for (Map.Entry<Long, Long> e : o.hist.entrySet()) hist.merge(e.getKey(), e.getValue(), Long::sum);
    }
    return this;
  }

  public Acc copy() {
    Acc a = new Acc(count, sum);
    if (hist != null) a.hist = new TreeMap<>(hist);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Acc a && a.count == count && a.sum == sum && Objects.equals(a.hist, hist);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, sum, hist);
  }

  @Override
  public String toString() {
    return "Acc{count=" + count + ", sum=" + sum + (hist == null ? "" : ", hist=" + hist) + "}";
  }

  /** Compact deterministic coder. */
  public static final class AccCoder extends AtomicCoder<Acc> {
    private static final AccCoder INSTANCE = new AccCoder();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static AccCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Acc value, OutputStream out) throws IOException {
      LONG.encode(value.count, out);
      LONG.encode(value.sum, out);
      if (value.hist == null) {
        LONG.encode(-1L, out);
      } else {
        LONG.encode((long) value.hist.size(), out);
        for (Map.Entry<Long, Long> e : value.hist.entrySet()) {
          LONG.encode(e.getKey(), out);
          LONG.encode(e.getValue(), out);
        }
      }
    }

    @Override
    public Acc decode(InputStream in) throws CoderException, IOException {
      Acc a = new Acc(LONG.decode(in), LONG.decode(in));
      long n = LONG.decode(in);
      if (n >= 0) {
        a.hist = new TreeMap<>();
        for (long i = 0; i < n; i++) a.hist.put(LONG.decode(in), LONG.decode(in));
      }
      return a;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
