package nl.jeugdkubus.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Console progress while a job runs: counters incremented in this JVM (DirectRunner, embedded Flink)
 * are printed every few seconds by a daemon thread as "stage: records so far". On a remote cluster the
 * workers run elsewhere; there the Flink web UI shows progress and the closing summary the totals.
 */
public final class Progress {
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  private static final String[][] STAGES = {
      {"read", "staging.registraties.records", "staging.ijw.records", "staging.declaraties_csv.records", "staging.cbs.records",
          "staging.financien.records"},
      {"pseudonymised", "pseudonymisation.registraties.out", "pseudonymisation.toewijzingen.out", "pseudonymisation.mutaties.out", "pseudonymisation.declaraties.out"},
      {"persons linked", "linkage.persons"},
      {"table rows", "marts.tables.rows"},
      {"dead letters", "staging.registraties.dead", "staging.ijw.dead", "staging.declaraties_csv.dead", "staging.cbs.dead", "staging.financien.dead",
          "pseudonymisation.registraties.dead", "pseudonymisation.toewijzingen.dead", "pseudonymisation.mutaties.dead",
          "pseudonymisation.declaraties.dead"}};

  private Progress() {}

  static void add(String name, long n) {
    COUNTS.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  static long get(String name) {
    LongAdder a = COUNTS.get(name);
    return a == null ? 0 : a.sum();
  }

  /** One progress line. */
  public static String line(long elapsedMillis) {
    StringBuilder sb = new StringBuilder(String.format("[%4ds]", elapsedMillis / 1000));
    for (String[] stage : STAGES) {
      long sum = 0;
      for (int i = 1; i < stage.length; i++) sum += get(stage[i]);
      sb.append(String.format("  %s %,d", stage[0], sum));
    }
    return sb.toString();
  }

  /** Starts printing a line every {@code seconds}; stop it with {@link Thread#interrupt()}. */
  public static Thread startPrinter(int seconds) {
    long t0 = System.currentTimeMillis();
    Thread t = new Thread(() -> {
      String last = "";
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(seconds * 1000L);
          String l = line(System.currentTimeMillis() - t0);
          if (!l.substring(7).equals(last)) System.out.println(l);
          last = l.substring(7);
        }
      } catch (InterruptedException e) {
        // done
      }
    }, "jeugdkubus-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
