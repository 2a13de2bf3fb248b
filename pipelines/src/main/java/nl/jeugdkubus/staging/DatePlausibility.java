package nl.jeugdkubus.staging;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import nl.jeugdkubus.common.Period;

/**
 * The plausibility window every date of every reader must fall in (docs/reliability.md "Plausibility
 * rules"); a date outside it makes its record an IMPLAUSIBLE_DATE dead letter. Pure and serialisable:
 * the run builds one from its periods and run date ({@code RunConfiguration}) and every parser calls
 * {@link #check} once per date field.
 *
 * <ul>
 *   <li>horizon = the later of the run date and the last day of the run's last period;
 *   <li>every date: not before {@value #EARLIEST_TEXT};
 *   <li>event dates (start, aanmelding, dagtekening, declaration periods): not after horizon + maxDaysAhead
 *       (option --maxDaysAhead, default {@value #DEFAULT_MAX_DAYS_AHEAD});
 *   <li>end dates (a field named ...einddatum): planned ends may lie far ahead (a toewijzing can run until
 *       the 18th or 23rd birthday), so not after horizon + {@value #END_YEARS_AHEAD} years;
 *   <li>birth dates: the person is 0..{@value #MAX_AGE} years old in the run's periods: born after
 *       the first day of the first period minus {@value #MAX_AGE} + 1 years, and not after the horizon.
 * </ul>
 */
public final class DatePlausibility implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String EARLIEST_TEXT = "1990-01-01";
  /** No date of youth care before this (the Jeugdwet dates from 2015; older dates are typos or placeholders). */
  public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
  /** Default margin of event dates after the horizon: a year (records entered ahead, e.g. a planned start). */
  public static final int DEFAULT_MAX_DAYS_AHEAD = 366;
  /** End dates may lie this many years after the horizon (a toewijzing until the 23rd birthday of a newborn). */
  public static final int END_YEARS_AHEAD = 25;
  /** Oldest plausible age in the run's periods (youth care ends at 18, extended care at 23; margin for late records). */
  public static final int MAX_AGE = 27;

  /** What a date field holds, which picks its bounds. */
  public enum Kind {
    EVENT, END, BIRTH;

    /** BIRTH when personal; END for a field whose name ends in "einddatum" (any case); else EVENT. */
    public static Kind of(String field, boolean personal) {
      if (personal) return BIRTH;
      return field.toLowerCase(Locale.ROOT).endsWith("einddatum") ? END : EVENT;
    }
  }

  private final LocalDate horizon;
  private final LocalDate firstDay;
  private final int maxDaysAhead;

  private DatePlausibility(LocalDate horizon, LocalDate firstDay, int maxDaysAhead) {
    this.horizon = horizon;
    this.firstDay = firstDay;
    this.maxDaysAhead = maxDaysAhead;
  }

  /**
   * The window of a run.
   *
   * @param periods the run's periods (empty: no birth-date bound from periods, births from 1990 - MAX_AGE on)
   * @param runDate the day of the run (UTC)
   */
  public static DatePlausibility forRun(List<Period> periods, LocalDate runDate, int maxDaysAhead) {
    if (maxDaysAhead < 0) throw new IllegalArgumentException("maxDaysAhead must not be negative: " + maxDaysAhead);
    LocalDate horizon = runDate;
    LocalDate first = EARLIEST;
    if (!periods.isEmpty()) {
      LocalDate last = periods.stream().map(Period::end).max(LocalDate::compareTo).get();
      if (last.isAfter(horizon)) horizon = last;
      first = periods.stream().map(Period::start).min(LocalDate::compareTo).get();
    }
    return new DatePlausibility(horizon, first, maxDaysAhead);
  }

  /** For parsers built without a run (tests, tools): today, no periods, the default margin. */
  public static DatePlausibility defaults() {
    return forRun(List.of(), LocalDate.now(ZoneOffset.UTC), DEFAULT_MAX_DAYS_AHEAD);
  }

  /** The earliest plausible date of a kind. */
  public LocalDate earliest(Kind kind) {
    return kind == Kind.BIRTH ? firstDay.minusYears(MAX_AGE + 1L).plusDays(1) : EARLIEST;
  }

  /** The latest plausible date of a kind. */
  public LocalDate latest(Kind kind) {
    return switch (kind) {
      case BIRTH -> horizon;
      case END -> horizon.plusYears(END_YEARS_AHEAD);
      case EVENT -> horizon.plusDays(maxDaysAhead);
    };
  }

  /** True when the date lies in the window of its kind. */
  public boolean plausible(LocalDate d, Kind kind) {
    return !d.isBefore(earliest(kind)) && !d.isAfter(latest(kind));
  }

  /**
   * The staging check of one valid date (ISO text, or null: nothing to check). An implausible date adds
   * IMPLAUSIBLE_DATE naming the field and the bound (a birth date's value never appears) and gives null.
   */
  String check(String field, String isoDate, boolean personal, Issues issues) {
    if (isoDate == null) return null;
    Kind kind = Kind.of(field, personal);
    LocalDate d = LocalDate.parse(isoDate);
    if (plausible(d, kind)) return isoDate;
    boolean early = d.isBefore(earliest(kind));
    String bound = early ? "before " + earliest(kind) : "after " + latest(kind);
    String what = kind == Kind.BIRTH ? field + " (birth date)" : field + " " + StagingValues.safe(isoDate);
    String why = switch (kind) {
      case BIRTH -> early ? "the person would be older than " + MAX_AGE + " in the run's periods" : "a birth after the run";
      case END -> early ? "no youth care before " + EARLIEST_TEXT : "more than " + END_YEARS_AHEAD + " years after the run";
      case EVENT -> early ? "no youth care before " + EARLIEST_TEXT : "more than " + maxDaysAhead + " days after the run";
    };
    issues.add(Reasons.IMPLAUSIBLE_DATE, what + " is implausible: " + bound + " (" + why + ")");
    return null;
  }
}
