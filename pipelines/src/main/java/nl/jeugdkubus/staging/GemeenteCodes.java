package nl.jeugdkubus.staging;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;

/**
 * The gemeente codes a record may carry: the gemeenten of {@code conf/gemeenten-2026.csv} and the
 * merged-away gemeenten of {@code conf/herindelingen.csv}. A merged-away code is valid and resolves to
 * the gemeente it merged into (following chains of mergers); any other code is unknown, and the record
 * becomes an UNKNOWN_GEMEENTE dead letter. Pure and serialisable; built once per run from its tables.
 */
public final class GemeenteCodes implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String GEMEENTEN_TABLE = "gemeenten-2026.csv";
  public static final String HERINDELINGEN_TABLE = "herindelingen.csv";
  /** Counter suffix (staging.&lt;source&gt;.gemeente.mapped): a record whose merged-away code was mapped. */
  public static final String MAPPED_NOTE = "gemeente.mapped";

  private final Set<String> current;
  /** Merged-away code to the current gemeente it lies in now (chains resolved). */
  private final Map<String, String> mergedInto;

  GemeenteCodes(Set<String> current, Map<String, String> mergedInto) {
    this.current = Collections.unmodifiableSet(new HashSet<>(current));
    this.mergedInto = Collections.unmodifiableMap(new HashMap<>(mergedInto));
  }

  /** The codes of the packaged conf/. */
  public static GemeenteCodes packaged() {
    return load(null);
  }

  /**
   * From the run's tables (null: the packaged conf/). Throws IllegalStateException when herindelingen.csv
   * lacks a column, holds a code that is not GM + 4 digits or a date that is not yyyy-MM-dd, names a
   * current gemeente as merged away, or merges into a code that is neither current nor merged further.
   */
  public static GemeenteCodes load(ConfTables conf) {
    ConfTables c = conf == null ? ConfTables.packaged() : conf;
    Set<String> current = new LinkedHashSet<>(c.table(GEMEENTEN_TABLE).map("gemeente_code", "gemeente_naam").keySet());
    ConfTable h = c.table(HERINDELINGEN_TABLE);
    for (String col : new String[] {"oude_code", "nieuwe_code", "datum"}) {
      if (!h.header().contains(col)) throw new IllegalStateException(HERINDELINGEN_TABLE + " lacks column " + col);
    }
    Map<String, String> direct = new HashMap<>();
    for (Map<String, String> r : h.rows()) {
      String oud = r.get("oude_code");
      String nieuw = r.get("nieuwe_code");
      if (StagingValues.gmCode(oud) == null || StagingValues.gmCode(nieuw) == null) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": '" + oud + "' -> '" + nieuw + "' is not GM + 4 digits");
      }
      try {
        LocalDate.parse(r.get("datum"));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": datum '" + r.get("datum") + "' of " + oud + " is not yyyy-MM-dd");
      }
      if (current.contains(oud)) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": " + oud + " is merged away but still a gemeente of " + GEMEENTEN_TABLE);
      }
      if (direct.put(oud, nieuw) != null) throw new IllegalStateException(HERINDELINGEN_TABLE + ": " + oud + " is listed twice");
    }
    Map<String, String> resolved = new HashMap<>();
    for (String oud : direct.keySet()) {
      String g = oud;
      Set<String> seen = new HashSet<>();
      while (!current.contains(g)) {
        if (!seen.add(g) || !direct.containsKey(g)) {
          throw new IllegalStateException(HERINDELINGEN_TABLE + ": " + oud + " does not lead to a gemeente of " + GEMEENTEN_TABLE);
        }
        g = direct.get(g);
      }
      resolved.put(oud, g);
    }
    return new GemeenteCodes(current, resolved);
  }

  /** True for a gemeente of gemeenten-2026.csv. */
  public boolean isCurrent(String gmCode) {
    return current.contains(gmCode);
  }

  /** True for a merged-away gemeente of herindelingen.csv. */
  public boolean isMerged(String gmCode) {
    return mergedInto.containsKey(gmCode);
  }

  /** The current gemeente of a code: itself, the gemeente it merged into, or null when unknown. */
  public String resolve(String gmCode) {
    if (gmCode == null) return null;
    if (current.contains(gmCode)) return gmCode;
    return mergedInto.get(gmCode);
  }

  /**
   * The staging check of one gemeente field (already GM + 4 digits, or null: nothing to check): an
   * unknown code adds UNKNOWN_GEMEENTE; a merged-away code is mapped to its current gemeente (with the
   * note {@value #MAPPED_NOTE}). Returns the code to store: current, mapped, or (unknown) as given.
   */
  String check(String label, String gmCode, Issues issues) {
    if (!checkKnown(label, gmCode, issues)) return gmCode;
    String g = resolve(gmCode);
    if (!g.equals(gmCode)) issues.note(MAPPED_NOTE);
    return g;
  }

  /** As {@link #check} without mapping (CBS regions keep their code): false, with UNKNOWN_GEMEENTE, when unknown. */
  boolean checkKnown(String label, String gmCode, Issues issues) {
    if (gmCode == null) return false;
    if (resolve(gmCode) != null) return true;
    issues.add(Reasons.UNKNOWN_GEMEENTE, label + " " + gmCode + " is neither a gemeente of conf/" + GEMEENTEN_TABLE
        + " nor a merged-away gemeente of conf/" + HERINDELINGEN_TABLE);
    return false;
  }
}
