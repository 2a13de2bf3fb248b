package nl.jeugdkubus.marts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Trajectory;

/** A seeded random population of young people in three Achterhoek gemeenten and Almelo (many small cells). */
final class RandomScenario {
  private RandomScenario() {}

  static final String[] GEMEENTEN = {"GM0197", "GM1859", "GM0294", "GM0141"};
  static final String[] HULPVORMEN = {"01", "02", "02", "02", "03", "04", "11", "12", "13", "14"};
  static final String[] VERWIJZERS = {"01", "02", "02", "03", "04", "05", "06", "08", "onbekend"};
  static final String[] PRODUCTCATEGORIEEN = {"45", "54", "43", "46", "42"};

  static List<PersonHistory> persons(long seed, int n) {
    Random r = new Random(seed);
    List<PersonHistory> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Integer gj = r.nextInt(20) == 0 ? null : 2000 + r.nextInt(24);
      String sex = r.nextInt(25) == 0 ? "O" : r.nextBoolean() ? "M" : "V";
      String home = GEMEENTEN[r.nextInt(GEMEENTEN.length)];
      int nt = 1 + r.nextInt(3);
      List<Trajectory.Builder> ts = new ArrayList<>();
      List<CostLine> costs = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        String g = r.nextInt(10) == 0 ? GEMEENTEN[r.nextInt(GEMEENTEN.length)] : home;
        LocalDate start = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(730));
        LocalDate end = r.nextInt(10) < 3 ? null : start.plusDays(r.nextInt(400));
        int kind = r.nextInt(10);
        Trajectory.Builder b;
        if (kind < 3) {
          b = Fixtures.lokaal(g, start.toString(), end == null ? null : end.toString());
          if (r.nextBoolean()) b.setAanmelddatum(start.minusDays(r.nextInt(60)).toString());
        } else if (kind < 8) {
          b = Fixtures.ijw(HULPVORMEN[r.nextInt(HULPVORMEN.length)], g, start.toString(), end == null ? null : end.toString());
          b.setToewijzingsdatum(start.minusDays(r.nextInt(45) - 5).toString());
          b.setVerwijzerCode(VERWIJZERS[r.nextInt(VERWIJZERS.length)]);
          for (int k = r.nextInt(3); k > 0; k--) {
            LocalDate begin = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(365));
            costs.add(Fixtures.cost(g, PRODUCTCATEGORIEEN[r.nextInt(PRODUCTCATEGORIEEN.length)], b.getHulpvorm(),
                begin.toString(), begin.plusDays(27).toString(), r.nextInt(200_000) - 10_000));
          }
        } else if (kind < 9) {
          b = Fixtures.jb(g, start.toString(), end == null ? null : end.toString());
        } else {
          b = Fixtures.jr(g, start.toString(), end == null ? null : end.toString());
        }
        b.setCrisis(r.nextInt(10) == 0).setHerhaaldBeroep(r.nextInt(5) == 0);
        if (end != null) b.setRedenBeeindigingCbs(r.nextInt(6) == 0 ? null : "0" + (1 + r.nextInt(5)));
        ts.add(b);
      }
      out.add(Fixtures.person(String.format("r%04d", i), gj, sex, costs, ts.toArray(new Trajectory.Builder[0])));
    }
    return out;
  }

  static List<CbsCell> population() {
    List<CbsCell> out = new ArrayList<>();
    for (String g : GEMEENTEN) for (int y : new int[] {2023}) out.addAll(Fixtures.populationFlat(g, y, 0, 22, 40));
    return out;
  }
}
