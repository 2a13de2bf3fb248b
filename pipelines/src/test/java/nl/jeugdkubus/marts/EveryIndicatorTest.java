package nl.jeugdkubus.marts;

import static nl.jeugdkubus.marts.DerivedCubeScenario.find;
import static nl.jeugdkubus.marts.Fixtures.AALTEN;
import static nl.jeugdkubus.marts.Fixtures.ACHTERHOEK;
import static nl.jeugdkubus.marts.Fixtures.BERKELLAND;
import static nl.jeugdkubus.marts.Fixtures.T;
import static nl.jeugdkubus.marts.Fixtures.cost;
import static nl.jeugdkubus.marts.Fixtures.ijw;
import static nl.jeugdkubus.marts.Fixtures.jb;
import static nl.jeugdkubus.marts.Fixtures.jr;
import static nl.jeugdkubus.marts.Fixtures.lokaal;
import static nl.jeugdkubus.marts.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PersonHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hand-worked unit tests for EVERY indicator code of conf/indicators.csv (pure Java, no Beam).
 *
 * <p>Every expected number below was worked out by hand from the definitions in conf/indicators.csv
 * (docs/indicators.md), docs/linkage.md and the rounding rules of {@link Rounding}, NOT copied from
 * what the code prints. {@link #everyCatalogueCodeHasAHandWorkedExpectation} fails when a code is
 * added to the catalogue without a hand-worked row here.
 *
 * <h2>Scenario</h2>
 * Gemeente of the table: Aalten (GM0197); one person (p7) lives in Berkelland (GM1859), the other
 * Achterhoek gemeente of the input. Periods 2023H1, 2023H2, 2024H1, 2024H2 and the full years 2023
 * and 2024. Index base 2023H2 (full years: 2023). Reference group: Berkelland, Winterswijk (GM0294),
 * Bronckhorst (GM1876). Main period of the table: <b>2024H1</b> (1 January - 30 June 2024); the
 * peildata 31 August and 31 December use 2024H2; a few rows use the full year 2024.
 *
 * <p>Ages in 2024 (= 2024 - geboortejaar), in 2023 one less. Trajectories (all Aalten unless noted;
 * L = local team, hulpvorm 01; S = iJw jeugdhulp; J = jeugdbescherming; R = jeugdreclassering):
 * <pre>
 * p1  V 2016 (8)   L1  01 2024-01-15..2024-05-31 reden 01, aanmeld 2024-01-05
 *                  S1  02 2024-03-01..open  verwijzer 01, toewijzing 2024-02-20
 *                  costs 45/02: 800.00 (periodeBegin 2024-03-01), 400.00 (2024-07-01)
 * p2  M 2010 (14)  L2  01 2022-03-01..open  aanmeld 2022-02-01            (old open local case)
 *                  J2  JB 2023-09-01..open
 *                  S2a 11 2024-02-01..2024-04-30 reden 02, verwijzer 04, toewijzing 2024-01-10
 *                  S2b 12 2024-05-15..2024-10-31 reden 01, verwijzer 04, herhaald, toewijzing 2024-05-01
 *                  costs 35/11: 3000.00 and credit -500.00 (2024-02-01); 36/12: 2000.00 (2024-05-15)
 * p3  V 2020 (4)   S3  03 2023-10-01..2024-03-31 no reden, verwijzer 02, toewijzing 2023-09-20
 *                  costs 41/03: 600.00 (2023-12-01), 1200.00 (2024-01-01), credit -300.00 (2024-07-01)
 * p4  M 2007 (17)  R4  JR 2024-02-15..2024-06-15 reden 01, toewijzing 2024-02-10
 *                  S4  02 2024-06-20..open  verwijzer 02, toewijzing 2024-06-20
 * p5  V 2005 (19)  R5  JR 2023-11-01..open
 *                  S5  02 2024-01-08..2024-06-28 reden 01, verwijzer 06, toewijzing 2024-01-02
 * p6  M 2012 (12)  S6o 02 2021-01-04..2022-12-30 reden 01, verwijzer 01          (before all periods)
 *                  S6  02 2024-04-10..2024-04-24 reden 01, verwijzer blank, crisis, herhaald, toewijzing 2024-04-10
 * p7  V 2018 (6)   Berkelland: L7 01 2024-02-01..open (aanmeld 2024-01-20); S7 02 2024-03-01..open verwijzer 01
 * p8  M 2015 (9)   L8a 01 2023-06-01..2024-02-29 reden 03, aanmeld 2023-05-20
 *                  S8  02 2024-08-15..open  verwijzer 01, herhaald, toewijzing 2024-08-01
 *                  L8b 01 2024-09-01..open  herhaald, aanmeld 2024-08-01
 * p9  V 2024 (0)   J9  JB 2024-03-01..open  toewijzing 2024-02-20
 *                  S9  11 2024-07-15..open  verwijzer 04, toewijzing 2024-07-20 (after the start: no waiting time)
 * p10 X 2011 (13)  L10 01 2024-03-10..open  aanmeld 2024-02-01      (geslacht X -> O)
 *                  S10 04 2024-11-20..open  verwijzer 01, toewijzing 2024-11-01
 * p11 V 2009 (15)  J11 JB 2023-07-01..2024-06-30 no reden
 *                  S11 14 2023-08-01..2024-01-31 reden 04, verwijzer 05, toewijzing 2023-07-15
 *                  costs 44/14: 1500.50 (2024-01-01)
 * p12 M 2019 (5)   L12 01 2024-05-02..2024-06-14 reden 05, aanmeld 2024-04-30
 * </pre>
 * herhaald beroep is set as linkage sets it (docs/linkage.md: a trajectory of the same zorgsoort ended
 * in the five years before, at least one whole day between): S2b (after S2a), S6 (after S6o), S8 and
 * L8b (after L8a).
 *
 * <p>Population (CBS 03759ned, 1 January) of Aalten, per geslacht M and V:
 * 2023: ages 0..17 10 each, 18..22 6 each -> 0-17 = 2 x 180 = 360, 12-22 = 2 x (60 + 30) = 180.
 * 2024: ages 0..16 10 each, age 17 5, 18..22 6 each -> 0-17 = 2 x 175 = 350; 12-17 = 2 x 55 = 110;
 * 18-22 = 2 x 30 = 60; 12-22 = 2 x 85 = 170 (2024 has no geslacht-totaal cells: M + V is used).
 * Berkelland: 20 per geslacht and age 0..22 in both years (0-17 = 720).
 *
 * <h2>Who is in what in Aalten, 2024H1 (2024-01-01..2024-06-30)</h2>
 * Running: p1 L1 S1 | p2 L2 J2 S2a S2b | p3 S3 | p4 R4 S4 | p5 R5 S5 | p6 S6 | p8 L8a | p9 J9 | p10 L10 |
 * p11 J11 S11 | p12 L12 = 18 trajectories of 11 young people. Not running: S6o (2022), S8, L8b, S9, S10
 * (H2), and p7 (Berkelland).
 */
class EveryIndicatorTest {
  static final String H1 = "2024H1";
  static final String H2 = "2024H2";
  static final String Y = "2024";
  static final String BASE = "2023H2";
  static final String WINTERSWIJK = "GM0294";
  static final String BRONCKHORST = "GM1876";
  static final List<String> PERIODS = List.of("2023H1", "2023H2", "2024H1", "2024H2", "2023", "2024");

  static Map<CellKey, Acc> cells;
  static List<CubeRow> rows;

  // ---------------------------------------------------------------------------------------------
  // scenario

  static List<PersonHistory> persons() {
    List<PersonHistory> out = new ArrayList<>();
    out.add(person("p1", 2016, "V", List.of(
            cost(AALTEN, "45", "02", "2024-03-01", "2024-03-31", 80_000),
            cost(AALTEN, "45", "02", "2024-07-01", "2024-07-31", 40_000)),
        lokaal(AALTEN, "2024-01-15", "2024-05-31").setRedenBeeindigingCbs("01").setAanmelddatum("2024-01-05"),
        ijw("02", AALTEN, "2024-03-01", null).setVerwijzerCode("01").setToewijzingsdatum("2024-02-20")));
    out.add(person("p2", 2010, "M", List.of(
            cost(AALTEN, "35", "11", "2024-02-01", "2024-02-29", 300_000),
            cost(AALTEN, "35", "11", "2024-02-01", "2024-02-29", -50_000),
            cost(AALTEN, "36", "12", "2024-05-15", "2024-05-31", 200_000)),
        lokaal(AALTEN, "2022-03-01", null).setAanmelddatum("2022-02-01"),
        jb(AALTEN, "2023-09-01", null),
        ijw("11", AALTEN, "2024-02-01", "2024-04-30").setRedenBeeindigingCbs("02").setVerwijzerCode("04")
            .setToewijzingsdatum("2024-01-10"),
        ijw("12", AALTEN, "2024-05-15", "2024-10-31").setRedenBeeindigingCbs("01").setVerwijzerCode("04")
            .setHerhaaldBeroep(true).setToewijzingsdatum("2024-05-01")));
    out.add(person("p3", 2020, "V", List.of(
            cost(AALTEN, "41", "03", "2023-12-01", "2023-12-31", 60_000),
            cost(AALTEN, "41", "03", "2024-01-01", "2024-01-31", 120_000),
            cost(AALTEN, "41", "03", "2024-07-01", "2024-07-31", -30_000)),
        ijw("03", AALTEN, "2023-10-01", "2024-03-31").setRedenBeeindigingCbs(null).setVerwijzerCode("02")
            .setToewijzingsdatum("2023-09-20")));
    out.add(person("p4", 2007, "M",
        jr(AALTEN, "2024-02-15", "2024-06-15").setRedenBeeindigingCbs("01").setToewijzingsdatum("2024-02-10"),
        ijw("02", AALTEN, "2024-06-20", null).setVerwijzerCode("02").setToewijzingsdatum("2024-06-20")));
    out.add(person("p5", 2005, "V",
        jr(AALTEN, "2023-11-01", null),
        ijw("02", AALTEN, "2024-01-08", "2024-06-28").setRedenBeeindigingCbs("01").setVerwijzerCode("06")
            .setToewijzingsdatum("2024-01-02")));
    out.add(person("p6", 2012, "M",
        ijw("02", AALTEN, "2021-01-04", "2022-12-30").setRedenBeeindigingCbs("01").setVerwijzerCode("01"),
        ijw("02", AALTEN, "2024-04-10", "2024-04-24").setRedenBeeindigingCbs("01").setVerwijzerCode("")
            .setCrisis(true).setHerhaaldBeroep(true).setToewijzingsdatum("2024-04-10")));
    out.add(person("p7", 2018, "V",
        lokaal(BERKELLAND, "2024-02-01", null).setAanmelddatum("2024-01-20"),
        ijw("02", BERKELLAND, "2024-03-01", null).setVerwijzerCode("01").setToewijzingsdatum("2024-02-25")));
    out.add(person("p8", 2015, "M",
        lokaal(AALTEN, "2023-06-01", "2024-02-29").setRedenBeeindigingCbs("03").setAanmelddatum("2023-05-20"),
        ijw("02", AALTEN, "2024-08-15", null).setVerwijzerCode("01").setHerhaaldBeroep(true).setToewijzingsdatum("2024-08-01"),
        lokaal(AALTEN, "2024-09-01", null).setHerhaaldBeroep(true).setAanmelddatum("2024-08-01")));
    out.add(person("p9", 2024, "V",
        jb(AALTEN, "2024-03-01", null).setToewijzingsdatum("2024-02-20"),
        ijw("11", AALTEN, "2024-07-15", null).setVerwijzerCode("04").setToewijzingsdatum("2024-07-20")));
    out.add(person("p10", 2011, "X",
        lokaal(AALTEN, "2024-03-10", null).setAanmelddatum("2024-02-01"),
        ijw("04", AALTEN, "2024-11-20", null).setVerwijzerCode("01").setToewijzingsdatum("2024-11-01")));
    out.add(person("p11", 2009, "V", List.of(cost(AALTEN, "44", "14", "2024-01-01", "2024-01-31", 150_050)),
        jb(AALTEN, "2023-07-01", "2024-06-30").setRedenBeeindigingCbs(null),
        ijw("14", AALTEN, "2023-08-01", "2024-01-31").setRedenBeeindigingCbs("04").setVerwijzerCode("05")
            .setToewijzingsdatum("2023-07-15")));
    out.add(person("p12", 2019, "M",
        lokaal(AALTEN, "2024-05-02", "2024-06-14").setRedenBeeindigingCbs("05").setAanmelddatum("2024-04-30")));
    return out;
  }

  static List<CbsCell> cbsCells() {
    List<CbsCell> out = new ArrayList<>();
    for (int a = 0; a <= 22; a++) {
      int n2023 = a <= 17 ? 10 : 6;
      out.add(Fixtures.population(AALTEN, 2023, "3000", a, n2023));
      out.add(Fixtures.population(AALTEN, 2023, "4000", a, n2023));
      out.add(Fixtures.population(AALTEN, 2023, "T001038", a, 2 * n2023));
      int n2024 = a <= 16 ? 10 : a == 17 ? 5 : 6;
      out.add(Fixtures.population(AALTEN, 2024, "3000", a, n2024));
      out.add(Fixtures.population(AALTEN, 2024, "4000", a, n2024));
    }
    out.addAll(Fixtures.populationFlat(BERKELLAND, 2023, 0, 22, 20));
    out.addAll(Fixtures.populationFlat(BERKELLAND, 2024, 0, 22, 20));
    String jh = "JongerenMetJeugdhulpInNatura_1";
    String mv = "JongerenMetJeugdhMetVerblInNat_2";
    String jbm = "JongerenMetJeugdbescherming_3";
    String jbv = "JeugdbeschEnJeugdhMetVerblInNat_4";
    String jrm = "JongerenMetJeugdreclassering_5";
    String k = "2024HJ01";
    // Aalten and NL01: voorlopig; Berkelland: nader voorlopig; Winterswijk, Bronckhorst: definitief
    cbs(out, k, jh, 2.4, 12.3, 10.5, 11.0, 9.8);
    cbs(out, k, mv, 20.0, 11.5, null, 14.5, 12.0); // Berkelland '.'
    cbs(out, k, jbm, 0.7, 1.0, 0.8, 0.9, 1.1);
    cbs(out, k, jbv, 55.0, 40.0, 50.0, 45.0, 60.0);
    out.add(Fixtures.benchmark(AALTEN, k, jrm, 1.0, "Voorlopig"));
    out.add(Fixtures.benchmark("NL01", k, jrm, 1.4, "Voorlopig"));
    out.add(Fixtures.benchmark(BERKELLAND, k, jrm, 0.6, "Nader voorlopig")); // no cell for Winterswijk, Bronckhorst
    // full year 2024, and a CBS '.' in 2023H2
    out.add(Fixtures.benchmark(AALTEN, "2024JJ00", jh, 2.7, "Voorlopig"));
    out.add(Fixtures.benchmark(AALTEN, "2023HJ02", jrm, null, "Definitief"));
    // 85097NED started trajectories per VerwijzerJeugdzorg (conf/cbs-verwijzer.csv), 2024H1: Aalten all 40, 01 12,
    // 04 10, 02 '.'; NL01 all 50,000, 01 20,000. 85100NED jongeren met jeugdzorg: Aalten 9 (a persoonskenmerk other
    // than totaal is not used)
    String vt = CbsTables.VERWIJZER_TABLE;
    String vd = CbsTables.VERWIJZER_DIMENSION;
    String tr = "BegonnenJeugdhulptrajecten_1";
    out.add(Fixtures.cbsCell(vt, AALTEN, k, vd, "VJ_TOTAAL", tr, 40.0, "Voorlopig"));
    out.add(Fixtures.cbsCell(vt, AALTEN, k, vd, "VJ_01", tr, 12.0, "Voorlopig"));
    out.add(Fixtures.cbsCell(vt, AALTEN, k, vd, "VJ_04", tr, 10.0, "Voorlopig"));
    out.add(Fixtures.cbsCell(vt, AALTEN, k, vd, "VJ_02", tr, null, "Voorlopig"));
    out.add(Fixtures.cbsCell(vt, "NL01", k, vd, "VJ_TOTAAL", tr, 50_000.0, "Voorlopig"));
    out.add(Fixtures.cbsCell(vt, "NL01", k, vd, "VJ_01", tr, 20_000.0, "Voorlopig"));
    String pd = CbsTables.PERSOONSKENMERKEN_DIMENSION;
    out.add(Fixtures.cbsCell(CbsTables.PERSONEN_TABLE, AALTEN, k, pd, CbsTables.PERSOONSKENMERKEN_TOTAAL, "JongerenMetJeugdzorg_1", 9.0,
        "Voorlopig"));
    out.add(Fixtures.cbsCell(CbsTables.PERSONEN_TABLE, AALTEN, k, pd, "3000", "JongerenMetJeugdzorg_1", 5.0, "Voorlopig"));
    // the optional municipal finance table (staging.FinanceCsvParser): Aalten 2024 all three posts,
    // Berkelland 2024 only 6.72 (so the region has lasten jeugd but no lasten preventie)
    out.add(finance(AALTEN, 2024, "6.72", 70_000.00));
    out.add(finance(AALTEN, 2024, "6.82", 35_000.00));
    out.add(finance(AALTEN, 2024, "preventie", 17_500.00));
    out.add(finance(BERKELLAND, 2024, "6.72", 50_000.00));
    return out;
  }

  static CbsCell finance(String gemeente, int year, String post, double euros) {
    return CbsCell.newBuilder().setSourceFile("financien.csv").setPosition("line 2").setTableId("financien")
        .setRegioCode(gemeente).setPeriodeKey(year + "JJ00").setDimensions(Map.of()).setMeasure(post)
        .setValue(euros).setStatus(null).build();
  }

  private static void cbs(List<CbsCell> out, String k, String m, Double aalten, Double nl, Double berkelland,
      Double winterswijk, Double bronckhorst) {
    out.add(Fixtures.benchmark(AALTEN, k, m, aalten, "Voorlopig"));
    out.add(Fixtures.benchmark("NL01", k, m, nl, "Voorlopig"));
    out.add(Fixtures.benchmark(BERKELLAND, k, m, berkelland, "Nader voorlopig"));
    out.add(Fixtures.benchmark(WINTERSWIJK, k, m, winterswijk, "Definitief"));
    out.add(Fixtures.benchmark(BRONCKHORST, k, m, bronckhorst, "Definitief"));
  }

  static MartsConfig config() {
    List<Period> ps = new ArrayList<>();
    for (String p : PERIODS) ps.add(Period.parse(p));
    return new MartsConfig(ps, "every-indicator", null, List.of(BERKELLAND, WINTERSWIJK, BRONCKHORST), Period.parse(BASE));
  }

  @BeforeAll
  static void derive() {
    cells = Fixtures.combined(persons(), PERIODS.toArray(new String[0]));
    CubeDeriver d = new CubeDeriver(config(), GemeenteInfo.load(null), Fixtures.tables(cbsCells()),
        CubeDeriver.scopeOf(cells.keySet()));
    rows = d.deriveAll(cells);
  }

  // ---------------------------------------------------------------------------------------------
  // the hand-worked table

  /** One expected row: teller, noemer, waarde as the internal cube holds them (null = must be null). */
  record Exp(String code, String periode, String area, String age, String sex, String hv, String vw, String pc,
      Double teller, Double noemer, Double waarde, String status) {
    Exp hv(String h) {
      return new Exp(code, periode, area, age, sex, h, vw, pc, teller, noemer, waarde, status);
    }

    Exp vw(String v) {
      return new Exp(code, periode, area, age, sex, hv, v, pc, teller, noemer, waarde, status);
    }

    Exp pc(String p) {
      return new Exp(code, periode, area, age, sex, hv, vw, p, teller, noemer, waarde, status);
    }

    Exp area(String ar) {
      return new Exp(code, periode, ar, age, sex, hv, vw, pc, teller, noemer, waarde, status);
    }

    Exp ageClass(String a) {
      return new Exp(code, periode, area, a, sex, hv, vw, pc, teller, noemer, waarde, status);
    }

    Exp sex(String s) {
      return new Exp(code, periode, area, age, s, hv, vw, pc, teller, noemer, waarde, status);
    }

    Exp status(String s) {
      return new Exp(code, periode, area, age, sex, hv, vw, pc, teller, noemer, waarde, s);
    }

    String where() {
      return code + " " + periode + " " + area + " age=" + age + " sex=" + sex + " hv=" + hv + " vw=" + vw + " pc=" + pc;
    }
  }

  private static Double dbl(Number n) {
    return n == null ? null : n.doubleValue();
  }

  /** A row of Aalten at leeftijdsklasse, geslacht, hulpvorm, verwijzer and productcategorie 'totaal'. */
  static Exp e(String code, String periode, Number teller, Number noemer, Number waarde) {
    return new Exp(code, periode, AALTEN, T, T, T, T, T, dbl(teller), dbl(noemer), dbl(waarde), CubeDeriver.NVT);
  }

  /** A count row: teller = waarde, no noemer. */
  static Exp count(String code, String periode, long n) {
    return e(code, periode, n, null, n);
  }

  /** A CBS-derived benchmark row (no teller / noemer) with its CBS status. */
  static Exp bm(String code, String periode, double waarde, String status) {
    return e(code, periode, null, null, waarde).status(status);
  }

  static final List<Exp> EXPECTED = List.of(
      // ---- (1) young people with care, Aalten 2024H1 ----------------------------------------------
      // p1 p2 p3 p4 p5 p6 p8 p9 p10 p11 p12 (anything running in H1); p7 is Berkelland
      count("jongeren_jeugdzorg", H1, 11),
      // jeugdhulp (local or iJw jeugdhulp): the 11 minus p9 (only JB in H1) = 10
      count("jongeren_jeugdhulp", H1, 10),
      // aged 0-17: the 10 minus p5 (19) = 9; population 0-17 on 1-1-2024 = 350: 9/350 = 2.5714% -> 2.6
      e("jongeren_jeugdhulp_pct", H1, 9, 350, 2.6),
      e("jongeren_jeugdhulp_per1000", H1, 9, 350, 25.7), // 25.714
      // hulpvorm 01-04: p1 (01, 02), p2 (01), p3 (03), p4 (02), p5 (02), p6 (02), p8 (01), p10 (01), p12 (01) = 9
      count("jongeren_zonder_verblijf", H1, 9),
      count("jongeren_zonder_verblijf", H1, 5).hv("01"), // p1 p2 p8 p10 p12
      count("jongeren_zonder_verblijf", H1, 4).hv("02"), // p1 p4 p5 p6
      count("jongeren_zonder_verblijf", H1, 1).hv("03"), // p3
      e("jongeren_zonder_verblijf_pct", H1, 8, 350, 2.3), // without p5 (19): 8/350 = 2.2857%
      e("jongeren_zonder_verblijf_pct", H1, 3, 350, 0.9).hv("02"), // p1 p4 p6: 3/350 = 0.857%
      e("jongeren_zonder_verblijf_per1000", H1, 8, 350, 22.9), // 22.857
      // hulpvorm 11-14: p2 (11, 12), p11 (14) = 2
      count("jongeren_met_verblijf", H1, 2),
      count("jongeren_met_verblijf", H1, 1).hv("11"), // p2
      count("jongeren_met_verblijf", H1, 1).hv("12"), // p2
      count("jongeren_met_verblijf", H1, 1).hv("14"), // p11
      e("jongeren_met_verblijf_pct", H1, 2, 350, 0.6), // 0.5714%
      e("jongeren_met_verblijf_per1000", H1, 2, 350, 5.7), // 5.714
      // JB: p2, p9, p11 (all 0-17)
      count("jongeren_jeugdbescherming", H1, 3),
      e("jongeren_jeugdbescherming_pct", H1, 3, 350, 0.9), // 0.857%
      e("jongeren_jeugdbescherming_per1000", H1, 3, 350, 8.6), // 8.571
      // JR: p4 (17), p5 (19); population 12-22 = 170: 2/170 = 1.176%
      count("jongeren_jeugdreclassering", H1, 2),
      e("jongeren_jeugdreclassering_pct", H1, 2, 170, 1.2),
      e("jongeren_jeugdreclassering_per1000", H1, 2, 170, 11.8), // 11.765
      // 0-17 met verblijf (p2, p11) of 0-17 with jeugdhulp (9): 22.22%
      e("jongeren_met_verblijf_aandeel", H1, 2, 9, 22.2),
      // JB and met verblijf in Aalten: p2 (11/12), p11 (14); p9 has no verblijf in H1 (S9 starts 2024-07-15): 2/3
      e("jongeren_jb_met_verblijf_aandeel", H1, 2, 3, 66.7),
      // breakdowns of the rates by age class and geslacht
      e("jongeren_jeugdhulp_pct", H1, 5, 110, 4.5).ageClass("12-17"), // p2 p4 p6 p10 p11 of 110: 4.545%
      e("jongeren_jeugdhulp_pct", H1, 3, 175, 1.7).sex("V"), // p1 p3 p11 of 175 girls: 1.714% (p5 is 19)
      count("jongeren_jeugdhulp", H1, 1).sex("O"), // p10 (geslacht X)
      e("jongeren_jeugdreclassering_pct", H1, 1, 60, 1.7).ageClass("18-22"), // p5 of 60: 1.667%

      // ---- (2) trajectories, Aalten 2024H1 --------------------------------------------------------
      // running: 2 (p1) + 4 (p2) + 1 + 2 + 2 + 1 + 1 (p8) + 1 (p9) + 1 (p10) + 2 (p11) + 1 (p12) = 18
      count("trajecten_lopend", H1, 18),
      count("trajecten_lopend", H1, 5).hv("01"), // L1 L2 L8a L10 L12
      count("trajecten_lopend", H1, 3).hv("JB"), // J2 J9 J11
      // started in H1: L1 S1 S2a S2b R4 S4 S5 S6 J9 L10 L12 = 11
      count("trajecten_gestart", H1, 11),
      count("trajecten_gestart", H1, 4).hv("02"), // S1 S4 S5 S6
      count("trajecten_gestart_nieuw", H1, 9), // 11 - 2
      count("trajecten_gestart_herhaald", H1, 2), // S2b, S6
      count("trajecten_gestart_crisis", H1, 1), // S6
      count("trajecten_gestart_zonder_crisis", H1, 10),
      // ended in H1: L1 S2a S3 R4 S5 S6 L8a J11 (on 30 June) S11 L12 = 10 (S2b ends in H2)
      count("trajecten_beeindigd", H1, 10),
      count("trajecten_beeindigd_volgens_plan", H1, 4), // reden 01: L1 R4 S5 S6
      count("trajecten_beeindigd_voortijdig", H1, 4), // 02 S2a, 03 L8a, 04 S11, 05 L12
      count("trajecten_beeindigd_reden_onbekend", H1, 2), // S3, J11
      e("trajecten_beeindigd_volgens_plan_pct", H1, 4, 10, 40.0),
      // durations end - start + 1: L1 138, S2a 90, S3 183, R4 122, S5 173, S6 15, L8a 274, J11 366, S11 184, L12 44
      // sum 1589 / 10 = 158.9; sorted 15 44 90 122 138 | 173 183 184 274 366 -> (138 + 173)/2 = 155.5
      e("trajectduur_gemiddeld", H1, null, 10, 158.9),
      e("trajectduur_mediaan", H1, null, 10, 155.5),
      e("trajectduur_gemiddeld", H1, null, 3, 152.0).hv("01"), // L1 138, L8a 274, L12 44: 456/3
      e("trajectduur_mediaan", H1, null, 3, 138.0).hv("01"),
      // return: S2a (S2b 15 days later), R4 (S4 5 days later), L8a (S8 on 2024-08-15 <= 2025-02-28); not L1
      // (S1 started before its end), not S3 S5 S6 J11 S11 L12 (nothing started after them)
      count("trajecten_beeindigd_terugkeer_12m", H1, 3),
      e("trajecten_beeindigd_terugkeer_12m_pct", H1, 3, 10, 30.0),

      // ---- (3) specialist starts and verwijzers, Aalten 2024H1 ------------------------------------
      // iJw jeugdhulp started: S1 (01), S2a (04), S2b (04), S4 (02), S5 (06), S6 (blank -> onbekend); J9 is JB
      count("specialist_gestart", H1, 6),
      count("specialist_gestart", H1, 2).vw("04"),
      count("specialist_gestart", H1, 1).vw("onbekend"),
      e("specialist_gestart_verwijzer_aandeel", H1, 2, 6, 33.3).vw("04"), // 33.33%
      e("specialist_gestart_verwijzer_aandeel", H1, 1, 6, 16.7).vw("01"), // 16.67%
      e("specialist_gestart_verwijzer_aandeel", H1, 1, 6, 16.7).vw("onbekend"),
      // local-team support started before: S1 (L1 2024-01-15), S2a and S2b (L2 2022); not S4 S5 S6 (no local team)
      count("specialist_gestart_na_lokaal", H1, 3),
      e("specialist_gestart_na_lokaal_pct", H1, 3, 6, 50.0),
      e("specialist_gestart_na_lokaal_pct", H1, 2, 2, 100.0).vw("04"), // S2a, S2b

      // ---- (4) costs, Aalten 2024H1 ----------------------------------------------------------------
      // periodeBegin in H1: p1 800.00; p2 3000.00 - 500.00 + 2000.00; p3 1200.00; p11 1500.50 = 8000.50 -> 8001
      e("kosten_netto", H1, 8001, null, 8001),
      e("kosten_netto", H1, 2500, null, 2500).hv("11").pc("35"), // 3000.00 - 500.00 credit
      e("kosten_netto", H1, 1501, null, 1501).hv("14"), // 1500.50 -> 1501 (half away from zero)
      count("kosten_clienten", H1, 4), // p1 p2 p3 p11
      count("kosten_clienten", H1, 1).hv("11").pc("35"), // p2 (two lines, one client)
      // any iJw trajectory in H1: p1 p2 p3 p4 p5 p6 p9 p11 = 8 (p8 p10 p12 only local team in H1)
      count("jongeren_specialistisch", H1, 8),
      count("jongeren_specialistisch", H1, 4).hv("02"), // p1 p4 p5 p6
      count("jongeren_specialistisch", H1, 3).hv("JB"), // p2 p9 p11
      count("jongeren_specialistisch", H1, 2).hv("JR"), // p4 p5
      // 8000.50 / 8 = 1000.06 -> 1000 (teller = kosten_netto in whole euros)
      e("kosten_per_client", H1, 8001, 8, 1000),
      e("kosten_per_client", H1, 800, 4, 200).hv("02"), // 800.00 / 4 (p1 p4 p5 p6)
      // 8000.50 / 350 = 22.86 -> 23
      e("kosten_per_jeugdige", H1, 8001, 350, 23),

      // ---- (5) prevention flow, stacking, snapshots, data quality ---------------------------------
      // local start in H1: p1 (2024-01-15), p10 (2024-03-10), p12 (2024-05-02); L7 is Berkelland
      count("lokaal_gestart", H1, 3),
      // within 6 months: p1 (S1 2024-03-01 <= 2024-07-15); p10's S10 2024-11-20 > 2024-09-10
      count("lokaal_gestart_specialist_6m", H1, 1),
      e("lokaal_gestart_specialist_6m_pct", H1, 1, 3, 33.3),
      // within 12 months: p1 and p10 (S10 <= 2025-03-10)
      count("lokaal_gestart_specialist_12m", H1, 2),
      e("lokaal_gestart_specialist_12m_pct", H1, 2, 3, 66.7),
      count("lokaal_gestart_specialist_12m", H1, 1).hv("04"), // p10 (S10 hulpvorm 04)
      e("lokaal_gestart_specialist_12m_pct", H1, 1, 3, 33.3).hv("04"), // noemer: lokaal_gestart hulpvorm totaal
      // hulpvormen in H1: p1 {01,02} 2, p2 {01,JB,11,12} 4, p3 1, p4 {JR,02} 2, p5 {JR,02} 2, p6 1, p8 1, p9 1,
      // p10 1, p11 {JB,14} 2, p12 1 = 18 over 11 young people = 1.636 -> 1.64
      e("stapeling_gemiddeld", H1, null, 11, 1.64),
      count("stapeling_2plus", H1, 5), // p1 p2 p4 p5 p11
      e("stapeling_2plus_pct", H1, 5, 11, 45.5), // 45.45%
      // 30 April 2024: local cases running L1, L2, L10 (L8a ended in Feb, L12 starts 2 May) = 3;
      // specialist running that day: p1 (S1), p2 (S2a ends 30 April, inclusive) = 2; p10 none yet
      count("peil_0430_lokaal_open", H1, 3),
      count("peil_0430_lokaal_met_specialist", H1, 2),
      e("peil_0430_lokaal_met_specialist_pct", H1, 2, 3, 66.7),
      // 31 August 2024: L2, L10 (L8b starts 1 September) = 2; p2 S2b runs (p10's S10 not yet) = 1
      count("peil_0831_lokaal_open", H2, 2),
      count("peil_0831_lokaal_met_specialist", H2, 1),
      e("peil_0831_lokaal_met_specialist_pct", H2, 1, 2, 50.0),
      // 31 December 2024: L2, L10, L8b = 3; p2 only JB (S2b ended 31 Oct: JB is not specialist care),
      // p10 S10 and p8 S8 run = 2
      count("peil_1231_lokaal_open", H2, 3),
      count("peil_1231_lokaal_met_specialist", H2, 2),
      e("peil_1231_lokaal_met_specialist_pct", H2, 2, 3, 66.7),
      // 30 June 2024: L2, L10 running (L12 ended 14 June) = 2; L2 has no einddatum and started
      // 2022-03-01, more than a year before 2024-06-30 = 1
      count("dq_lokaal_open", H1, 2),
      count("dq_lokaal_open_zonder_einddatum_1jaar", H1, 1),
      e("dq_lokaal_open_zonder_einddatum_1jaar_pct", H1, 1, 2, 50.0),

      // ---- (6) waiting times, Aalten 2024H1 --------------------------------------------------------
      // aanmelding -> start: L1 10, L10 38, L12 2: mean 50/3 = 16.67 -> 16.7; median 10
      count("wachttijd_aanmelding_aantal", H1, 3),
      e("wachttijd_aanmelding_gemiddeld", H1, null, 3, 16.7),
      e("wachttijd_aanmelding_mediaan", H1, null, 3, 10.0),
      // toewijzing -> start (iJw, any zorgsoort): S1 10, S2a 22, S2b 14, S4 0, S5 6, S6 0, J9 10, R4 5 = 67 / 8 = 8.375 -> 8.4
      // sorted 0 0 5 6 | 10 10 14 22 -> (6 + 10)/2 = 8.0
      count("wachttijd_toewijzing_aantal", H1, 8),
      e("wachttijd_toewijzing_gemiddeld", H1, null, 8, 8.4),
      e("wachttijd_toewijzing_mediaan", H1, null, 8, 8.0),
      count("wachttijd_toewijzing_aantal", H1, 4).hv("02"), // S1 10, S4 0, S5 6, S6 0
      e("wachttijd_toewijzing_gemiddeld", H1, null, 4, 4.0).hv("02"), // 16 / 4
      e("wachttijd_toewijzing_mediaan", H1, null, 4, 3.0).hv("02"), // 0 0 | 6 10 -> (0 + 6)/2

      // ---- (7) benchmark rows, Aalten 2024H1 -------------------------------------------------------
      // ours, unrounded: jeugdhulp 9/350 = 2.571429%; met verblijf aandeel 2/9 = 22.2222%; JB 3/350 = 0.857143%;
      // JB met verblijf 2/3 = 66.6667%; JR 2/170 = 1.176471%.
      // base 2023H2 (ages 2023, population 2023): jeugdhulp p2 p3 p8 p11 = 4/360 = 1.1111%; met verblijf p11 of
      // those 4 = 25%; JB p2 p11 = 2/360 = 0.5556%; JB met verblijf p11 = 1/2 = 50%; JR p5 (18) = 1/180 = 0.5556%.
      // refgroep = unweighted mean over Berkelland, Winterswijk, Bronckhorst with a value; status: least final used
      bm("jongeren_jeugdhulp_pct_cbs", H1, 2.4, "voorlopig"),
      bm("jongeren_jeugdhulp_pct_nl", H1, 12.3, "voorlopig"),
      bm("jongeren_jeugdhulp_pct_refgroep", H1, 10.4, "nader voorlopig"), // (10.5 + 11.0 + 9.8)/3 = 10.4333
      bm("jongeren_jeugdhulp_pct_verschil_cbs", H1, 0.2, "voorlopig"), // 2.571429 - 2.4 = 0.1714
      bm("jongeren_jeugdhulp_pct_verschil_nl", H1, -9.7, "voorlopig"), // 2.571429 - 12.3 = -9.7286
      // 2.571429 - 10.433333 = -7.8619 -> -7.9 (rounded values would give 2.6 - 10.4 = -7.8)
      bm("jongeren_jeugdhulp_pct_verschil_refgroep", H1, -7.9, "nader voorlopig"),
      e("jongeren_jeugdhulp_pct_index", H1, null, null, 231.4), // (9/350)/(4/360) x 100 = 231.43
      bm("jongeren_met_verblijf_aandeel_cbs", H1, 20.0, "voorlopig"),
      bm("jongeren_met_verblijf_aandeel_nl", H1, 11.5, "voorlopig"),
      // Berkelland '.': (14.5 + 12.0)/2 = 13.25 -> 13.3, both definitief
      bm("jongeren_met_verblijf_aandeel_refgroep", H1, 13.3, "definitief"),
      bm("jongeren_met_verblijf_aandeel_verschil_cbs", H1, 2.2, "voorlopig"), // 22.2222 - 20.0
      bm("jongeren_met_verblijf_aandeel_verschil_nl", H1, 10.7, "voorlopig"), // 22.2222 - 11.5 = 10.7222
      // 22.2222 - 13.25 = 8.9722 -> 9.0 (rounded values would give 22.2 - 13.3 = 8.9)
      bm("jongeren_met_verblijf_aandeel_verschil_refgroep", H1, 9.0, "definitief"),
      e("jongeren_met_verblijf_aandeel_index", H1, null, null, 88.9), // (2/9)/(1/4) x 100 = 88.89
      bm("jongeren_jeugdbescherming_pct_cbs", H1, 0.7, "voorlopig"),
      bm("jongeren_jeugdbescherming_pct_nl", H1, 1.0, "voorlopig"),
      bm("jongeren_jeugdbescherming_pct_refgroep", H1, 0.9, "nader voorlopig"), // (0.8 + 0.9 + 1.1)/3 = 0.9333
      bm("jongeren_jeugdbescherming_pct_verschil_cbs", H1, 0.2, "voorlopig"), // 0.857143 - 0.7 = 0.1571
      bm("jongeren_jeugdbescherming_pct_verschil_nl", H1, -0.1, "voorlopig"), // 0.857143 - 1.0 = -0.1429
      bm("jongeren_jeugdbescherming_pct_verschil_refgroep", H1, -0.1, "nader voorlopig"), // -0.0762
      e("jongeren_jeugdbescherming_pct_index", H1, null, null, 154.3), // (3/350)/(2/360) x 100 = 154.29
      bm("jongeren_jb_met_verblijf_aandeel_cbs", H1, 55.0, "voorlopig"),
      bm("jongeren_jb_met_verblijf_aandeel_nl", H1, 40.0, "voorlopig"),
      bm("jongeren_jb_met_verblijf_aandeel_refgroep", H1, 51.7, "nader voorlopig"), // 155/3 = 51.6667
      bm("jongeren_jb_met_verblijf_aandeel_verschil_cbs", H1, 11.7, "voorlopig"), // 66.6667 - 55.0
      bm("jongeren_jb_met_verblijf_aandeel_verschil_nl", H1, 26.7, "voorlopig"), // 66.6667 - 40.0
      bm("jongeren_jb_met_verblijf_aandeel_verschil_refgroep", H1, 15.0, "nader voorlopig"), // 66.6667 - 51.6667
      e("jongeren_jb_met_verblijf_aandeel_index", H1, null, null, 133.3), // (2/3)/(1/2) x 100 = 133.33
      bm("jongeren_jeugdreclassering_pct_cbs", H1, 1.0, "voorlopig"),
      bm("jongeren_jeugdreclassering_pct_nl", H1, 1.4, "voorlopig"),
      bm("jongeren_jeugdreclassering_pct_refgroep", H1, 0.6, "nader voorlopig"), // Berkelland only
      bm("jongeren_jeugdreclassering_pct_verschil_cbs", H1, 0.2, "voorlopig"), // 1.176471 - 1.0 = 0.1765
      bm("jongeren_jeugdreclassering_pct_verschil_nl", H1, -0.2, "voorlopig"), // 1.176471 - 1.4 = -0.2235
      bm("jongeren_jeugdreclassering_pct_verschil_refgroep", H1, 0.6, "nader voorlopig"), // 0.5765
      e("jongeren_jeugdreclassering_pct_index", H1, null, null, 211.8), // (2/170)/(1/180) x 100 = 211.76
      // CBS counts (85100NED, 85097NED), 2024H1. Ours: 11 young people with jeugdzorg; started specialist
      // trajectories 01: 1 of 6 = 16.6667%, 04: 2 of 6 = 33.3333%, 02: 1 of 6
      bm("jongeren_jeugdzorg_cbs", H1, 9.0, "voorlopig"),
      bm("jongeren_jeugdzorg_verschil_cbs", H1, 2.0, "voorlopig"), // 11 - 9
      bm("specialist_gestart_verwijzer_aandeel_cbs", H1, 30.0, "voorlopig").vw("01"), // 12 / 40
      bm("specialist_gestart_verwijzer_aandeel_cbs", H1, 25.0, "voorlopig").vw("04"), // 10 / 40
      e("specialist_gestart_verwijzer_aandeel_cbs", H1, null, null, null).vw("02").status("voorlopig"), // CBS '.'
      bm("specialist_gestart_verwijzer_aandeel_nl", H1, 40.0, "voorlopig").vw("01"), // 20,000 / 50,000
      bm("specialist_gestart_verwijzer_aandeel_verschil_cbs", H1, -13.3, "voorlopig").vw("01"), // 16.6667 - 30 = -13.3333
      bm("specialist_gestart_verwijzer_aandeel_verschil_cbs", H1, 8.3, "voorlopig").vw("04"), // 33.3333 - 25 = 8.3333
      // the base period itself is 100
      e("jongeren_jeugdhulp_pct_index", BASE, null, null, 100.0),
      e("jongeren_jeugdhulp_pct", BASE, 4, 360, 1.1), // 1.111%

      // ---- 2024H2 and the full year 2024 -----------------------------------------------------------
      // costs H2: p1 400.00, p3 credit -300.00 = 100.00; p3's hulpvorm 03 alone is negative
      e("kosten_netto", H2, 100, null, 100),
      e("kosten_netto", H2, -300, null, -300).hv("03"),
      count("kosten_clienten", H2, 2),
      // toewijzing in H2: S8 14, S10 19; S9's toewijzing (20 July) is after its start (15 July): left out
      count("wachttijd_toewijzing_aantal", H2, 2),
      e("wachttijd_toewijzing_mediaan", H2, null, 2, 16.5),
      count("wachttijd_aanmelding_aantal", H2, 1), // L8b: 2024-08-01 -> 2024-09-01 = 31 days
      e("wachttijd_aanmelding_gemiddeld", H2, null, 1, 31.0),
      // 31 December 2024: L2 (since 2022-03-01, more than a year before), L10, L8b
      count("dq_lokaal_open", H2, 3),
      e("dq_lokaal_open_zonder_einddatum_1jaar_pct", H2, 1, 3, 33.3),
      // 2024: the 11 of H1 plus S9 (07-15), S8 (08-15), L8b (09-01), S10 (11-20)
      count("trajecten_gestart", Y, 15),
      // local start in 2024: p1, p10, p12 and p8 (L8b 2024-09-01; his S8 started before it, so no specialist after)
      count("lokaal_gestart", Y, 4),
      e("lokaal_gestart_specialist_6m_pct", Y, 1, 4, 25.0), // p1
      e("lokaal_gestart_specialist_12m_pct", Y, 2, 4, 50.0), // p1, p10
      // 800_050 + 40_000 - 30_000 = 810_050 cents = 8100.50 -> 8101
      e("kosten_netto", Y, 8101, null, 8101),
      // iJw in 2024: p1 p2 p3 p4 p5 p6 p8 p9 p10 p11 = 10: 8100.50 / 10 = 810.05 -> 810
      e("kosten_per_client", Y, 8101, 10, 810),
      e("kosten_per_jeugdige", Y, 8101, 350, 23), // 8100.50 / 350 = 23.14
      // finance table 2024: 6.72 70,000 + 6.82 35,000 = 105,000; 0-17 on 1 Jan 2024 = 350;
      // young people with any care in 2024 = the 11 Aalten persons (all of them run in 2024H1)
      e("lasten_jeugd", Y, 105000, null, 105000),
      e("lasten_jeugd_per_jongere", Y, 105000, 350, 300), // 105,000 / 350 = 300.00
      e("lasten_jeugd_per_gebruiker", Y, 105000, 11, 9545), // 105,000 / 11 = 9,545.45
      e("lasten_preventie", Y, 17500, null, 17500),
      e("lasten_preventie_per_jongere", Y, 17500, 350, 50), // 17,500 / 350 = 50.00
      // region: Aalten 105,000 + Berkelland 50,000 = 155,000; 0-17: 350 + 720 = 1,070 -> 144.86;
      // users: Aalten's 11 + p7 = 12 -> 12,916.67
      e("lasten_jeugd", Y, 155000, null, 155000).area(ACHTERHOEK),
      e("lasten_jeugd_per_jongere", Y, 155000, 1070, 145).area(ACHTERHOEK),
      e("lasten_jeugd_per_gebruiker", Y, 155000, 12, 12917).area(ACHTERHOEK),
      // 0-17 with jeugdhulp in 2024: the 9 of H1 plus p9 (S9) = 10: 10/350 = 2.857% -> 2.9
      e("jongeren_jeugdhulp_pct", Y, 10, 350, 2.9),
      // base 2023: the same as 2023H2 (4/360): (10/350)/(4/360) x 100 = 257.14
      e("jongeren_jeugdhulp_pct_index", Y, null, null, 257.1),
      bm("jongeren_jeugdhulp_pct_cbs", Y, 2.7, "voorlopig"),
      bm("jongeren_jeugdhulp_pct_verschil_cbs", Y, 0.2, "voorlopig"), // 2.857143 - 2.7 = 0.1571
      // met verblijf in 2024: p2, p9 (S9 pleegzorg), p11 of 10 = 30.0; JB with verblijf: p2, p9, p11 of 3
      e("jongeren_met_verblijf_aandeel", Y, 3, 10, 30.0),
      e("jongeren_jb_met_verblijf_aandeel", Y, 3, 3, 100.0),

      // ---- the region (Aalten + Berkelland of the input) --------------------------------------------
      count("jongeren_jeugdhulp", H1, 11).area(ACHTERHOEK), // Aalten's 10 + p7
      e("jongeren_jeugdhulp_pct", H1, 10, 1070, 0.9).area(ACHTERHOEK), // 10 / (350 + 720) = 0.935%
      // base 2023H2: 4 / (360 + 720): (10/1070)/(4/1080) x 100 = 252.34
      e("jongeren_jeugdhulp_pct_index", H1, null, null, 252.3).area(ACHTERHOEK));

  // ---------------------------------------------------------------------------------------------
  // tests

  @Test
  void everyCatalogueCodeHasAHandWorkedExpectation() {
    TreeSet<String> catalogue = new TreeSet<>();
    for (IndicatorCatalogue.Entry en : IndicatorCatalogue.load(nl.jeugdkubus.common.ConfTables.load(Path.of("..", "conf").toString())).entries()) {
      catalogue.add(en.code());
    }
    TreeSet<String> table = new TreeSet<>();
    for (Exp x : EXPECTED) table.add(x.code());
    TreeSet<String> missing = new TreeSet<>(catalogue);
    missing.removeAll(table);
    TreeSet<String> unknown = new TreeSet<>(table);
    unknown.removeAll(catalogue);
    assertEquals(new TreeSet<String>(), missing, "catalogue codes without a hand-worked expectation");
    assertEquals(new TreeSet<String>(), unknown, "expectations for codes not in conf/indicators.csv");
    assertEquals(113, catalogue.size(), "conf/indicators.csv has a new code: add a hand-worked row and update this number");
  }

  @Test
  void financeRowsOnlyForFullYearsWithFinanceData() {
    // no finance rows for half-years, for 2023 (no finance data) or for an age class
    for (String code : List.of("lasten_jeugd", "lasten_jeugd_per_jongere", "lasten_preventie")) {
      assertNull(find(rows, code, H1, AALTEN, T, T, T, T, T), code + " " + H1);
      assertNull(find(rows, code, "2023", AALTEN, T, T, T, T, T), code + " 2023");
      assertNull(find(rows, code, Y, AALTEN, "4-11", T, T, T, T), code + " 4-11");
    }
    // Berkelland has no 'preventie' post: no region row rather than a partial sum
    assertNull(find(rows, "lasten_preventie", Y, ACHTERHOEK, T, T, T, T, T));
    assertNull(find(rows, "lasten_preventie_per_jongere", Y, ACHTERHOEK, T, T, T, T, T));
  }

  @Test
  void everyIndicatorHasItsHandWorkedValueInTheInternalCube() {
    Map<String, String> eenheid = new HashMap<>();
    for (IndicatorCatalogue.Entry en : IndicatorCatalogue.load(nl.jeugdkubus.common.ConfTables.load(Path.of("..", "conf").toString())).entries()) {
      eenheid.put(en.code(), en.eenheid());
    }
    List<Executable> checks = new ArrayList<>();
    for (Exp x : EXPECTED) {
      checks.add(() -> {
        CubeRow r = find(rows, x.code(), x.periode(), x.area(), x.age(), x.sex(), x.hv(), x.vw(), x.pc());
        assertNotNull(r, "no row " + x.where());
        assertEquals(x.teller(), r.getTeller(), "teller of " + x.where());
        assertEquals(x.noemer(), r.getNoemer(), "noemer of " + x.where());
        assertEquals(x.waarde(), r.getWaarde(), "waarde of " + x.where());
        assertEquals(x.status(), r.getCbsStatus(), "cbs_status of " + x.where());
        assertEquals(eenheid.get(x.code()), r.getEenheid(), "eenheid of " + x.where());
        assertFalse(r.getOnderdrukt(), x.where());
      });
    }
    assertAll(checks);
  }

  /** The rows some published table holds (the protection sees only those). */
  private static List<CubeRow> publishedOnly(List<CubeRow> rows) {
    PublishedTables t = new PublishedTables(TableCatalogue.load(null));
    return t.publishedRows(rows);
  }

  @Test
  void valuesAreComputedFromUnroundedCountsAndPublishedRoundedOnce() {
    // internal cube: teller 9 and noemer 350 are unrounded counts; the value is 9/350 x 100 = 18/7 exactly
    CubeRow pct = find(rows, "jongeren_jeugdhulp_pct", H1, AALTEN, T, T);
    Fraction exact = Fraction.of(pct.getTeller().longValue(), pct.getNoemer().longValue()).times(100);
    assertEquals(Fraction.of(18, 7), exact);
    assertEquals(2.6, Rounding.round(exact, Rounding.DECIMALS_PERCENT));

    // published (docs/disclosure.md: counts rounded to a multiple of 5, half-up; every value derived from the
    // PUBLISHED counts, so it tells nothing more than they do). Disclosure control with rounding base 5, no suppression:
    List<CubeRow> published = new nl.jeugdkubus.marts.protect.BlockProtection(IndicatorCatalogue.load(null), 5, 0, true).protect(publishedOnly(rows));
    CubeRow pub = find(published, "jongeren_jeugdhulp_pct", H1, AALTEN, T, T);
    assertEquals(10.0, pub.getTeller()); // 9 -> 10
    assertEquals(Rounding.count(9, 5), pub.getTeller().longValue());
    assertEquals(350.0, pub.getNoemer()); // the population is public: exact
    assertEquals(2.9, pub.getWaarde()); // 10/350 = 2.857 -> 2.9, NOT 9/350 = 2.571 -> 2.6 (which would give the 9 away)
    CubeRow zorg = find(published, "jongeren_jeugdzorg", H1, AALTEN, T, T);
    assertEquals(10.0, zorg.getTeller()); // 11 -> 10
    assertEquals(10.0, zorg.getWaarde()); // an aantal row publishes the rounded count
    CubeRow lopend = find(published, "trajecten_lopend", H1, AALTEN, T, T);
    assertEquals(20.0, lopend.getWaarde()); // 18 -> 20
    CubeRow stapeling = find(published, "stapeling_2plus_pct", H1, AALTEN, T, T);
    assertEquals(5.0, stapeling.getTeller()); // 5 stays 5
    assertEquals(10.0, stapeling.getNoemer()); // 11 -> 10
    assertEquals(50.0, stapeling.getWaarde()); // 5/10, not 5/11 = 45.5
    CubeRow mediaan = find(published, "trajectduur_mediaan", H1, AALTEN, T, T);
    assertEquals(10.0, mediaan.getNoemer());
    assertEquals(156.0, mediaan.getWaarde()); // whole days: 155.5 -> 156 (a median ending in .5 says the count is even)
    CubeRow wacht = find(published, "wachttijd_toewijzing_gemiddeld", H1, AALTEN, T, T);
    assertEquals(10.0, wacht.getNoemer()); // 8 -> 10
    assertEquals(8.0, wacht.getWaarde()); // whole days: 67/8 = 8.375 -> 8.4 -> 8 (a whole mean S/n is possible for every n)
    // euros are not counts: kosten_netto stays 8001 (8000.50 half away from zero); per client from the published figures
    assertEquals(8001.0, find(published, "kosten_netto", H1, AALTEN, T, T).getWaarde());
    CubeRow perClient = find(published, "kosten_per_client", H1, AALTEN, T, T);
    assertEquals(10.0, perClient.getNoemer()); // 8 -> 10
    assertEquals(800.0, perClient.getWaarde()); // 8001 / 10 = 800.1, not 8000.50 / 8 = 1000 (which gives the 8 away)
    // CBS rows keep their values; a difference is computed from our PUBLISHED value: 2.9 - CBS
    assertEquals(10.4, find(published, "jongeren_jeugdhulp_pct_refgroep", H1, AALTEN, T, T).getWaarde());
    assertEquals(-7.5, find(published, "jongeren_jeugdhulp_pct_verschil_refgroep", H1, AALTEN, T, T).getWaarde()); // 2.9 - 10.4
    // ... also at a verwijzer: our share of 04 is published as 0 / 5 (2 -> 0, 6 -> 5) = 0.0, so 0.0 - 25.0
    assertEquals(0.0, find(published, "specialist_gestart_verwijzer_aandeel", H1, AALTEN, T, T, T, "04", T).getWaarde());
    assertEquals(-25.0, find(published, "specialist_gestart_verwijzer_aandeel_verschil_cbs", H1, AALTEN, T, T, T, "04", T).getWaarde());
    // ... and for a count: jongeren_jeugdzorg published 10 (11 -> 10) minus CBS 9
    assertEquals(1.0, find(published, "jongeren_jeugdzorg_verschil_cbs", H1, AALTEN, T, T).getWaarde());
    // the rounding rules themselves on the numbers above
    assertEquals(0, Rounding.count(2, 5));
    assertEquals(5, Rounding.count(3, 5));
    assertEquals(20, Rounding.count(18, 5));
    assertEquals(8001.0, Rounding.euros(800_050));
    assertEquals(-300.0, Rounding.euros(-30_000));
    assertEquals(1.64, Rounding.mean(18, 11));
    assertEquals(155.5, Rounding.median(new TreeMap<>(Map.of(15L, 1L, 44L, 1L, 90L, 1L, 122L, 1L, 138L, 1L,
        173L, 1L, 183L, 1L, 184L, 1L, 274L, 1L, 366L, 1L))));
  }

  @Test
  void indicatorsWithoutAValueInSomePeriods() {
    // peildatum and data-quality rows only exist for half-years, and only in the half-year of their date
    for (String code : List.of("peil_0430_lokaal_open", "peil_0831_lokaal_open", "peil_1231_lokaal_open", "dq_lokaal_open")) {
      assertNull(find(rows, code, Y, AALTEN, T, T), code + " in a full year");
    }
    assertNull(find(rows, "peil_0430_lokaal_open", H2, AALTEN, T, T));
    assertNull(find(rows, "peil_0831_lokaal_open", H1, AALTEN, T, T));
    assertNull(find(rows, "peil_1231_lokaal_open", H1, AALTEN, T, T));
    // a verwijzer share has no 'totaal' row (it would always be 100%)
    assertNull(find(rows, "specialist_gestart_verwijzer_aandeel", H1, AALTEN, T, T));
    // rates only for their age universe: no jeugdhulp rate for 18-22, no jeugdreclassering rate for 0-3
    assertNull(find(rows, "jongeren_jeugdhulp_pct", H1, AALTEN, "18-22", T));
    assertNull(find(rows, "jongeren_jeugdreclassering_pct", H1, AALTEN, "0-3", T));
    // geslacht O has no population: count row, rate row without value
    CubeRow o = find(rows, "jongeren_jeugdhulp_pct", H1, AALTEN, T, "O");
    assertEquals(1.0, o.getTeller());
    assertNull(o.getNoemer());
    assertNull(o.getWaarde());
    // p3's credit in H2 leaves a negative hulpvorm 03 amount, but no iJw client of hulpvorm 03 in H2: no per-client row
    assertNull(find(rows, "kosten_per_client", H2, AALTEN, T, T, "03", T, T));
    // S9's toewijzing after its start is no waiting time
    assertNull(find(rows, "wachttijd_toewijzing_aantal", H2, AALTEN, T, T, "11", T, T));
  }

  @Test
  void zeroRowsAndCbsDotsForTheBenchmark() {
    // 2023H1: jeugdhulp p2 (L2), p8 (L8a from 2023-06-01); no JB, JR, verblijf. We count nobody but know the
    // noemer: zero rows so the benchmark has our value
    CubeRow jb = find(rows, "jongeren_jeugdbescherming_pct", "2023H1", AALTEN, T, T);
    assertEquals(0.0, jb.getTeller());
    assertEquals(360.0, jb.getNoemer());
    assertEquals(0.0, jb.getWaarde());
    assertEquals(0.0, find(rows, "jongeren_jeugdbescherming_per1000", "2023H1", AALTEN, T, T).getWaarde());
    CubeRow jr = find(rows, "jongeren_jeugdreclassering_pct", "2023H1", AALTEN, T, T);
    assertEquals(180.0, jr.getNoemer());
    assertEquals(0.0, jr.getWaarde());
    CubeRow mv = find(rows, "jongeren_met_verblijf_aandeel", "2023H1", AALTEN, T, T);
    assertEquals(0.0, mv.getTeller());
    assertEquals(2.0, mv.getNoemer());
    // no JB at all: the JB share has no noemer, so no row
    assertNull(find(rows, "jongeren_jb_met_verblijf_aandeel", "2023H1", AALTEN, T, T));
    // 0% in 2023H1 against 2023H2: index 0
    assertEquals(0.0, find(rows, "jongeren_jeugdbescherming_pct_index", "2023H1", AALTEN, T, T).getWaarde());
    // CBS published '.' for Aalten's jeugdreclassering in 2023H2: the _cbs row is there without value, no difference
    CubeRow dot = find(rows, "jongeren_jeugdreclassering_pct_cbs", BASE, AALTEN, T, T);
    assertNotNull(dot);
    assertNull(dot.getWaarde());
    assertEquals("definitief", dot.getCbsStatus());
    assertNull(find(rows, "jongeren_jeugdreclassering_pct_verschil_cbs", BASE, AALTEN, T, T));
    // no CBS cell at all (NL01 2023H2): no row
    assertNull(find(rows, "jongeren_jeugdhulp_pct_nl", BASE, AALTEN, T, T));
    // regions get no CBS rows
    assertNull(find(rows, "jongeren_jeugdhulp_pct_cbs", H1, ACHTERHOEK, T, T));
    assertNull(find(rows, "jongeren_jeugdhulp_pct_refgroep", H1, ACHTERHOEK, T, T));
  }

  @Test
  void theCalculatorCountsAPersonOnceAndATrajectoryPerUnit() {
    // the same hand-worked numbers at the level of the cells (before derivation)
    assertEquals(10, cells.get(Fixtures.key(Measures.JEUGDHULP, H1, AALTEN, T, T, T)).count());
    assertEquals(9, cells.get(Fixtures.key(Measures.JEUGDHULP, H1, AALTEN, Dims.U0_17, T, T)).count());
    assertEquals(2, cells.get(Fixtures.key(Measures.JEUGDRECLASSERING, H1, AALTEN, Dims.U12_22, T, T)).count());
    Acc zorg = cells.get(Fixtures.key(Measures.JEUGDZORG, H1, AALTEN, T, T, T));
    assertEquals(11, zorg.count());
    assertEquals(18, zorg.sum());
    Acc ended = cells.get(Fixtures.key(Measures.BEEINDIGD, H1, AALTEN, T, T, T));
    assertEquals(10, ended.count());
    assertEquals(1589, ended.sum());
    Acc kosten = cells.get(Fixtures.key(Measures.KOSTEN, H1, AALTEN, T, T, T, T, T));
    assertEquals(4, kosten.count());
    assertEquals(800_050, kosten.sum());
    Acc wacht = cells.get(Fixtures.key(Measures.WACHT_TOEWIJZING, H1, AALTEN, T, T, T));
    assertEquals(8, wacht.count());
    assertEquals(67, wacht.sum());
  }
}
