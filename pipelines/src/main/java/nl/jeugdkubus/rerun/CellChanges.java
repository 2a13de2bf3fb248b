package nl.jeugdkubus.rerun;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The diff of two sets of published cells (the previous and the new version of the replaced periods): every cell
 * whose figures changed, every cell only in the new version (added) and every cell only in the previous one
 * (removed), sorted by key. Pure: no files, no Beam.
 */
public final class CellChanges {
  private CellChanges() {}

  /** What happened to one cell. */
  public enum Kind { CHANGED, ADDED, REMOVED }

  /** One changed cell: {@code before} is null for an added cell, {@code after} for a removed one. */
  public record Change(Kind kind, PublishedCell before, PublishedCell after) {
    /** The cell that identifies the change (the new one, or the old one when removed). */
    public PublishedCell cell() {
      return after != null ? after : before;
    }

    /** "voorlopig → definitief" when the CBS status changed, else null. */
    public String statusChange() {
      if (before == null || after == null || java.util.Objects.equals(before.cbsStatus(), after.cbsStatus())) return null;
      return before.cbsStatus() + " → " + after.cbsStatus();
    }
  }

  public static List<Change> between(Collection<PublishedCell> before, Collection<PublishedCell> after) {
    Map<String, PublishedCell> old = index(before);
    Map<String, PublishedCell> now = index(after);
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, PublishedCell> e : old.entrySet()) {
      PublishedCell n = now.get(e.getKey());
      if (n == null) out.add(new Change(Kind.REMOVED, e.getValue(), null));
      else if (!n.sameFigures(e.getValue())) out.add(new Change(Kind.CHANGED, e.getValue(), n));
    }
    for (Map.Entry<String, PublishedCell> e : now.entrySet()) {
      if (!old.containsKey(e.getKey())) out.add(new Change(Kind.ADDED, null, e.getValue()));
    }
    out.sort(java.util.Comparator.comparing((Change c) -> c.cell().key()));
    return out;
  }

  private static Map<String, PublishedCell> index(Collection<PublishedCell> cells) {
    Map<String, PublishedCell> m = new TreeMap<>();
    for (PublishedCell c : cells) {
      if (m.put(c.key(), c) != null) throw new IllegalArgumentException("two published cells with the key " + c.key());
    }
    return m;
  }
}
