package nl.jeugdkubus.intermediate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Dates;
import nl.jeugdkubus.model.Toewijzing;

/**
 * The versions of each ToewijzingNummer: a gemeente that changes a toewijzing re-sends it under the same
 * ToewijzingNummer with a later Toewijzingsdatum and a JZ002 RedenWijziging (04 verlenging, 05 verkorting,
 * 07 verhuizing, 13 verwijderd, 14 administratieve correctie, ...). The latest version replaces the
 * earlier ones; the first decision stays the start of the waiting time. Pure logic (docs/linkage.md).
 */
final class ToewijzingVersions {
  /** JZ002 13: sent by mistake, "to be considered never sent". */
  static final String VERWIJDERD = "13";
  /** JZ002 07: ended because the client moved to another gemeente. */
  static final String VERHUIZING = "07";

  /** The current version of one ToewijzingNummer and the date of the municipality's first decision. */
  record Current(Toewijzing toewijzing, LocalDate decision, int replaced) {
    boolean removed() {
      return VERWIJDERD.equals(toewijzing.getRedenWijziging());
    }

    boolean endedByMove() {
      return VERHUIZING.equals(toewijzing.getRedenWijziging());
    }
  }

  private ToewijzingVersions() {}

  /**
   * Groups the toewijzingen (given in source order) by ToewijzingNummer. The current version is the one
   * with the latest Toewijzingsdatum; on the same day a changed version (with RedenWijziging) beats the
   * original, and otherwise the later one in source order wins (Toewijzingstijd is not read).
   */
  static Map<String, Current> of(List<Toewijzing> inSourceOrder) {
    Map<String, List<Toewijzing>> byNummer = new LinkedHashMap<>();
    for (Toewijzing t : inSourceOrder) byNummer.computeIfAbsent(t.getToewijzingNummer(), k -> new ArrayList<>()).add(t);
    Map<String, Current> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Toewijzing>> e : byNummer.entrySet()) {
      Toewijzing current = null;
      LocalDate first = null;
      for (Toewijzing t : e.getValue()) {
        if (current == null || !isOlder(t, current)) current = t;
        LocalDate d = Dates.parseOptional(t.getToewijzingsdatum());
        if (d != null && (first == null || d.isBefore(first))) first = d;
      }
      out.put(e.getKey(), new Current(current, first, e.getValue().size() - 1));
    }
    return out;
  }

  /** True when version a is older than version b (b, later in source order, wins ties). */
  private static boolean isOlder(Toewijzing a, Toewijzing b) {
    LocalDate da = Dates.parseOptional(a.getToewijzingsdatum());
    LocalDate db = Dates.parseOptional(b.getToewijzingsdatum());
    if (da == null || db == null) return da == null && db != null;
    if (!da.equals(db)) return da.isBefore(db);
    return a.getRedenWijziging() == null && b.getRedenWijziging() != null;
  }
}
