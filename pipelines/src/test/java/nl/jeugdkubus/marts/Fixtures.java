package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Trajectory;

/** Hand-built PersonHistory records as the linkage step produces them (schemas/PersonHistory.avsc). */
final class Fixtures {
  private Fixtures() {}

  static final String AALTEN = "GM0197";
  static final String BERKELLAND = "GM1859";
  static final String ALMELO = "GM0141";
  static final String ACHTERHOEK = "REG_Achterhoek";
  static final String T = Dims.TOTAAL;

  /** A local-team support episode (hulpvorm 01, jeugdhulp). */
  static Trajectory.Builder lokaal(String gemeente, String start, String end) {
    return base("lokaal_team", "jeugdhulp", "01", gemeente, start, end);
  }

  /** An iJw jeugdhulp trajectory. */
  static Trajectory.Builder ijw(String hulpvorm, String gemeente, String start, String end) {
    return base("ijw", "jeugdhulp", hulpvorm, gemeente, start, end);
  }

  static Trajectory.Builder jb(String gemeente, String start, String end) {
    return base("ijw", "jeugdbescherming", "JB", gemeente, start, end);
  }

  static Trajectory.Builder jr(String gemeente, String start, String end) {
    return base("ijw", "jeugdreclassering", "JR", gemeente, start, end);
  }

  static Trajectory.Builder base(String bron, String zorgsoort, String hulpvorm, String gemeente, String start, String end) {
    return Trajectory.newBuilder()
        .setPseudonym("tbd")
        .setTrajectId("tbd")
        .setGemeenteCode(gemeente)
        .setZorgsoort(zorgsoort)
        .setBron(bron)
        .setHulpvorm(hulpvorm)
        .setStartdatum(start)
        .setEinddatum(end)
        .setVerwijzerCode("onbekend")
        .setGeslacht("tbd");
  }

  static CostLine cost(String gemeente, String pc, String hv, String begin, String end, long cents) {
    return CostLine.newBuilder()
        .setPseudonym("tbd")
        .setGemeenteCode(gemeente)
        .setProductCategorie(pc)
        .setHulpvorm(hv)
        .setZorgsoort("jeugdhulp")
        .setPeriodeBegin(begin)
        .setPeriodeEind(end)
        .setNettoCenten(cents)
        .setGeslacht("tbd")
        .setGekoppeld(true)
        .build();
  }

  /** A person; trajectories are sorted by startdatum and get the person's pseudonym, birth year and sex. */
  static PersonHistory person(String pseudonym, Integer geboortejaar, String geslacht, List<CostLine> kosten,
      Trajectory.Builder... trajecten) {
    List<Trajectory> ts = new ArrayList<>();
    for (Trajectory.Builder b : trajecten) {
      b.setPseudonym(pseudonym).setGeboortejaar(geboortejaar).setGeslacht(geslacht)
          .setTrajectId(pseudonym + "|" + b.getStartdatum() + "|" + b.getHulpvorm());
      ts.add(b.build());
    }
    ts.sort((a, b) -> a.getStartdatum().compareTo(b.getStartdatum()));
    List<CostLine> ks = new ArrayList<>();
    for (CostLine c : kosten) {
      CostLine k = CostLine.newBuilder(c).setPseudonym(pseudonym).setGeboortejaar(geboortejaar).setGeslacht(geslacht).build();
      ks.add(k);
    }
    return PersonHistory.newBuilder()
        .setPseudonym(pseudonym)
        .setGeboortejaar(geboortejaar)
        .setGeslacht(geslacht)
        .setTrajecten(ts)
        .setKosten(ks)
        .build();
  }

  static PersonHistory person(String pseudonym, Integer geboortejaar, String geslacht, Trajectory.Builder... trajecten) {
    return person(pseudonym, geboortejaar, geslacht, List.of(), trajecten);
  }

  static List<Period> periods(String... ps) {
    List<Period> out = new ArrayList<>();
    for (String p : ps) out.add(Period.parse(p));
    return out;
  }

  /** The contributions of one person as a map. */
  static Map<CellKey, Acc> contributions(PersonHistory p, String... periods) {
    IndicatorCalculator calc = new IndicatorCalculator(GemeenteInfo.load(null));
    Map<CellKey, Acc> m = new LinkedHashMap<>();
    for (IndicatorCalculator.Contribution c : calc.contributions(p, periods(periods))) {
      if (m.put(c.key(), c.acc()) != null) throw new AssertionError("duplicate contribution key " + c.key());
    }
    return m;
  }

  /** Combined cells of several persons (what Combine.perKey computes). */
  static Map<CellKey, Acc> combined(List<PersonHistory> persons, String... periods) {
    IndicatorCalculator calc = new IndicatorCalculator(GemeenteInfo.load(null));
    Map<CellKey, Acc> m = new LinkedHashMap<>();
    for (PersonHistory p : persons) {
      for (IndicatorCalculator.Contribution c : calc.contributions(p, periods(periods))) {
        m.merge(c.key(), c.acc().copy(), Acc::merge);
      }
    }
    return m;
  }

  static CellKey key(String measure, String periode, String area, String age, String sex, String hv, String vw, String pc) {
    return new CellKey(measure, periode, area, age, sex, hv, vw, pc);
  }

  /** Key with verwijzer and productcategorie 'totaal'. */
  static CellKey key(String measure, String periode, String area, String age, String sex, String hv) {
    return key(measure, periode, area, age, sex, hv, T, T);
  }

  // ---- CBS cells

  static CbsCell population(String gemeente, int year, String geslachtKey, int age, double value) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("Geslacht", geslachtKey);
    dims.put("Leeftijd", String.format("LFT%03d", age));
    return CbsCell.newBuilder()
        .setSourceFile("03759ned_TypedDataSet.json")
        .setPosition("/value[0]")
        .setTableId("03759ned")
        .setRegioCode(gemeente)
        .setPeriodeKey(year + "JJ00")
        .setDimensions(dims)
        .setMeasure("BevolkingOp1Januari_1")
        .setValue(value)
        .setStatus("Definitief")
        .build();
  }

  /** Population cells for ages from..to with the same number per single year, for M, V and totaal (M+V). */
  static List<CbsCell> populationFlat(String gemeente, int year, int from, int to, int perSexPerYear) {
    List<CbsCell> out = new ArrayList<>();
    for (int a = from; a <= to; a++) {
      out.add(population(gemeente, year, "3000", a, perSexPerYear));
      out.add(population(gemeente, year, "4000", a, perSexPerYear));
      out.add(population(gemeente, year, "T001038", a, 2 * perSexPerYear));
    }
    return out;
  }

  static CbsCell benchmark(String regio, String periodeKey, String measure, Double value, String status) {
    return CbsCell.newBuilder()
        .setSourceFile("85098NED_TypedDataSet.json")
        .setPosition("/value[0]")
        .setTableId("85098NED")
        .setRegioCode(regio)
        .setPeriodeKey(periodeKey)
        .setDimensions(new LinkedHashMap<>())
        .setMeasure(measure)
        .setValue(value)
        .setStatus(status)
        .build();
  }

  /** A cell of a CBS table with one dimension besides RegioS and Perioden (85097NED, 85100NED). */
  static CbsCell cbsCell(String table, String regio, String periodeKey, String dimension, String key, String measure, Double value,
      String status) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put(dimension, key);
    return CbsCell.newBuilder().setSourceFile(table + "_TypedDataSet.json").setPosition("/value[0]").setTableId(table)
        .setRegioCode(regio).setPeriodeKey(periodeKey).setDimensions(dims).setMeasure(measure).setValue(value)
        .setStatus(status).build();
  }

  static CbsTables tables(List<CbsCell> cells) {
    CbsTables t = new CbsTables();
    Map<String, Integer> lk = CbsTables.leeftijdMapping(null);
    for (CbsCell c : cells) t.add(c, lk);
    return t;
  }

  @SafeVarargs
  static <X> List<X> concat(List<X>... lists) {
    List<X> out = new ArrayList<>();
    for (List<X> l : lists) out.addAll(l);
    return out;
  }

  static <X> List<X> list(X... xs) {
    return new ArrayList<>(Arrays.asList(xs));
  }
}
