package nl.jeugdkubus.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.marts.CbsTables;
import nl.jeugdkubus.marts.Dims;
import nl.jeugdkubus.marts.Indicators;

/**
 * Writes the CBS Statline tables as OData v3 TypedDataSet JSON (docs/input-formats.md section 4):
 * 03759ned (population on 1 January), 85098NED (youth-care indicators), 85097NED (started jeugdhulp trajectories
 * per verwijzer) and 85100NED (young people with youth care, half-years), each with its Perioden file.
 *
 * <p>85098NED is computed from the generated care but counted "the CBS way", which differs from the
 * project's own counting: each cell is multiplied by a small random factor (sd {@link #NOISE_SD}),
 * jeugdhulp by {@link #JEUGDHULP_BIAS} (CBS misses part of the light local-team support), and cells
 * built on fewer than {@link #MIN_COUNT} young people, plus a random {@link #RANDOM_NULL_P}, are null
 * (CBS's '.'). 85097NED and 85100NED are counts with the same noise and random nulls (no minimum: CBS
 * publishes small counts of trajectories); their keys are those jeugdkubus assumes (conf/cbs-verwijzer.csv,
 * {@link CbsTables#PERSOONSKENMERKEN_TOTAAL}).
 */
final class CbsWriter {
  static final String POP_TABLE = "03759ned";
  static final String IND_TABLE = "85098NED";
  static final String VERWIJZER_TABLE = CbsTables.VERWIJZER_TABLE;
  static final String PERSONEN_TABLE = CbsTables.PERSONEN_TABLE;
  /** The 85097NED and 85100NED topics jeugdkubus compares with (catalogue column cbs_maat). */
  static final String STARTED_MEASURE = Indicators.cbsColumn("specialist_gestart_verwijzer_aandeel");
  static final String JEUGDZORG_MEASURE = Indicators.cbsColumn("jongeren_jeugdzorg");
  static final double NOISE_SD = 0.04;
  static final double JEUGDHULP_BIAS = 0.95;
  static final int MIN_COUNT = 5;
  static final double RANDOM_NULL_P = 0.01;
  static final String[] SEX_KEYS = {"3000", "4000", "T001038"};

  private CbsWriter() {}

  static String pad(String region) {
    return String.format("%-10s", region);
  }

  static String metadata(String table) {
    return "https://opendata.cbs.nl/ODataApi/OData/" + table + "/$metadata#Cbs.OData.WebAPI.TypedDataSet";
  }

  /**
   * Writes the CBS tables; a period that begins before the merger of {@link GeneratorConfig#codeOn} carries the old code.
   * Returns the number of rows of 03759ned, 85098NED, 85097NED and 85100NED.
   */
  static long[] write(Path cbsDir, List<CbsStats> gemeenten, CbsStats nl, long seed, GeneratorConfig cfg, GenerationSummary summary)
      throws IOException {
    Files.createDirectories(cbsDir);
    long popRows = writePopulation(cbsDir, gemeenten, cfg, summary);
    long indRows = writeIndicators(cbsDir, gemeenten, nl, seed, cfg, summary);
    long verwijzerRows = writeVerwijzers(cbsDir, gemeenten, nl, seed, cfg, summary);
    long personenRows = writePersonen(cbsDir, gemeenten, nl, seed, cfg, summary);
    return new long[] {popRows, indRows, verwijzerRows, personenRows};
  }

  private static long writePopulation(Path dir, List<CbsStats> gemeenten, GeneratorConfig cfg, GenerationSummary summary) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\n \"odata.metadata\": \"").append(metadata(POP_TABLE)).append("\",\n \"value\": [");
    long id = 0;
    CbsStats first = gemeenten.get(0);
    for (CbsStats g : gemeenten) {
      for (int y = 0; y < g.years; y++) {
        String period = (g.fromYear + y) + "JJ00";
        for (int s = 0; s < 3; s++) {
          for (int a = 0; a <= 22; a++) {
            long v = s < 2 ? g.pop[y][s][a] : g.pop[y][0][a] + g.pop[y][1][a];
            sb.append(id == 0 ? "\n" : ",\n");
            sb.append("  {\"ID\": ").append(id++)
                .append(", \"Geslacht\": \"").append(SEX_KEYS[s])
                .append("\", \"Leeftijd\": \"").append(String.format("LFT%03d", a))
                .append("\", \"RegioS\": \"").append(pad(cfg.codeOn(g.region, java.time.LocalDate.of(g.fromYear + y, 1, 1))))
                .append("\", \"Perioden\": \"").append(period)
                .append("\", \"BevolkingOp1Januari_1\": ").append(v).append('}');
          }
        }
      }
    }
    sb.append("\n ]\n}\n");
    write(dir.resolve(POP_TABLE + "_TypedDataSet.json"), sb.toString(), summary);
    StringBuilder per = new StringBuilder("{\"value\": [");
    for (int y = 0; y < first.years; y++) {
      int year = first.fromYear + y;
      per.append(y == 0 ? "\n" : ",\n");
      per.append("  {\"Key\": \"").append(year).append("JJ00\", \"Title\": \"").append(year)
          .append("\", \"Status\": \"Definitief\"}");
    }
    per.append("\n]}\n");
    write(dir.resolve(POP_TABLE + "_Perioden.json"), per.toString(), summary);
    summary.records("cbs." + POP_TABLE, id);
    return id;
  }

  private static long writeIndicators(Path dir, List<CbsStats> gemeenten, CbsStats nl, long seed, GeneratorConfig cfg,
      GenerationSummary summary) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\n \"odata.metadata\": \"").append(metadata(IND_TABLE)).append("\",\n \"value\": [");
    long id = 0;
    List<Period> periods = nl.periods;
    for (CbsStats g : concat(nl, gemeenten)) {
      for (int i = 0; i < periods.size(); i++) {
        Period per = periods.get(i);
        int yi = per.year() - g.fromYear;
        long pop017 = g.popRange(yi, 0, 17);
        long pop1222 = g.popRange(yi, 12, 22);
        SplittableRandom r = Rng.of(seed, Rng.hash(g.region), Rng.hash(per.cbsKey()), 0x85098L);
        Double v1 = cell(r, g.jeugdhulp[i] * JEUGDHULP_BIAS, g.jeugdhulp[i], pop017);
        Double v2 = cell(r, g.jeugdhulpVerblijf[i], g.jeugdhulpVerblijf[i], g.jeugdhulp[i]);
        Double v3 = cell(r, g.jb[i], g.jb[i], pop017);
        Double v4 = cell(r, g.jbVerblijf[i], g.jbVerblijf[i], g.jb[i]);
        Double v5 = cell(r, g.jr[i], g.jr[i], pop1222);
        sb.append(id == 0 ? "\n" : ",\n");
        sb.append("  {\"ID\": ").append(id++)
            .append(", \"RegioS\": \"").append(pad(cfg.codeOn(g.region, per.start())))
            .append("\", \"Perioden\": \"").append(per.cbsKey())
            .append("\", \"JongerenMetJeugdhulpInNatura_1\": ").append(num(v1))
            .append(", \"JongerenMetJeugdhMetVerblInNat_2\": ").append(num(v2))
            .append(", \"JongerenMetJeugdbescherming_3\": ").append(num(v3))
            .append(", \"JeugdbeschEnJeugdhMetVerblInNat_4\": ").append(num(v4))
            .append(", \"JongerenMetJeugdreclassering_5\": ").append(num(v5)).append('}');
      }
    }
    sb.append("\n ]\n}\n");
    write(dir.resolve(IND_TABLE + "_TypedDataSet.json"), sb.toString(), summary);
    writePerioden(dir, IND_TABLE, periods, nl.fromYear + nl.years - 1, summary);
    summary.records("cbs." + IND_TABLE, id);
    return id;
  }

  /** Perioden of a table: the periods of the last year voorlopig, the others definitief. */
  private static void writePerioden(Path dir, String table, List<Period> periods, int lastYear, GenerationSummary summary)
      throws IOException {
    StringBuilder perSb = new StringBuilder("{\"value\": [");
    boolean firstRow = true;
    for (Period per : periods) {
      String title = per.isHalfYear() ? per.year() + (per.half() == 1 ? " 1e halfjaar" : " 2e halfjaar") : Integer.toString(per.year());
      perSb.append(firstRow ? "\n" : ",\n");
      firstRow = false;
      perSb.append("  {\"Key\": \"").append(per.cbsKey()).append("\", \"Title\": \"").append(title)
          .append("\", \"Status\": \"").append(per.year() == lastYear ? "Voorlopig" : "Definitief").append("\"}");
    }
    perSb.append("\n]}\n");
    write(dir.resolve(table + "_Perioden.json"), perSb.toString(), summary);
  }

  /**
   * 85097NED: started jeugdhulp toewijzingen of each region and period, all ({@code VerwijzerJeugdzorg} 'totaal') and per
   * verwijzer of conf/cbs-verwijzer.csv, each count x (1 + noise), or null at random.
   */
  private static long writeVerwijzers(Path dir, List<CbsStats> gemeenten, CbsStats nl, long seed, GeneratorConfig cfg,
      GenerationSummary summary) throws IOException {
    java.util.TreeMap<String, String> keys = new java.util.TreeMap<>();
    CbsTables.verwijzerMapping(null).forEach((key, verwijzer) -> keys.put(verwijzer, key));
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\n \"odata.metadata\": \"").append(metadata(VERWIJZER_TABLE)).append("\",\n \"value\": [");
    long id = 0;
    List<Period> periods = nl.periods;
    for (CbsStats g : concat(nl, gemeenten)) {
      for (int i = 0; i < periods.size(); i++) {
        Period per = periods.get(i);
        SplittableRandom r = Rng.of(seed, Rng.hash(g.region), Rng.hash(per.cbsKey()), 0x85097L);
        for (Map.Entry<String, String> k : keys.entrySet()) {
          long n = k.getKey().equals(Dims.TOTAAL) ? g.started[i] : g.startedBy.getOrDefault(k.getKey(), new long[periods.size()])[i];
          sb.append(id == 0 ? "\n" : ",\n");
          sb.append("  {\"ID\": ").append(id++)
              .append(", \"").append(CbsTables.VERWIJZER_DIMENSION).append("\": \"").append(k.getValue())
              .append("\", \"RegioS\": \"").append(pad(cfg.codeOn(g.region, per.start())))
              .append("\", \"Perioden\": \"").append(per.cbsKey())
              .append("\", \"").append(STARTED_MEASURE).append("\": ").append(count(r, n)).append('}');
        }
      }
    }
    sb.append("\n ]\n}\n");
    write(dir.resolve(VERWIJZER_TABLE + "_TypedDataSet.json"), sb.toString(), summary);
    writePerioden(dir, VERWIJZER_TABLE, periods, nl.fromYear + nl.years - 1, summary);
    summary.records("cbs." + VERWIJZER_TABLE, id);
    return id;
  }

  /** 85100NED: young people with any care of each region and half-year (persoonskenmerk totaal), count x (1 + noise). */
  private static long writePersonen(Path dir, List<CbsStats> gemeenten, CbsStats nl, long seed, GeneratorConfig cfg,
      GenerationSummary summary) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 14);
    sb.append("{\n \"odata.metadata\": \"").append(metadata(PERSONEN_TABLE)).append("\",\n \"value\": [");
    long id = 0;
    List<Period> halfYears = new java.util.ArrayList<>();
    for (Period p : nl.periods) if (p.isHalfYear()) halfYears.add(p);
    for (CbsStats g : concat(nl, gemeenten)) {
      for (int i = 0; i < nl.periods.size(); i++) {
        Period per = nl.periods.get(i);
        if (!per.isHalfYear()) continue;
        SplittableRandom r = Rng.of(seed, Rng.hash(g.region), Rng.hash(per.cbsKey()), 0x85100L);
        sb.append(id == 0 ? "\n" : ",\n");
        sb.append("  {\"ID\": ").append(id++)
            .append(", \"").append(CbsTables.PERSOONSKENMERKEN_DIMENSION).append("\": \"").append(CbsTables.PERSOONSKENMERKEN_TOTAAL)
            .append("\", \"RegioS\": \"").append(pad(cfg.codeOn(g.region, per.start())))
            .append("\", \"Perioden\": \"").append(per.cbsKey())
            .append("\", \"").append(JEUGDZORG_MEASURE).append("\": ").append(count(r, g.jeugdzorg[i])).append('}');
      }
    }
    sb.append("\n ]\n}\n");
    write(dir.resolve(PERSONEN_TABLE + "_TypedDataSet.json"), sb.toString(), summary);
    writePerioden(dir, PERSONEN_TABLE, halfYears, nl.fromYear + nl.years - 1, summary);
    summary.records("cbs." + PERSONEN_TABLE, id);
    return id;
  }

  /** A count counted "the CBS way": x (1 + noise), rounded; null at random. */
  static String count(SplittableRandom r, long n) {
    double noise = 1 + NOISE_SD * Rng.normal(r);
    if (r.nextDouble() < RANDOM_NULL_P) return "null";
    return Long.toString(Math.max(0, Math.round(n * noise)));
  }

  private static List<CbsStats> concat(CbsStats nl, List<CbsStats> gemeenten) {
    java.util.ArrayList<CbsStats> l = new java.util.ArrayList<>(gemeenten.size() + 1);
    l.add(nl);
    l.addAll(gemeenten);
    return l;
  }

  /** A percentage rounded to one decimal, or null when too few are counted (or at random). */
  static Double cell(SplittableRandom r, double numerator, long count, long denominator) {
    double noise = 1 + NOISE_SD * Rng.normal(r);
    boolean randomNull = r.nextDouble() < RANDOM_NULL_P;
    if (denominator < MIN_COUNT * 4L || count < MIN_COUNT || randomNull) return null;
    double v = 100.0 * numerator / denominator * noise;
    return Math.round(Math.min(100, Math.max(0, v)) * 10) / 10.0;
  }

  static String num(Double v) {
    return v == null ? "null" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static void write(Path p, String s, GenerationSummary summary) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    Files.write(p, b);
    summary.file("cbs", b.length);
  }
}
