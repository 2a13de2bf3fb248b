package nl.jeugdkubus.generator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What a generator run wrote: files, records and injected defects per kind. */
public final class GenerationSummary {
  private final Map<String, Long> files = new TreeMap<>();
  private final Map<String, Long> records = new TreeMap<>();
  private final Map<String, Long> defects = new TreeMap<>();
  private final Map<String, Long> patterns = new TreeMap<>();
  private long bytes;
  private long persons;
  private long personsWithCare;
  private int gemeenten;
  private long elapsedMillis;

  synchronized void file(String kind, long size) {
    files.merge(kind, 1L, Long::sum);
    bytes += size;
  }

  synchronized void records(String kind, long n) {
    records.merge(kind, n, Long::sum);
  }

  synchronized void pattern(String kind) {
    patterns.merge(kind, 1L, Long::sum);
  }

  synchronized void defect(String kind) {
    defects.merge(kind, 1L, Long::sum);
  }

  synchronized void persons(long all, long withCare) {
    persons += all;
    personsWithCare += withCare;
    gemeenten++;
  }

  void elapsed(long millis) {
    this.elapsedMillis = millis;
  }

  /** Files per kind: registraties, declaraties, cbs, JW301, JW305, JW307, JW323. */
  public Map<String, Long> files() {
    return Collections.unmodifiableMap(files);
  }

  /**
   * Records per kind: registraties.lokaal_team, registraties.toegang, JW301.ToegewezenProduct,
   * JW305.StartProduct, JW307.StopProduct, JW323.Prestatie, declaraties.rows, cbs.03759ned, cbs.85098NED.
   */
  public Map<String, Long> records() {
    return Collections.unmodifiableMap(records);
  }

  /** Injected defects per {@code Defects.Kind} name. */
  public Map<String, Long> defects() {
    return Collections.unmodifiableMap(defects);
  }

  /**
   * Patterns of real data (Patterns, docs/generator.md) per kind: verhuizing (young people who moved),
   * toewijzing_gewijzigd (.04, .05; moves add their 07 versions to verhuizing), ingetrokken (.JW305, .JW307),
   * andere_productcategorie; each with {@code <kind>.kandidaten}, the eligible candidates drawn from.
   */
  public Map<String, Long> patterns() {
    return Collections.unmodifiableMap(patterns);
  }

  public long patterns(String kind) {
    return patterns.getOrDefault(kind, 0L);
  }

  public long files(String kind) {
    return files.getOrDefault(kind, 0L);
  }

  public long records(String kind) {
    return records.getOrDefault(kind, 0L);
  }

  public long defects(String kind) {
    return defects.getOrDefault(kind, 0L);
  }

  public long bytes() {
    return bytes;
  }

  public long persons() {
    return persons;
  }

  public long personsWithCare() {
    return personsWithCare;
  }

  public int gemeenten() {
    return gemeenten;
  }

  public long elapsedMillis() {
    return elapsedMillis;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("gemeenten: %d, young people simulated: %d (of whom with any simulated care, incl. warm-up years: %d)%n", gemeenten, persons, personsWithCare));
    sb.append("files:\n");
    files.forEach((k, v) -> sb.append(String.format("  %-28s %,12d%n", k, v)));
    sb.append("records:\n");
    records.forEach((k, v) -> sb.append(String.format("  %-28s %,12d%n", k, v)));
    if (!patterns.isEmpty()) {
      sb.append("patterns of real data:\n");
      patterns.forEach((k, v) -> sb.append(String.format("  %-40s %,12d%n", k, v)));
    }
    if (!defects.isEmpty()) {
      sb.append("defects injected:\n");
      defects.forEach((k, v) -> sb.append(String.format("  %-28s %,12d%n", k, v)));
    }
    sb.append(String.format("bytes written: %,d (%.1f MB), elapsed: %.1f s%n", bytes, bytes / 1e6, elapsedMillis / 1000.0));
    return sb.toString();
  }
}
