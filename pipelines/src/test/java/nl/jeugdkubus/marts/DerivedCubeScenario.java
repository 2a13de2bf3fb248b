package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.BERKELLAND;
import static nl.jeugdkubus.marts.Fixtures.cost;
import static nl.jeugdkubus.marts.Fixtures.ijw;
import static nl.jeugdkubus.marts.Fixtures.jb;
import static nl.jeugdkubus.marts.Fixtures.jr;
import static nl.jeugdkubus.marts.Fixtures.person;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Trajectory;

/**
 * A hand-worked scenario shared by the deriver, Beam and DuckDB tests. Aalten (GM0197), periods
 * 2023H2 and 2024H1, index base 2023H2, reference group Aalten + Berkelland.
 *
 * <p>Population of Aalten on 1 January 2023 and 2024 (same both years), per sex M and V: ages 0..16
 * 7 each, age 17: 4, ages 18..22: 10 each. So 0-17: 123 + 123 = 246; 4-11: 8 x 7 = 56 per sex, 112 in
 * total; 12-22: (5 x 7 + 4 + 50) x 2 = 178.
 *
 * <p>People:
 * <ul>
 *   <li>i = 0..70, born 2014 (age 9 in 2023, 10 in 2024: class 4-11), boys for i &lt; 40 (40), girls
 *       otherwise (31). iJw 02 in Aalten, open; start 2023-12-01 for i &lt; 60 (60 people in 2023H2),
 *       2024-03-01 for the other 11. So 2024H1: 71 with jeugdhulp.</li>
 *   <li>i = 0, 1, 2 also iJw 11 (met verblijf) 2024-02-01..2024-05-31.</li>
 *   <li>i = 45, 46 also jeugdbescherming from 2024-01-15; i = 45 also iJw 12 from 2024-04-01.</li>
 *   <li>one girl born 2004 (age 20) with jeugdreclassering from 2024-01-01.</li>
 *   <li>person 0 has costs: 1000.00 debit and 250.50 credit, productcategorie 45, hulpvorm 02, periodeBegin 2024-03-01.</li>
 * </ul>
 *
 * <p>Hand-worked 2024H1 answers:
 * <ul>
 *   <li>jongeren_jeugdhulp_pct, totaal = 71/246 = 28.8617..% -> 28.9; per 1000: 288.6</li>
 *   <li>boys 4-11: 40/56 = 71.43% -> 71.4; boys totaal (0-17): 40/123 = 32.52% -> 32.5; girls: 31/123 = 25.20% -> 25.2</li>
 *   <li>jongeren_met_verblijf_aandeel = 4/71 = 5.63% -> 5.6; jongeren_jeugdbescherming_pct = 2/246 = 0.81% -> 0.8;
 *       jongeren_jb_met_verblijf_aandeel = 1/2 = 50.0; jongeren_jeugdreclassering_pct = 1/178 = 0.56% -> 0.6</li>
 *   <li>2023H2: 60/246 = 24.39%; index 2024H1 vs 2023H2 = 71/60 x 100 = 118.33 -> 118.3</li>
 *   <li>CBS 85098NED JongerenMetJeugdhulpInNatura_1 2024HJ01: Aalten 27.5 (Voorlopig), NL01 12.0 (Voorlopig),
 *       Berkelland 30.0 (Nader voorlopig). Refgroep = (27.5 + 30.0)/2 = 28.75 -> 28.8, status voorlopig (least final).
 *       Differences (unrounded): 28.8617 - 27.5 = 1.36 -> 1.4; - 12.0 = 16.86 -> 16.9; - 28.75 = 0.11 -> 0.1.</li>
 *   <li>kosten_netto (2024H1, all totaal) = 1000.00 - 250.50 = 749.50 -> 750 euros, 1 client;
 *       kosten_per_client hulpvorm totaal = 749.50 / 72 people with iJw care (the 71, the JR girl) = 10.41 -> 10;
 *       hulpvorm 02: 749.50 / 71 = 10.56 -> 11; kosten_per_jeugdige = 749.50 / 246 = 3.05 -> 3</li>
 * </ul>
 */
final class DerivedCubeScenario {
  private DerivedCubeScenario() {}

  static final Period INDEX_BASE = Period.parse("2023H2");

  static List<PersonHistory> persons() {
    List<PersonHistory> out = new ArrayList<>();
    for (int i = 0; i <= 70; i++) {
      List<Trajectory.Builder> ts = new ArrayList<>();
      ts.add(ijw("02", AALTEN, i < 60 ? "2023-12-01" : "2024-03-01", null));
      if (i <= 2) ts.add(ijw("11", AALTEN, "2024-02-01", "2024-05-31"));
      if (i == 45 || i == 46) ts.add(jb(AALTEN, "2024-01-15", null));
      if (i == 45) ts.add(ijw("12", AALTEN, "2024-04-01", null));
      List<CostLine> costs = i == 0
          ? List.of(cost(AALTEN, "45", "02", "2024-03-01", "2024-03-31", 100_000),
              cost(AALTEN, "45", "02", "2024-03-01", "2024-03-31", -25_050))
          : List.of();
      out.add(person(String.format("kind%02d", i), 2014, i < 40 ? "M" : "V", costs, ts.toArray(new Trajectory.Builder[0])));
    }
    out.add(person("jr01", 2004, "V", jr(AALTEN, "2024-01-01", null)));
    return out;
  }

  static List<CbsCell> cbsCells() {
    List<CbsCell> out = new ArrayList<>();
    for (int year : new int[] {2023, 2024}) {
      for (int a = 0; a <= 22; a++) {
        int perSex = a <= 16 ? 7 : a == 17 ? 4 : 10;
        out.add(Fixtures.population(AALTEN, year, "3000", a, perSex));
        out.add(Fixtures.population(AALTEN, year, "4000", a, perSex));
        out.add(Fixtures.population(AALTEN, year, "T001038", a, 2 * perSex));
      }
    }
    String m = "JongerenMetJeugdhulpInNatura_1";
    out.add(Fixtures.benchmark(AALTEN, "2024HJ01", m, 27.5, "Voorlopig"));
    out.add(Fixtures.benchmark("NL01", "2024HJ01", m, 12.0, "Voorlopig"));
    out.add(Fixtures.benchmark(BERKELLAND, "2024HJ01", m, 30.0, "Nader voorlopig"));
    out.add(Fixtures.benchmark(AALTEN, "2023HJ02", m, 23.0, "Definitief"));
    out.add(Fixtures.benchmark("NL01", "2023HJ02", m, 11.5, "Definitief"));
    // CBS '.' for Berkelland in 2023H2: left out of the reference-group mean
    out.add(Fixtures.benchmark(BERKELLAND, "2023HJ02", m, null, "Definitief"));
    out.add(Fixtures.benchmark(AALTEN, "2024HJ01", "JongerenMetJeugdreclassering_5", null, "Voorlopig"));
    return out;
  }

  static MartsConfig config() {
    return new MartsConfig(Fixtures.periods("2023H2", "2024H1"), "test-run", null, List.of(AALTEN, BERKELLAND), INDEX_BASE);
  }

  /** The one row with these dimensions (or null). */
  static CubeRow find(List<CubeRow> rows, String indicator, String periode, String gemeente, String age, String sex,
      String hv, String vw, String pc) {
    CubeRow found = null;
    for (CubeRow r : rows) {
      if (r.getIndicator().equals(indicator) && r.getPeriode().equals(periode) && r.getGemeenteCode().equals(gemeente)
          && r.getLeeftijdsklasse().equals(age) && r.getGeslacht().equals(sex) && r.getHulpvorm().equals(hv)
          && r.getVerwijzer().equals(vw) && r.getProductcategorie().equals(pc)) {
        if (found != null) throw new AssertionError("two rows for " + indicator + " " + periode + " " + gemeente + " " + age + " " + sex + " " + hv);
        found = r;
      }
    }
    return found;
  }

  static CubeRow find(List<CubeRow> rows, String indicator, String periode, String gemeente, String age, String sex) {
    return find(rows, indicator, periode, gemeente, age, sex, Dims.TOTAAL, Dims.TOTAAL, Dims.TOTAAL);
  }
}
