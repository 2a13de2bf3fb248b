package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.Period;

/**
 * Counts for the CBS tables of one region (a gemeente, or NL01): population on 1 January by sex and
 * single year of age, and per period the young people with jeugdhulp (0-17), jeugdhulp met
 * verblijf, jeugdbescherming (0-17) and jeugdreclassering (12-22).
 */
final class CbsStats {
  final String region;
  final int fromYear;
  final int years;
  /** [yearIndex][0 = man, 1 = vrouw][age 0..22]. */
  final long[][][] pop;
  /** Half-years of the range, then the full years whose both halves are in range. */
  final List<Period> periods;
  final long[] jeugdhulp;
  final long[] jeugdhulpVerblijf;
  final long[] jb;
  final long[] jbVerblijf;
  final long[] jr;
  /** Young people with any care (jeugdhulp, jeugdbescherming, jeugdreclassering) aged 0-22, per period (85100NED). */
  final long[] jeugdzorg;
  /** Jeugdhulp toewijzingen that begin in the period (85097NED): all, and per verwijzer (COD327). */
  final long[] started;
  final java.util.TreeMap<String, long[]> startedBy = new java.util.TreeMap<>();

  CbsStats(String region, Period from, Period to) {
    this.region = region;
    this.fromYear = from.year();
    this.years = to.year() - from.year() + 1;
    this.pop = new long[years][2][23];
    List<Period> ps = new ArrayList<>();
    for (Period h = from; h.compareTo(to) <= 0; h = h.next()) ps.add(h);
    for (int y = from.year(); y <= to.year(); y++) {
      if (ps.contains(Period.halfYear(y, 1)) && ps.contains(Period.halfYear(y, 2))) ps.add(Period.year(y));
    }
    this.periods = List.copyOf(ps);
    int n = periods.size();
    jeugdhulp = new long[n];
    jeugdhulpVerblijf = new long[n];
    jb = new long[n];
    jbVerblijf = new long[n];
    jr = new long[n];
    jeugdzorg = new long[n];
    started = new long[n];
  }

  /** Counts a person in the population of every 1 January in range. */
  void population(Person p) {
    for (int i = 0; i < years; i++) {
      LocalDate jan1 = LocalDate.of(fromYear + i, 1, 1);
      if (!p.birth.isBefore(jan1)) continue;
      int age = p.ageOn(jan1);
      if (age < 0 || age > 22) continue;
      pop[i][p.sex == 'M' ? 0 : 1][age]++;
    }
  }

  /** Counts a person's care in each period (intervals as delivered, censored at the horizon). */
  void care(Person p, LocalDate horizon) {
    for (int i = 0; i < periods.size(); i++) {
      Period per = periods.get(i);
      LocalDate ps = per.start();
      LocalDate pe = per.end();
      LocalDate ageDay = p.birth.isAfter(ps) ? p.birth : ps;
      int age = p.ageOn(ageDay);
      boolean jh = false;
      boolean verblijf = false;
      boolean isJb = false;
      boolean isJr = false;
      for (LocalTeamCase c : p.localTeam) {
        LocalDate end = c.trueEnd == null ? horizon : c.trueEnd;
        if (!c.start.isAfter(pe) && !end.isBefore(ps)) jh = true;
      }
      for (Toewijzing t : p.toewijzingen) {
        if (t.begin == null) continue;
        if (t.begin.isAfter(pe) || t.deliveredUntil(horizon).isBefore(ps)) continue;
        String c = t.category();
        if (Product.isJeugdhulp(c)) jh = true;
        if (Product.isVerblijf(c)) verblijf = true;
        if (c.equals("48")) isJb = true;
        if (c.equals("47")) isJr = true;
        if (Product.isJeugdhulp(c) && !t.begin.isBefore(ps) && !t.begin.isAfter(pe)) {
          started[i]++;
          if (t.verwijzer != null && !t.verwijzer.isBlank()) startedBy.computeIfAbsent(t.verwijzer, v -> new long[periods.size()])[i]++;
        }
      }
      if ((jh || isJb || isJr) && age <= 22) jeugdzorg[i]++;
      if (age < 18) {
        if (jh) jeugdhulp[i]++;
        if (jh && verblijf) jeugdhulpVerblijf[i]++;
        if (isJb) jb[i]++;
        if (isJb && verblijf) jbVerblijf[i]++;
      }
      if (isJr && age >= 12 && age <= 22) jr[i]++;
    }
  }

  void add(CbsStats o) {
    for (int y = 0; y < years; y++) {
      for (int s = 0; s < 2; s++) {
        for (int a = 0; a < 23; a++) pop[y][s][a] += o.pop[y][s][a];
      }
    }
    for (int i = 0; i < periods.size(); i++) {
      jeugdhulp[i] += o.jeugdhulp[i];
      jeugdhulpVerblijf[i] += o.jeugdhulpVerblijf[i];
      jb[i] += o.jb[i];
      jbVerblijf[i] += o.jbVerblijf[i];
      jr[i] += o.jr[i];
      jeugdzorg[i] += o.jeugdzorg[i];
      started[i] += o.started[i];
    }
    for (java.util.Map.Entry<String, long[]> e : o.startedBy.entrySet()) {
      long[] mine = startedBy.computeIfAbsent(e.getKey(), v -> new long[periods.size()]);
      for (int i = 0; i < mine.length; i++) mine[i] += e.getValue()[i];
    }
  }

  long popRange(int yearIndex, int minAge, int maxAge) {
    long n = 0;
    for (int s = 0; s < 2; s++) {
      for (int a = minAge; a <= maxAge; a++) n += pop[yearIndex][s][a];
    }
    return n;
  }
}
