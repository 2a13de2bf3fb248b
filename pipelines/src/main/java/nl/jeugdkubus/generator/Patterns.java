package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The patterns of real iJw traffic, each at a small seeded rate (docs/generator.md "Patterns"): a young person
 * who moves to another gemeente during care, a toewijzing changed under the same ToewijzingNummer (JZ002),
 * a JW305/JW307 withdrawn with StatusAanlevering 3, and declarations under another productcategorie than the
 * toewijzing's. Applied after the simulation, with their own random streams (keyed by gemeente, person and
 * toewijzing), so the simulated care and every other random stream stay as they were. For each pattern the
 * eligible candidates are fixed first and then each is drawn with the pattern's probability; the summary counts
 * both ({@code patterns.<kind>.kandidaten} and {@code patterns.<kind>}).
 */
final class Patterns {
  static final double MOVE_P = 0.03;
  static final double CHANGE_P = 0.03;
  static final double WITHDRAWAL_P = 0.02;
  static final double OTHER_CATEGORY_P = 0.02;
  /** The category an aanbieder declares instead (each with another CBS hulpvorm, or another verblijf product). */
  static final Map<String, String> OTHER_CATEGORY = Map.of(
      "45", "54", "54", "45", "41", "45", "40", "45", "43", "44", "44", "43", "35", "43", "50", "54");

  /**
   * A changed version of a toewijzing: JZ002 reden, the Einddatum of the first version, the new version's
   * Toewijzingsdatum/-tijd and its Einddatum.
   */
  record Change(String reden, LocalDate firstEind, LocalDate date, LocalTime time, LocalDate newEind) {}

  /** A start (JW305) or stop (JW307) sent by mistake and withdrawn: the dates and reason it wrongly carried. */
  record Withdrawal(String berichtType, LocalDate begin, LocalDate end, String reden) {}

  private final long seed;
  private final Gemeente g;
  private final Gemeente target;
  private final LocalDate rangeStart;
  private final LocalDate horizon;
  private final Predicate<Toewijzing> inData;
  private final GenerationSummary summary;

  /**
   * @param target the gemeente young people of g move to (the next one of its jeugdregio), or null
   * @param inData whether a toewijzing is in the data (decided by the end of the range, not over before it)
   */
  Patterns(long seed, Gemeente g, Gemeente target, LocalDate rangeStart, LocalDate horizon, Predicate<Toewijzing> inData,
      GenerationSummary summary) {
    this.seed = seed;
    this.g = g;
    this.target = target;
    this.rangeStart = rangeStart;
    this.horizon = horizon;
    this.inData = inData;
    this.summary = summary;
  }

  /** Applies every pattern; returns the toewijzingen of the target gemeente for the young people who moved there. */
  List<Toewijzing> apply(List<Person> withCare) {
    Set<Toewijzing> moved = new HashSet<>();
    List<Toewijzing> there = new ArrayList<>();
    if (target != null) for (Person p : withCare) move(p, moved, there);
    for (Person p : withCare) {
      for (Toewijzing t : p.toewijzingen) {
        if (t.message != t || moved.contains(t) || !inData.test(t)) continue;
        change(p, t);
        if (t.begin != null && !t.begin.isAfter(horizon)) {
          withdrawal(p, t);
          otherCategory(p, t);
        }
      }
    }
    return there;
  }

  // ---------------------------------------------------------------- (a) moves (woonplaatsbeginsel)

  /**
   * A young person whose care (every toewijzing running on the move day m) continues in the target gemeente:
   * the old gemeente re-sends each toewijzing with RedenWijziging 07 and Einddatum m-1, the aanbieder stops it on
   * m-1 (JZ588 35); the new gemeente decides 0-14 days before m a toewijzing of the same product from m to the
   * old Einddatum, and the care goes on from m with the old end and reason. Eligible: a started toewijzing in
   * the data with at least 30 days of care before and after m (m at least 45 days before the end of the
   * range), and nothing else starting, open but not started, or local-team support open on or after m.
   */
  private void move(Person p, Set<Toewijzing> moved, List<Toewijzing> there) {
    Toewijzing last = null;
    for (Toewijzing t : p.toewijzingen) {
      if (t.begin != null && inData.test(t.message) && (last == null || t.decision.isAfter(last.decision))) last = t;
    }
    if (last == null) return;
    SplittableRandom r = Rng.of(seed, Rng.hash(g.code()), p.localIndex, 0x30FEL);
    LocalDate lo = max(last.begin.plusDays(30), rangeStart.plusDays(1));
    LocalDate hi = min(last.deliveredUntil(horizon).minusDays(30), horizon.minusDays(45));
    if (lo.isAfter(hi)) return;
    LocalDate m = lo.plusDays(r.nextLong(hi.toEpochDay() - lo.toEpochDay() + 1));
    if (!movable(p, m)) return;
    summary.pattern("verhuizing.kandidaten");
    if (!Rng.chance(r, MOVE_P)) return;
    summary.pattern("verhuizing");
    int w = r.nextInt(target.wijken());
    Person moving = new Person(p.localIndex, p.bsn, p.birth, p.sex, (target.pc4Base() + w) + GemeenteRun.postcodeLetters(r),
        String.format("WK%s%02d", target.code4(), w + 1), p.surname, p.firstName);
    Map<Toewijzing, Toewijzing> messageThere = new LinkedHashMap<>();
    for (Toewijzing t : new ArrayList<>(p.toewijzingen)) {
      if (t.begin == null || !t.begin.isBefore(m) || (t.end != null && t.end.isBefore(m))) continue;
      LocalDate decision = m.minusDays(Rng.between(r, 0, 14));
      Toewijzing n = new Toewijzing(moving, t.product, t.aanbieder, t.verwijzer, t.signaleerder, decision, decision,
          time(r), m, t.toewijzingEind);
      n.begin = m;
      n.end = t.end;
      n.reden = t.reden;
      n.volumePerMonth = t.volumePerMonth;
      n.seq = t.seq;
      n.message = t.message == t ? n : messageThere.get(t.message);
      if (n.message == null) n.message = n;
      messageThere.put(t, n);
      there.add(n);
      LocalDate changed = min(m.plusDays(Rng.between(r, 0, 20)), horizon);
      t.change = new Change("07", t.toewijzingEind, changed, time(r), m.minusDays(1));
      t.end = m.minusDays(1);
      t.reden = "35";
      moved.add(t);
      summary.pattern("verhuizing.toewijzingen");
    }
  }

  private static boolean movable(Person p, LocalDate m) {
    for (Toewijzing t : p.toewijzingen) {
      if (!t.decision.isBefore(m)) return false;
      if (t.begin == null ? !t.toewijzingEind.isBefore(m) : !t.begin.isBefore(m)) return false;
    }
    for (LocalTeamCase c : p.localTeam) {
      if (!c.start.isBefore(m) || c.registeredEnd == null || !c.registeredEnd.isBefore(m)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- (b) changed toewijzingen (JZ002)

  /**
   * Eligible: a started toewijzing with at least 60 days between its start and its Einddatum and a start at
   * least 60 days before the end of the range. The first version ends after 40-80% of that span; when the care
   * ended by then the gemeente shortens the toewijzing to the actual end 1-20 days after it (05 verkorting),
   * else it extends it to the full Einddatum 1-14 days before the first version's end (04 verlenging).
   */
  private void change(Person p, Toewijzing t) {
    if (t.begin == null || t.begin.isAfter(horizon.minusDays(60)) || t.toewijzingEind.isBefore(t.begin.plusDays(60))) return;
    SplittableRandom r = Rng.of(seed, Rng.hash(g.code()), p.localIndex, t.seq, 0xC4A6L);
    summary.pattern("toewijzing_gewijzigd.kandidaten");
    if (!Rng.chance(r, CHANGE_P)) return;
    long span = t.toewijzingEind.toEpochDay() - t.begin.toEpochDay();
    LocalDate first = min(t.begin.plusDays(Math.round(span * (0.4 + 0.4 * r.nextDouble()))), horizon.minusDays(1));
    if (t.end != null && !t.end.isAfter(first)) {
      t.change = new Change("05", t.toewijzingEind, min(t.end.plusDays(Rng.between(r, 1, 20)), horizon), time(r), t.end);
    } else {
      t.change = new Change("04", first, first.minusDays(Rng.between(r, 1, 14)), time(r), t.toewijzingEind);
    }
    summary.pattern("toewijzing_gewijzigd");
    summary.pattern("toewijzing_gewijzigd." + t.change.reden());
  }

  // ---------------------------------------------------------------- (c) withdrawn JW305/JW307 (COD467 3)

  /**
   * Eligible: every started toewijzing. 60%: a start with a wrong Begindatum (1-14 days before the real one,
   * after it when that would precede the Ingangsdatum), withdrawn; 40%: a stop sent by mistake (10-60 days
   * before the real end, or 14-180 days after the start of care still running), withdrawn.
   */
  private void withdrawal(Person p, Toewijzing t) {
    SplittableRandom r = Rng.of(seed, Rng.hash(g.code()), p.localIndex, t.seq, 0x3D7L);
    summary.pattern("ingetrokken.kandidaten");
    if (!Rng.chance(r, WITHDRAWAL_P)) return;
    boolean shortCare = t.end != null && t.end.isBefore(t.begin.plusDays(11)); // no distinct wrong end: a wrong start instead
    if (r.nextDouble() < 0.6 || shortCare) {
      LocalDate wrong = t.begin.minusDays(Rng.between(r, 1, 14));
      if (wrong.isBefore(t.ingang)) wrong = t.begin.plusDays(Rng.between(r, 1, 14));
      t.withdrawal = new Withdrawal("JW305", wrong, null, null);
    } else {
      LocalDate wrongEnd = t.end != null ? t.end.minusDays(Rng.between(r, 10, 60))
          : min(t.begin.plusDays(Rng.between(r, 14, 180)), horizon);
      if (wrongEnd.isBefore(t.begin)) wrongEnd = t.begin;
      t.withdrawal = new Withdrawal("JW307", t.begin, wrongEnd, t.end != null ? t.reden : "31");
    }
    summary.pattern("ingetrokken");
    summary.pattern("ingetrokken." + t.withdrawal.berichtType());
  }

  // ---------------------------------------------------------------- (d) declared under another category

  /** Eligible: a started toewijzing of a category in OTHER_CATEGORY; all its prestaties then carry the other one. */
  private void otherCategory(Person p, Toewijzing t) {
    String alt = OTHER_CATEGORY.get(t.category());
    if (alt == null) return;
    SplittableRandom r = Rng.of(seed, Rng.hash(g.code()), p.localIndex, t.seq, 0x0CA7L);
    summary.pattern("andere_productcategorie.kandidaten");
    if (!Rng.chance(r, OTHER_CATEGORY_P)) return;
    t.declared = Product.BY_CATEGORY.get(alt).get(0);
    summary.pattern("andere_productcategorie");
  }

  private static LocalTime time(SplittableRandom r) {
    return LocalTime.ofSecondOfDay(8 * 3600 + r.nextInt(10 * 3600));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
