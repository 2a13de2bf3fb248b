package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The behaviour model: which young people get local-team support and specialist care, when, what
 * kind, and how it ends. All parameters are constants here and documented in docs/generator.md.
 *
 * <p>Per person, four Poisson processes run from {@link #WARMUP_YEARS} years before the range (or
 * birth) to the end of the range (or the 23rd birthday): local-team starts, direct specialist
 * entries, jeugdbescherming (0-17) and jeugdreclassering (12-22). Their age-dependent rates are
 * multiplied by the gemeente's care level and a personal frailty (log-normal, mean 1), so care
 * concentrates on some young people and people return to care. Everything after the end of the range
 * is censored: still-running care has no end date.
 */
final class CareModel {
  static final int WARMUP_YEARS = 4;

  // --- yearly start rates by age band: 0-3, 4-11, 12-17, 18-22 ---
  static final double[] LOCAL_TEAM_RATE = {0.026, 0.052, 0.056, 0.012};
  static final double[] DIRECT_RATE = {0.010, 0.028, 0.042, 0.010};
  static final double[] JB_RATE = {0.0050, 0.0050, 0.0055, 0};
  static final double[] JR_RATE = {0, 0, 0.0022, 0.0012};
  static final double FRAILTY_SIGMA = 0.9;

  // --- local team ---
  static final double ESCALATION_P = 0.35;
  static final int ESCALATION_MIN_DAYS = 30;
  static final int ESCALATION_MAX_DAYS = 365;
  static final double LT_DURATION_MEDIAN_DAYS = 180;
  static final double LT_DURATION_SIGMA = 0.8;
  static final double LT_NEVER_CLOSED_P = 0.08;
  static final double LT_CLOSE_DELAY_MEDIAN_DAYS = 25;

  // --- specialist care ---
  static final double NEVER_STARTED_P = 0.02;
  static final double VERVOER_WITH_DAGBEHANDELING_P = 0.35;
  static final double CRISIS_FOLLOW_UP_P = 0.5;
  static final double RETURN_TO_CARE_P = 0.20;
  static final double JB_WITH_VERBLIJF_P = 0.75;
  static final LocalDate CODES_38_39_FROM = LocalDate.of(2022, 4, 1);

  static final String[] SIGNALEERDERS = {
      "primair_onderwijs", "huisarts", "gemeentelijke_toegang", "geen_verwijzer", "integrale_vroeghulp",
      "zorgprofessional", "voortgezet_onderwijs", "voorschoolse_opvang_jgz", "azc", "medisch_specialist",
      "overig", "veilig_thuis", "jeugdarts"};
  /** Weights per age band (rows) over {@link #SIGNALEERDERS} (columns). */
  static final double[][] SIGNALEERDER_WEIGHTS = {
      {0, 12, 2, 15, 12, 8, 0, 30, 1, 4, 1, 5, 10},
      {32, 12, 6, 18, 2, 8, 0, 0, 2, 3, 5, 6, 6},
      {0, 14, 6, 20, 0, 8, 30, 0, 2, 3, 6, 6, 5},
      {0, 20, 10, 40, 0, 15, 0, 0, 0, 0, 15, 0, 0}};
  static final double SIGNALEERDER_MISSING_P = 0.04;

  static final String[] TYPES = {
      "opvoedondersteuning", "ambulante_begeleiding", "gezinscoaching", "schoolmaatschappelijk_werk",
      "praktische_gezinsondersteuning", "kortdurende_hulp", "jongerenwerk"};
  static final double[] TYPE_WEIGHTS = {30, 22, 18, 10, 8, 8, 4};

  static final String[] DIRECT_VERWIJZERS = {"01", "02", "03", "05", "06"};
  /** Per age band over {@link #DIRECT_VERWIJZERS}. */
  static final double[][] DIRECT_VERWIJZER_WEIGHTS = {
      {12, 38, 20, 23, 8},
      {13, 64, 6, 12, 7},
      {13, 68, 4, 10, 7},
      {25, 58, 0, 6, 11}};

  /** Category mix per verwijzer (COD327) for jeugdhulp. */
  static final String[] CATS_01 = {"45", "54", "41", "40", "50", "34", "32", "33", "31", "43", "44", "35", "36", "38", "46", "55"};
  static final double[] W_01 = {50, 8, 6, 5, 4, 3, 2, 1, 1, 4, 3, 2, 1, 1, 4, 1};
  static final String[] CATS_02 = {"54", "45", "41", "46", "40"};
  static final double[] W_02 = {55, 38, 3, 2, 2};
  static final String[] CATS_03 = {"45", "54", "41", "40"};
  static final double[] W_03 = {50, 30, 15, 5};
  static final String[] CATS_05 = {"54", "45", "41", "40", "55"};
  static final double[] W_05 = {40, 25, 15, 15, 5};
  static final String[] CATS_06 = {"45", "54", "46"};
  static final double[] W_06 = {55, 35, 10};
  static final String[] CATS_04 = {"35", "43", "44", "36", "45", "46"};
  static final double[] W_04 = {40, 20, 15, 12, 10, 3};

  static final String[] REDENEN = {"31", "32", "33", "34", "35", "38", "39", "36", "20", "02"};
  static final double[] REDEN_WEIGHTS = {55, 10, 5, 12, 5, 5, 6, 1, 1, 0.1};
  static final String[] REDENEN_JUSTICE = {"31", "34", "35", "36"};
  static final double[] REDEN_JUSTICE_WEIGHTS = {85, 5, 5, 5};

  private final Aanbieder.Pool pool;
  private final LocalDate simStart;
  private final LocalDate horizon;
  private long seq;

  CareModel(Aanbieder.Pool pool, LocalDate rangeStart, LocalDate horizon) {
    this.pool = pool;
    this.simStart = rangeStart.minusYears(WARMUP_YEARS);
    this.horizon = horizon;
  }

  static int band(int age) {
    if (age < 4) return 0;
    if (age < 12) return 1;
    if (age < 18) return 2;
    return 3;
  }

  private record Event(LocalDate date, int type) {}

  private static final int LT = 0;
  private static final int DIRECT = 1;
  private static final int JB = 2;
  private static final int JR = 3;

  /** Simulates the care of one person; r continues the person's own random stream. */
  void simulate(Person p, Gemeente g, SplittableRandom r) {
    double frailty = Math.exp(FRAILTY_SIGMA * Rng.normal(r) - 0.5 * FRAILTY_SIGMA * FRAILTY_SIGMA);
    double level = g.careLevel() * frailty;
    LocalDate from = p.birth.isAfter(simStart) ? p.birth : simStart;
    LocalDate lastDay = p.birth.plusYears(23).minusDays(1);
    LocalDate until = lastDay.isBefore(horizon) ? lastDay : horizon;
    if (until.isBefore(from)) return;
    long span = until.toEpochDay() - from.toEpochDay();
    List<Event> events = new ArrayList<>();
    double[][] rates = {LOCAL_TEAM_RATE, DIRECT_RATE, JB_RATE, JR_RATE};
    for (int type = 0; type < rates.length; type++) {
      double max = 0;
      for (double x : rates[type]) max = Math.max(max, x);
      double maxRate = max * level;
      if (maxRate <= 0) continue;
      double t = 0;
      while (true) {
        t += Rng.exponential(r, maxRate) * 365.25;
        if (t > span) break;
        LocalDate d = from.plusDays((long) t);
        double rate = rates[type][band(p.ageOn(d))] * level;
        if (r.nextDouble() * maxRate < rate) events.add(new Event(d, type));
      }
    }
    events.sort((a, b) -> a.date.equals(b.date) ? Integer.compare(a.type, b.type) : a.date.compareTo(b.date));
    LocalDate ltBusyUntil = null;
    for (Event e : events) {
      int age = p.ageOn(e.date);
      switch (e.type) {
        case LT -> {
          if (ltBusyUntil != null && !e.date.isAfter(ltBusyUntil)) continue;
          LocalTeamCase c = localTeam(p, g, e.date, age, r);
          ltBusyUntil = c.trueEnd == null ? horizon : c.trueEnd;
        }
        case DIRECT -> {
          if (busy(p, e.date, false)) continue;
          double[] w = DIRECT_VERWIJZER_WEIGHTS[band(age)];
          String verwijzer = DIRECT_VERWIJZERS[Rng.weighted(r, w)];
          specialist(p, g, e.date, category(verwijzer, age, r), verwijzer, signaleerderFor(verwijzer), r, 0, null);
        }
        case JB -> {
          if (age >= 18 || busyWith(p, e.date, "48")) continue;
          double u = r.nextDouble();
          specialist(p, g, e.date, "48", u < 0.4 ? "04" : u < 0.6 ? "08" : "01", null, r, 0, null);
          if (Rng.chance(r, JB_WITH_VERBLIJF_P)) {
            LocalDate d = e.date.plusDays(Rng.between(r, 0, 90));
            boolean closed = p.ageOn(d) >= 12 && Rng.chance(r, 0.05);
            String cat = closed ? "37" : pick(CATS_04, W_04, r);
            specialist(p, g, d, cat, closed ? "08" : Rng.chance(r, 0.55) ? "04" : "01", null, r, 0, null);
          }
        }
        case JR -> {
          if (age < 12 || busyWith(p, e.date, "47")) continue;
          specialist(p, g, e.date, "47", Rng.chance(r, 0.3) ? "08" : "04", null, r, 0, null);
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  private LocalTeamCase localTeam(Person p, Gemeente g, LocalDate d, int age, SplittableRandom r) {
    String signaleerder = Rng.chance(r, SIGNALEERDER_MISSING_P) ? null
        : SIGNALEERDERS[Rng.weighted(r, SIGNALEERDER_WEIGHTS[band(age)])];
    String type = TYPES[Rng.weighted(r, TYPE_WEIGHTS)];
    if (type.equals("jongerenwerk") && age < 12) type = "opvoedondersteuning";
    LocalDate aanmeld = Rng.chance(r, 0.05) ? null : d.minusDays(Math.min(120, Math.round(Rng.logNormal(r, 10, 0.8))));
    LocalTeamCase c = new LocalTeamCase(p, aanmeld, d, signaleerder, type);
    c.seq = seq++;
    long dur = Math.max(14, Math.min(1000, Math.round(Rng.logNormal(r, LT_DURATION_MEDIAN_DAYS, LT_DURATION_SIGMA))));
    LocalDate trueEnd = d.plusDays(dur);
    if (age < 18 && Rng.chance(r, ESCALATION_P)) {
      LocalDate esc = d.plusDays(Rng.between(r, ESCALATION_MIN_DAYS, ESCALATION_MAX_DAYS));
      trueEnd = esc.plusDays(Rng.between(r, 0, 60));
      if (!esc.isAfter(horizon)) {
        int escAge = p.ageOn(esc);
        specialist(p, g, esc, category("01", escAge, r), "01", signaleerder == null ? "gemeentelijke_toegang" : signaleerder, r, 0, null);
      }
    }
    c.trueEnd = trueEnd.isAfter(horizon) ? null : trueEnd;
    boolean neverClosed = Rng.chance(r, LT_NEVER_CLOSED_P);
    if (!neverClosed && c.trueEnd != null) {
      LocalDate reg = c.trueEnd.plusDays(Math.min(365, Math.round(Rng.logNormal(r, LT_CLOSE_DELAY_MEDIAN_DAYS, 0.9))));
      c.registeredEnd = reg.isAfter(horizon) ? null : reg;
    }
    c.geslachtOnbekend = Rng.chance(r, 0.005);
    c.noWijk = Rng.chance(r, 0.03);
    c.noPostcode = Rng.chance(r, 0.02);
    p.localTeam.add(c);
    return c;
  }

  /** True when a jeugdhulp toewijzing (or, with justice, any) is running on d. */
  private static boolean busy(Person p, LocalDate d, boolean justice) {
    for (Toewijzing t : p.toewijzingen) {
      if (!justice && !Product.isJeugdhulp(t.category())) continue;
      if (runningOn(t, d)) return true;
    }
    return false;
  }

  private static boolean busyWith(Person p, LocalDate d, String category) {
    for (Toewijzing t : p.toewijzingen) {
      if (t.category().equals(category) && runningOn(t, d)) return true;
    }
    return false;
  }

  private static boolean runningOn(Toewijzing t, LocalDate d) {
    if (d.isBefore(t.decision)) return false;
    LocalDate last = t.end != null ? t.end : (t.begin == null ? t.toewijzingEind : LocalDate.MAX);
    return !d.isAfter(last);
  }

  static String signaleerderFor(String verwijzer) {
    return switch (verwijzer) {
      case "01" -> "gemeentelijke_toegang";
      case "02" -> "huisarts";
      case "03" -> "jeugdarts";
      case "05" -> "medisch_specialist";
      case "06" -> "geen_verwijzer";
      default -> null;
    };
  }

  static String pick(String[] values, double[] weights, SplittableRandom r) {
    return values[Rng.weighted(r, weights)];
  }

  /** Jeugdhulp category for a referral by this verwijzer at this age. */
  static String category(String verwijzer, int age, SplittableRandom r) {
    String c = switch (verwijzer) {
      case "02" -> pick(CATS_02, W_02, r);
      case "03" -> pick(CATS_03, W_03, r);
      case "04" -> pick(CATS_04, W_04, r);
      case "05" -> pick(CATS_05, W_05, r);
      case "06" -> pick(CATS_06, W_06, r);
      default -> pick(CATS_01, W_01, r);
    };
    if (age < 4 && c.equals("54") && Rng.chance(r, 0.5)) c = "45";
    return c;
  }

  /** Creates a toewijzing (and its follow-ups); nothing when it would be decided after the horizon. */
  private void specialist(Person p, Gemeente g, LocalDate decision, String category, String verwijzer,
      String signaleerder, SplittableRandom r, int depth, Aanbieder avoid) {
    if (decision.isAfter(horizon)) return;
    int age = p.ageOn(decision);
    if (age >= 23 || age < 0) return;
    if (age >= 18 && category.equals("48")) return;
    boolean crisis = category.equals("46");
    Product prod = Product.pick(category, r);
    Aanbieder a = pool.choose(g.regio(), category, r, avoid);
    LocalDate aanmeld = decision.minusDays(crisis ? Rng.between(r, 0, 2) : Rng.between(r, 5, 45));
    LocalTime time = LocalTime.ofSecondOfDay(8 * 3600 + r.nextInt(10 * 3600));
    LocalDate ingang = crisis || Rng.chance(r, 0.5) ? decision : decision.plusDays(Rng.between(r, 1, 14));
    long planned = Math.round(Rng.logNormal(r, prod.plannedMonths(), prod.durationSigma()) * 30.44);
    planned = Math.max(14, Math.min(48 * 30, planned));
    LocalDate eind = ingang.plusDays(planned - 1);
    LocalDate cap = category.equals("48") ? p.birth.plusYears(18).minusDays(1) : p.birth.plusYears(23).minusDays(1);
    boolean capped = false;
    if (eind.isAfter(cap)) {
      eind = cap;
      capped = true;
    }
    if (eind.isBefore(ingang)) return;
    Toewijzing t = new Toewijzing(p, prod, a, verwijzer, signaleerder, aanmeld, decision, time, ingang, eind);
    t.seq = seq++;
    if (!prod.perDay()) {
      t.volumePerMonth = (int) Math.max(1, Math.round(Rng.logNormal(r, prod.monthlyVolume(), prod.volumeSigma())));
    }
    if (!crisis && Rng.chance(r, NEVER_STARTED_P)) {
      t.begin = null;
    } else {
      int delay;
      if (crisis) {
        delay = 0;
      } else {
        double u = r.nextDouble();
        delay = u < 0.70 ? Rng.between(r, 0, 7) : u < 0.95 ? Rng.between(r, 8, 30) : Rng.between(r, 31, 60);
      }
      LocalDate b = ingang.plusDays(delay);
      t.begin = b.isAfter(eind) ? ingang : b;
      boolean justice = category.equals("47") || category.equals("48");
      String reden = justice ? pick(REDENEN_JUSTICE, REDEN_JUSTICE_WEIGHTS, r) : pick(REDENEN, REDEN_WEIGHTS, r);
      long spanDays = eind.toEpochDay() - t.begin.toEpochDay();
      LocalDate end;
      if (capped) {
        end = eind;
        reden = category.equals("48") ? "31" : "39";
      } else if (reden.equals("31") || reden.equals("39")) {
        end = eind.minusDays(Rng.between(r, 0, (int) Math.min(30, spanDays / 4)));
      } else {
        end = t.begin.plusDays(Math.round((0.2 + 0.7 * r.nextDouble()) * spanDays));
      }
      if (end.isBefore(t.begin)) end = t.begin;
      if (end.isBefore(CODES_38_39_FROM)) {
        if (reden.equals("38")) reden = "34";
        if (reden.equals("39")) reden = "31";
      }
      if (end.isAfter(horizon)) {
        t.end = null;
        t.reden = null;
      } else {
        t.end = end;
        t.reden = reden;
      }
    }
    p.toewijzingen.add(t);
    if (category.equals("41") && Rng.chance(r, VERVOER_WITH_DAGBEHANDELING_P)) {
      Product v = Product.pick("42", r);
      Toewijzing vt = new Toewijzing(p, v, a, verwijzer, signaleerder, aanmeld, decision, time, ingang, eind);
      vt.seq = seq++;
      vt.message = t;
      vt.begin = t.begin;
      vt.end = t.end;
      vt.reden = t.reden;
      vt.volumePerMonth = (int) Math.max(1, Math.round(Rng.logNormal(r, v.monthlyVolume(), v.volumeSigma())));
      p.toewijzingen.add(vt);
    }
    if (t.end == null || depth >= 4) return;
    if ("38".equals(t.reden)) {
      specialist(p, g, t.end.plusDays(Rng.between(r, 1, 14)), category, verwijzer, signaleerder, r, depth + 1, a);
    } else if (crisis && Rng.chance(r, CRISIS_FOLLOW_UP_P)) {
      specialist(p, g, t.end.plusDays(Rng.between(r, 0, 7)), Rng.chance(r, 0.4) ? "43" : "45", "01", "gemeentelijke_toegang", r, depth + 1, null);
    } else if (Product.isJeugdhulp(category) && Rng.chance(r, RETURN_TO_CARE_P)) {
      LocalDate d = t.end.plusDays(Rng.between(r, 30, 365));
      String v = Rng.chance(r, 0.45) ? "01" : "02";
      specialist(p, g, d, category(v, p.ageOn(d), r), v, signaleerderFor(v), r, depth + 1, null);
    }
  }
}
