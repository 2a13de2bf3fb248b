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
 * the gemeente it merged into (following chains of mergers), or with {@link #forBoundaries(Integer)} to the
 * gemeente it lay in on 1 January of the chosen year; any other code is unknown, and the record becomes an
 * UNKNOWN_GEMEENTE dead letter. Pure and serialisable; built once per run from its tables.
 */
public final class GemeenteCodes implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String GEMEENTEN_TABLE = "gemeenten-2026.csv";
  public static final String HERINDELINGEN_TABLE = "herindelingen.csv";
  /** Counter suffix (staging.&lt;source&gt;.gemeente.mapped): a record whose merged-away code was mapped. */
  public static final String MAPPED_NOTE = "gemeente.mapped";

  /** First and last year --boundaries accepts: herindelingen.csv is complete from 2019; the newest is the gemeenten table's. */
  public static final int FIRST_BOUNDARY_YEAR = 2019;
  public static final int NEWEST_BOUNDARY_YEAR = 2026;

  private final Set<String> current;
  /** Merged-away code to the current gemeente it lies in now (chains resolved). */
  private final Map<String, String> mergedInto;
  /** One row of herindelingen.csv per merged-away code: where it went and when; empty maps when the table has no soort. */
  private final Map<String, String> directInto;
  private final Map<String, LocalDate> mergedOn;
  /** Gemeente created by a samenvoeging -> the date it was created. */
  private final Map<String, LocalDate> createdOn;
  private final Map<String, String> oudeNaam;
  /** 1 January of the --boundaries year; null: the newest boundaries (every merger applied). */
  private final LocalDate boundary;

  GemeenteCodes(Set<String> current, Map<String, String> mergedInto) {
    this(current, mergedInto, Map.of(), Map.of(), Map.of(), Map.of(), null);
  }

  private GemeenteCodes(Set<String> current, Map<String, String> mergedInto, Map<String, String> directInto,
      Map<String, LocalDate> mergedOn, Map<String, LocalDate> createdOn, Map<String, String> oudeNaam, LocalDate boundary) {
    this.current = Collections.unmodifiableSet(new HashSet<>(current));
    this.mergedInto = Collections.unmodifiableMap(new HashMap<>(mergedInto));
    this.directInto = Map.copyOf(directInto);
    this.mergedOn = Map.copyOf(mergedOn);
    this.createdOn = Map.copyOf(createdOn);
    this.oudeNaam = Map.copyOf(oudeNaam);
    this.boundary = boundary;
  }

  /**
   * The same codes on the boundaries of 1 January of {@code year} (docs/mappings.md "Herindeling and boundaries"):
   * a code is mapped along the mergers that took effect on or before that day only; a gemeente created by a
   * samenvoeging after it cannot be split back and gives {@link Reasons#NOT_ON_BOUNDARIES}. {@link #NEWEST_BOUNDARY_YEAR}
   * (or null) is the newest boundaries, as without the option. Throws IllegalArgumentException for a year outside
   * {@value #FIRST_BOUNDARY_YEAR}..{@value #NEWEST_BOUNDARY_YEAR} or (an older year) a herindelingen.csv without
   * the column soort.
   */
  public GemeenteCodes forBoundaries(Integer year) {
    if (year == null || year == NEWEST_BOUNDARY_YEAR) return new GemeenteCodes(current, mergedInto, directInto, mergedOn, createdOn, oudeNaam, null);
    if (year < FIRST_BOUNDARY_YEAR || year > NEWEST_BOUNDARY_YEAR) {
      throw new IllegalArgumentException("--boundaries must be a year from " + FIRST_BOUNDARY_YEAR + " to " + NEWEST_BOUNDARY_YEAR + ": " + year);
    }
    if (directInto.isEmpty() && !mergedInto.isEmpty()) {
      throw new IllegalArgumentException("--boundaries=" + year + " needs the column soort in " + HERINDELINGEN_TABLE);
    }
    return new GemeenteCodes(current, mergedInto, directInto, mergedOn, createdOn, oudeNaam, LocalDate.of(year, 1, 1));
  }

  /** The gemeenten that exist on the boundaries, in no particular order (without the option: those of gemeenten-2026.csv). */
  public Set<String> gemeentenOnBoundaries() {
    Set<String> s = new HashSet<>();
    for (String c : current) if (existsOnBoundary(c)) s.add(c);
    for (String c : mergedOn.keySet()) if (existsOnBoundary(c)) s.add(c);
    return s;
  }

  /** For a gemeente of {@link #gemeentenOnBoundaries()} that is merged away later: its name and the gemeente it lies in now. */
  public String oudeNaam(String code) {
    return oudeNaam.get(code);
  }

  private boolean existsOnBoundary(String c) {
    if (boundary == null) return current.contains(c);
    LocalDate created = createdOn.get(c);
    if (created != null && created.isAfter(boundary)) return false;
    LocalDate gone = mergedOn.get(c);
    return gone == null ? current.contains(c) : gone.isAfter(boundary);
  }

  /**
   * A known code on the boundaries: mapped along the mergers up to the boundary; null when the result does not
   * exist on the boundaries (created later). Without the option: {@link #resolve}.
   */
  public String mapToBoundaries(String gmCode) {
    if (boundary == null) return resolve(gmCode);
    if (resolve(gmCode) == null) return null;
    String g = gmCode;
    Set<String> seen = new HashSet<>();
    while (mergedOn.containsKey(g) && !mergedOn.get(g).isAfter(boundary) && seen.add(g)) g = directInto.get(g);
    return existsOnBoundary(g) ? g : null;
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
    Map<String, LocalDate> mergedOn = new HashMap<>();
    Map<String, LocalDate> createdOn = new HashMap<>();
    Map<String, String> oudeNaam = new HashMap<>();
    boolean soort = h.header().contains("soort");
    for (Map<String, String> r : h.rows()) {
      String oud = r.get("oude_code");
      String nieuw = r.get("nieuwe_code");
      if (StagingValues.gmCode(oud) == null || StagingValues.gmCode(nieuw) == null) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": '" + oud + "' -> '" + nieuw + "' is not GM + 4 digits");
      }
      try {
        mergedOn.put(oud, LocalDate.parse(r.get("datum")));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": datum '" + r.get("datum") + "' of " + oud + " is not yyyy-MM-dd");
      }
      if (current.contains(oud)) {
        throw new IllegalStateException(HERINDELINGEN_TABLE + ": " + oud + " is merged away but still a gemeente of " + GEMEENTEN_TABLE);
      }
      if (direct.put(oud, nieuw) != null) throw new IllegalStateException(HERINDELINGEN_TABLE + ": " + oud + " is listed twice");
      oudeNaam.put(oud, r.get("oude_naam"));
      if (soort) {
        String k = r.get("soort");
        if ("samenvoeging".equals(k)) {
          createdOn.put(nieuw, mergedOn.get(oud));
        } else if (!"toevoeging".equals(k)) {
          throw new IllegalStateException(HERINDELINGEN_TABLE + ": soort '" + k + "' of " + oud + " is neither samenvoeging nor toevoeging");
        }
      }
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
    return soort ? new GemeenteCodes(current, resolved, direct, mergedOn, createdOn, oudeNaam, null) : new GemeenteCodes(current, resolved);
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
    String g = mapToBoundaries(gmCode);
    if (g == null) {
      issues.add(Reasons.NOT_ON_BOUNDARIES, label + " " + gmCode + " was created by a samenvoeging after " + boundary
          + " and cannot be split onto the boundaries of --boundaries=" + boundary.getYear());
      return gmCode;
    }
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
