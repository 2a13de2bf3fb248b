package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.jeugdkubus.model.ZorgMutatie;

/**
 * JW305/JW307 withdrawals (COD467 StatusAanlevering 3, "verwijderen aanlevering"). An aanbieder withdraws a
 * start or stop by sending the same StartProduct/StopProduct again with status 3; the withdrawal cancels that
 * earlier message, and neither counts. A message is identified by its type, ToewijzingNummer and Begindatum
 * (and Einddatum for a stop); when several earlier messages share that key, the one that also has the same
 * product and end reason is cancelled, else the first. Each withdrawal cancels at most one message, so a
 * start sent again after its withdrawal counts. Pure logic (docs/linkage.md).
 */
final class Withdrawals {
  static final String STATUS_VERWIJDEREN = "3";

  /** The messages that count, the withdrawals that cancelled one, the messages cancelled, and withdrawals that found none. */
  record Result(List<ZorgMutatie> valid, List<ZorgMutatie> withdrawals, List<ZorgMutatie> cancelled,
      List<ZorgMutatie> unmatched) {}

  private Withdrawals() {}

  static Result apply(List<ZorgMutatie> inSourceOrder) {
    Map<String, List<ZorgMutatie>> originals = new LinkedHashMap<>();
    List<ZorgMutatie> withdrawals = new ArrayList<>();
    for (ZorgMutatie m : inSourceOrder) {
      if (STATUS_VERWIJDEREN.equals(m.getStatusAanlevering())) withdrawals.add(m);
      else originals.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
    }
    List<ZorgMutatie> cancelled = new ArrayList<>();
    List<ZorgMutatie> unmatched = new ArrayList<>();
    List<ZorgMutatie> matched = new ArrayList<>();
    for (ZorgMutatie w : withdrawals) {
      List<ZorgMutatie> candidates = originals.getOrDefault(key(w), List.of());
      ZorgMutatie hit = null;
      for (ZorgMutatie c : candidates) {
        if (Objects.equals(c.getProductCode(), w.getProductCode()) && Objects.equals(c.getRedenBeeindiging(), w.getRedenBeeindiging())) {
          hit = c;
          break;
        }
      }
      if (hit == null && !candidates.isEmpty()) hit = candidates.get(0);
      if (hit == null) {
        unmatched.add(w);
      } else {
        candidates.remove(hit);
        cancelled.add(hit);
        matched.add(w);
      }
    }
    List<ZorgMutatie> valid = new ArrayList<>();
    for (ZorgMutatie m : inSourceOrder) {
      if (STATUS_VERWIJDEREN.equals(m.getStatusAanlevering())) continue;
      if (!containsSame(cancelled, m)) valid.add(m);
    }
    return new Result(valid, matched, cancelled, unmatched);
  }

  private static String key(ZorgMutatie m) {
    return m.getBerichtType() + "|" + m.getToewijzingNummer() + "|" + m.getBegindatum()
        + ("JW307".equals(m.getBerichtType()) ? "|" + m.getEinddatum() : "");
  }

  /** Identity, not equality: two identical copies are two messages. */
  private static boolean containsSame(List<ZorgMutatie> list, ZorgMutatie m) {
    for (ZorgMutatie x : list) if (x == m) return true;
    return false;
  }
}
