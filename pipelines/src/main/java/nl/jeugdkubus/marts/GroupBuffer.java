package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-aggregation of the contributions of many persons before the shuffle, bounded in memory: the contributions
 * are added to their {@link CellGroup}; once more than {@code maxCells} cells are held, {@link #add} says so and
 * the caller {@link #drain}s the buffer (and at the end of its bundle). Because merging is associative and
 * commutative the result does not depend on when the buffer is drained, only the number of records shuffled
 * does. Pure logic, no Beam.
 */
public final class GroupBuffer {
  private final int maxCells;
  /** Keyed by the group's parts, not by its joined string: 67 M contributions nationally, one join per group. */
  private final Map<Group, CellGroup> groups = new HashMap<>();
  private int cells;

  public GroupBuffer(int maxCells) {
    this.maxCells = maxCells;
  }

  /** Adds one person's contributions; true when the buffer holds more than its bound and must be drained. */
  public boolean add(List<IndicatorCalculator.Contribution> contributions) {
    for (IndicatorCalculator.Contribution c : contributions) {
      CellKey k = c.key();
      CellGroup g = groups.computeIfAbsent(new Group(k.area(), k.age(), k.sex()), x -> new CellGroup());
      int before = g.size();
      g.add(c.key(), c.acc());
      cells += g.size() - before;
    }
    return cells > maxCells;
  }

  /** The groups held (group key, cells), emptying the buffer. */
  public List<Map.Entry<String, CellGroup>> drain() {
    List<Map.Entry<String, CellGroup>> out = new ArrayList<>(groups.size());
    for (Map.Entry<Group, CellGroup> e : groups.entrySet()) out.add(Map.entry(e.getKey().encode(), e.getValue()));
    groups.clear();
    cells = 0;
    return out;
  }

  public int cells() {
    return cells;
  }

  /** A derivation group's parts; {@link #encode} is {@link CellKey#deriveGroup} of its cells. */
  private record Group(String area, String age, String sex) {
    String encode() {
      return CellKey.group(area, age, sex);
    }
  }
}
