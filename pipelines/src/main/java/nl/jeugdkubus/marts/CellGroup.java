package nl.jeugdkubus.marts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * The cells of one derivation group ({@link CellKey#deriveGroup}: area, age key, geslacht), all periods and
 * measures, each with its {@link Acc}. The unit the cube is combined in: one record per group instead of one per
 * cell keeps the shuffle's sort small (docs/performance.md "The cube combined per group"). Mutable; merging is
 * associative and commutative like {@link Acc#merge}.
 */
public final class CellGroup implements Serializable {
  private final HashMap<CellKey, Acc> cells = new HashMap<>();

  /** Adds a cell's value (the Acc is taken over, not copied: the caller must not use it afterwards). */
  public CellGroup add(CellKey key, Acc acc) {
    Acc had = cells.putIfAbsent(key, acc);
    if (had != null) had.merge(acc);
    return this;
  }

  /** Merges another group's cells in; {@code o} is left as it was. */
  public CellGroup merge(CellGroup o) {
    for (Map.Entry<CellKey, Acc> e : o.cells.entrySet()) {
      Acc had = cells.get(e.getKey());
      if (had == null) cells.put(e.getKey(), e.getValue().copy());
      else had.merge(e.getValue());
    }
    return this;
  }

  public Map<CellKey, Acc> cells() {
    return cells;
  }

  public int size() {
    return cells.size();
  }

  /** Compact coder: the number of cells, then per cell its encoded key and its Acc. */
  public static final class CellGroupCoder extends AtomicCoder<CellGroup> {
    private static final CellGroupCoder INSTANCE = new CellGroupCoder();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final StringUtf8Coder KEY = StringUtf8Coder.of();

    public static CellGroupCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CellGroup value, OutputStream out) throws IOException {
      INT.encode(value.cells.size(), out);
      for (Map.Entry<CellKey, Acc> e : value.cells.entrySet()) {
        KEY.encode(e.getKey().encode(), out);
        Acc.AccCoder.of().encode(e.getValue(), out);
      }
    }

    @Override
    public CellGroup decode(InputStream in) throws CoderException, IOException {
      CellGroup g = new CellGroup();
      int n = INT.decode(in);
      for (int i = 0; i < n; i++) g.cells.put(CellKey.decode(KEY.decode(in)), Acc.AccCoder.of().decode(in));
      return g;
    }
  }
}
