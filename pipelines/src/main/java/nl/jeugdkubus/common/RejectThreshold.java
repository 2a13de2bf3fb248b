package nl.jeugdkubus.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reject threshold: a run whose dead letters from one source exceed a share of the records read
 * from that source is not published (exit code 4). The share of a source is
 * {@code rejects.<source>.* / (staging.<source>.records + staging.<source>.dead)}: every dead letter of
 * the source, whatever step rejected it (staging, pseudonymisation, linkage), over every record the
 * source delivered. The counters {@code rejects.<source>.<stage>.<reason>} are counted while the dead
 * letters are written ({@link WriteDeadLetters}).
 */
public final class RejectThreshold {
  public static final String PREFIX = "rejects.";

  /** One source over the threshold, with its reasons, most frequent first. */
  public record Violation(String source, long rejected, long read, Map<String, Long> topReasons) {
    public double percent() {
      return 100.0 * rejected / read;
    }

    /** One line for the console. */
    public String message(double maxPercent) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "source %s: %d of %d records rejected (%.2f %%, more than --maxRejectPercent=%s); top reasons:",
          source, rejected, read, percent(), strip(maxPercent)));
      topReasons.forEach((r, n) -> sb.append(' ').append(r).append(' ').append(n).append(','));
      sb.setLength(sb.length() - 1);
      return sb.toString();
    }
  }

  private RejectThreshold() {}

  /** The staged sources whose reject share is above maxPercent (0-100). */
  public static List<Violation> check(Map<String, Long> counters, double maxPercent) {
    return check(counters, maxPercent, List.of(RunSummary.STAGED_SOURCES));
  }

  /** The sources whose reject share is above maxPercent (0-100), in source order. */
  public static List<Violation> check(Map<String, Long> counters, double maxPercent, List<String> sources) {
    List<Violation> out = new ArrayList<>();
    for (String source : sources) {
      long read = counters.getOrDefault("staging." + source + ".records", 0L) + counters.getOrDefault("staging." + source + ".dead", 0L);
      if (read == 0) continue;
      Map<String, Long> reasons = new TreeMap<>();
      long rejected = 0;
      String prefix = PREFIX + source + ".";
      for (Map.Entry<String, Long> c : counters.entrySet()) {
        if (!c.getKey().startsWith(prefix)) continue;
        rejected += c.getValue();
        reasons.merge(c.getKey().substring(prefix.length()), c.getValue(), Long::sum);
      }
      // the same arithmetic as Violation.percent(), so what the message shows is what was compared
      if (100.0 * rejected / read > maxPercent) out.add(new Violation(source, rejected, read, top(reasons, 3)));
    }
    return out;
  }

  private static Map<String, Long> top(Map<String, Long> reasons, int n) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    reasons.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String strip(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
