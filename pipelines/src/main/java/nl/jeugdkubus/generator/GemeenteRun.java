package nl.jeugdkubus.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates one gemeente: its young people, their care, and every file for it. Only this gemeente's
 * people are in memory; everything is written before the next gemeente starts.
 */
final class GemeenteRun {
  static final String REGISTRATIE_HEADER =
      "registratie_id;bsn;geboortedatum;geslacht;postcode;gemeentecode;wijk;soort;type_ondersteuning;"
          + "signaleerder;verwijzer_cod327;aanmelddatum;startdatum;einddatum;toewijzingnummer";
  static final String DECLARATIE_HEADER =
      "gemeentecode;aanbieder;declaratienummer;referentienummer;bsn;toewijzingnummer;productcategorie;productcode;"
          + "periode_begin;periode_eind;geleverd_volume;eenheid;producttarief;bedrag;debet_credit";
  /** Toewijzingnummers of a gemeente are gemeentenummer * this + sequence (unique nationally, < 10^9). */
  static final long NUMMER_BLOCK = 500_000L;
  /** Toewijzingen of young people who moved away are numbered in the old gemeente's block from here on. */
  static final long MOVED_NUMBERS = 400_000L;
  static final double CORRECTION_P = 0.03;
  static final String LETTERS = "ABCDEFGHJKLMNPRSTVWXZ";

  private final GeneratorConfig cfg;
  private final Gemeente g;
  private final Bsn.Space space;
  private final Path out; // null: count only (reference population for NL01)
  private final GenerationSummary summary;
  private final CareModel model;
  private final Defects defects;
  /** Where young people of this gemeente move to (Patterns), or null; its files are written only when in the run. */
  private final Gemeente moveTarget;
  private final boolean targetInRun;
  private final LocalDate rangeStart;
  private final LocalDate horizon;
  /** Declarations submitted after this day are not in the extract. */
  private final LocalDate extractDate;
  final CbsStats stats;

  /** Where a gemeente's files go, how they are named and how their declarations are numbered. */
  private record Side(Gemeente gemeente, String fileTag, String regular, String correction) {}

  GemeenteRun(GeneratorConfig cfg, Gemeente g, Aanbieder.Pool pool, Bsn.Space space, Path out, GenerationSummary summary,
      Gemeente moveTarget, boolean targetInRun) {
    this.cfg = cfg;
    this.g = g;
    this.moveTarget = moveTarget;
    this.targetInRun = targetInRun;
    this.space = space;
    this.out = out;
    this.summary = summary;
    this.rangeStart = cfg.from().start();
    this.horizon = cfg.to().end();
    this.extractDate = horizon.plusDays(45);
    this.model = new CareModel(pool, rangeStart, horizon);
    this.defects = new Defects(out == null ? 0 : cfg.defectRate(), Rng.of(cfg.seed(), Rng.hash(g.code()), 0xDEFEC7L), summary);
    this.stats = new CbsStats(g.code(), cfg.from(), cfg.to());
  }

  void run() throws IOException {
    List<Person> withCare = simulate();
    for (Person p : withCare) stats.care(p, horizon);
    if (out == null) return;
    List<Toewijzing> movedThere = new Patterns(cfg.seed(), g, moveTarget, rangeStart, horizon, this::relevant, summary).apply(withCare);
    List<LocalTeamCase> cases = new ArrayList<>();
    List<Toewijzing> toew = new ArrayList<>();
    for (Person p : withCare) {
      for (LocalTeamCase c : p.localTeam) if (relevant(c)) cases.add(c);
      for (Toewijzing t : p.toewijzingen) if (relevant(t.message)) toew.add(t);
    }
    long inData = withCare.stream().filter(p -> p.localTeam.stream().anyMatch(this::relevant)
        || p.toewijzingen.stream().anyMatch(t -> relevant(t.message))).count();
    summary.records("persons.with_care_in_data", inData);
    assignNumbers(cases, toew);
    Side home = new Side(g, "", "D", "C");
    writeRegistraties(home, cases, toew);
    writeIjw(home, toew);
    writeDeclaraties(home, toew);
    if (movedThere.isEmpty()) return;
    if (!targetInRun) {
      // moved out of the run's region: only the old gemeente's side (the 07 change and the stop) is in the data
      summary.records("persons.moved_out_of_run", movedThere.stream().map(t -> t.person.bsn).distinct().count());
      return;
    }
    numberMoved(movedThere);
    Side there = new Side(moveTarget, "_verhuisd", "V", "W");
    writeRegistraties(there, List.of(), movedThere);
    writeIjw(there, movedThere);
    writeDeclaraties(there, movedThere);
  }

  // ---------------------------------------------------------------- population and care

  private List<Person> simulate() {
    int fromYear = cfg.from().year();
    int toYear = cfg.to().year();
    double perYear = g.inhabitants() * cfg.scale() * Regions.YOUTH_SHARE / 23.0;
    SplittableRandom gr = Rng.of(cfg.seed(), Rng.hash(g.code()), 0x90901L);
    double[] wijkWeights = new double[g.wijken()];
    for (int w = 0; w < wijkWeights.length; w++) wijkWeights[w] = Rng.logNormal(gr, 1, 0.5);
    // age profile on 1 January of the first year: slightly more 20-year-olds than babies; mean 1
    double norm = 0;
    for (int a = 0; a <= 22; a++) norm += ageFactor(a);
    norm /= 23;
    List<Person> withCare = new ArrayList<>();
    int idx = 0;
    long all = 0;
    for (int y = fromYear - 23; y <= toYear; y++) {
      double f = y < fromYear ? ageFactor(fromYear - 1 - y) / norm : ageFactor(0) / norm * Math.pow(0.99, y - fromYear + 1);
      double expected = perYear * f * (1 + 0.03 * Rng.normal(gr));
      int n = (int) Math.floor(expected);
      if (gr.nextDouble() < expected - n) n++;
      int len = LocalDate.of(y, 1, 1).lengthOfYear();
      for (int i = 0; i < n; i++) {
        if (idx >= g.personCapacity()) throw new IllegalStateException("person block of " + g.code() + " exhausted");
        SplittableRandom r = Rng.of(cfg.seed(), Rng.hash(g.code()), idx);
        LocalDate birth = LocalDate.ofYearDay(y, 1 + r.nextInt(len));
        char sex = r.nextDouble() < 0.512 ? 'M' : 'V';
        int w = Rng.weighted(r, wijkWeights);
        String pc = (g.pc4Base() + w) + postcodeLetters(r);
        String wijk = String.format("WK%s%02d", g.code4(), w + 1);
        Person p = new Person(idx, space.bsn(g.personOffset() + idx), birth, sex, pc, wijk,
            r.nextInt(IjwXml.SURNAMES), r.nextInt(8));
        idx++;
        all++;
        stats.population(p);
        model.simulate(p, g, r);
        if (p.hasCare()) withCare.add(p);
      }
    }
    if (out != null) summary.persons(all, withCare.size());
    return withCare;
  }

  static double ageFactor(int age) {
    return 0.9 + 0.01 * age;
  }

  static String postcodeLetters(SplittableRandom r) {
    while (true) {
      char a = LETTERS.charAt(r.nextInt(LETTERS.length()));
      char b = LETTERS.charAt(r.nextInt(LETTERS.length()));
      String s = "" + a + b;
      if (!s.equals("SA") && !s.equals("SD") && !s.equals("SS")) return s;
    }
  }

  private boolean relevant(LocalTeamCase c) {
    return !c.start.isAfter(horizon) && (c.registeredEnd == null || !c.registeredEnd.isBefore(rangeStart));
  }

  /** A toewijzing is in the data when it was decided by the end of the range and not over before it. */
  private boolean relevant(Toewijzing t) {
    if (t.decision.isAfter(horizon)) return false;
    if (t.end != null) return !t.end.isBefore(rangeStart);
    if (t.begin != null) return true;
    return !t.toewijzingEind.isBefore(rangeStart);
  }

  private void assignNumbers(List<LocalTeamCase> cases, List<Toewijzing> toew) {
    toew.sort(Comparator.comparing((Toewijzing t) -> t.decision).thenComparing(t -> t.decisionTime).thenComparingLong(t -> t.seq));
    if (toew.size() >= MOVED_NUMBERS) throw new IllegalStateException("too many toewijzingen in " + g.code() + " for its number block; lower --scale");
    long base = g.number() * NUMMER_BLOCK;
    for (int i = 0; i < toew.size(); i++) toew.get(i).nummer = base + i + 1;
    record Row(LocalDate date, long seq, Object o) {}
    List<Row> rows = new ArrayList<>(cases.size() + toew.size());
    for (LocalTeamCase c : cases) rows.add(new Row(c.start, c.seq, c));
    for (Toewijzing t : toew) rows.add(new Row(t.decision, t.seq, t));
    rows.sort(Comparator.comparing(Row::date).thenComparingLong(Row::seq));
    for (int i = 0; i < rows.size(); i++) {
      String id = String.format("R%s-%07d", g.code4(), i + 1);
      if (rows.get(i).o() instanceof LocalTeamCase c) c.registratieId = id;
      else ((Toewijzing) rows.get(i).o()).registratieId = id;
    }
  }

  /**
   * The new gemeente's toewijzingen of young people who moved there: numbers in the old gemeente's block from
   * MOVED_NUMBERS on (unique in the country), registratie ids R<new gemeente>-9nnnnnn (each gemeente receives
   * movers from one gemeente only, the one before it in its jeugdregio).
   */
  private void numberMoved(List<Toewijzing> moved) {
    moved.sort(Comparator.comparing((Toewijzing t) -> t.decision).thenComparing(t -> t.decisionTime).thenComparingLong(t -> t.seq));
    if (moved.size() >= NUMMER_BLOCK - MOVED_NUMBERS) throw new IllegalStateException("too many moves from " + g.code());
    long base = g.number() * NUMMER_BLOCK + MOVED_NUMBERS;
    for (int i = 0; i < moved.size(); i++) {
      moved.get(i).nummer = base + i + 1;
      moved.get(i).registratieId = String.format("R%s-9%06d", moveTarget.code4(), i + 1);
    }
  }

  // ---------------------------------------------------------------- registraties

  private void writeRegistraties(Side side, List<LocalTeamCase> cases, List<Toewijzing> toew) throws IOException {
    Path dir = out.resolve("registraties");
    Files.createDirectories(dir);
    TreeMap<String, String[]> rows = new TreeMap<>();
    long lt = 0;
    long tg = 0;
    for (LocalTeamCase c : cases) {
      Person p = c.person;
      rows.put(c.registratieId, new String[] {
          c.registratieId, p.bsn, p.birth.toString(), c.geslachtOnbekend ? "O" : String.valueOf(p.sex),
          c.noPostcode ? "" : p.postcode, cfg.codeOn(side.gemeente().code(), c.start), c.noWijk ? "" : p.wijk, "lokaal_team", c.typeOndersteuning,
          nz(c.signaleerder), "", d(c.aanmeld), c.start.toString(), d(c.registeredEnd), ""});
      lt++;
    }
    for (Toewijzing t : toew) {
      Person p = t.person;
      rows.put(t.registratieId, new String[] {
          t.registratieId, p.bsn, p.birth.toString(), String.valueOf(p.sex), p.postcode, cfg.codeOn(side.gemeente().code(), t.decision), p.wijk, "toegang",
          "beschikking", nz(t.signaleerder), t.verwijzer, d(t.aanmeld), t.decision.toString(), d(t.end),
          Long.toString(t.nummer)});
      tg++;
    }
    Path file = dir.resolve("registraties_" + side.gemeente().code() + side.fileTag() + ".csv");
    long bytes;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(REGISTRATIE_HEADER);
      w.write('\n');
      for (String[] f : rows.values()) {
        for (String line : damageRegistratie(f)) {
          w.write(line);
          w.write('\n');
        }
      }
    }
    bytes = Files.size(file);
    summary.file("registraties", bytes);
    summary.records("registraties.lokaal_team", lt);
    summary.records("registraties.toegang", tg);
  }

  private List<String> damageRegistratie(String[] f) {
    if (!defects.hit(1.0)) return List.of(Csv.line(f));
    String bsn = f[1];
    Defects.Kind k;
    if (bsn.charAt(0) == '0' && defects.nextDouble() < 0.6) {
      k = Defects.Kind.BSN_8_DIGITS;
    } else {
      Defects.Kind[] kinds = {Defects.Kind.INVALID_BSN, Defects.Kind.PLACEHOLDER_BSN, Defects.Kind.IMPOSSIBLE_DATE,
          Defects.Kind.UNKNOWN_CODE, Defects.Kind.MALFORMED_ROW};
      k = kinds[defects.choose(new double[] {25, 15, 25, 15, 20})];
    }
    defects.count(k);
    switch (k) {
      case BSN_8_DIGITS -> f[1] = bsn.substring(1);
      case INVALID_BSN -> f[1] = defects.invalidBsn(bsn);
      case PLACEHOLDER_BSN -> f[1] = defects.placeholder();
      case IMPOSSIBLE_DATE -> {
        int field = defects.nextDouble() < 0.3 ? 2 : 12;
        f[field] = defects.impossibleDate(LocalDate.parse(f[field]));
      }
      case UNKNOWN_CODE -> f[10] = "07";
      case MALFORMED_ROW -> {
        return List.of(malformed(f));
      }
      default -> throw new IllegalStateException();
    }
    return List.of(Csv.line(f));
  }

  private String malformed(String[] f) {
    if (defects.nextDouble() < 0.5) {
      String[] g2 = new String[f.length - 1];
      System.arraycopy(f, 0, g2, 0, g2.length);
      return Csv.line(g2);
    }
    return Csv.line(f) + ";x";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String d(LocalDate x) {
    return x == null ? "" : x.toString();
  }

  // ---------------------------------------------------------------- iJw JW301/305/307

  private void writeIjw(Side side, List<Toewijzing> toew) throws IOException {
    String gm = side.gemeente().code();
    String gm4 = side.gemeente().code4();
    Path dir = out.resolve("ijw");
    Files.createDirectories(dir);
    Map<Toewijzing, List<Toewijzing>> messages = new LinkedHashMap<>();
    for (Toewijzing t : toew) messages.computeIfAbsent(t.message, k -> new ArrayList<>()).add(t);
    long n301 = 0;
    long n305 = 0;
    long n307 = 0;
    for (List<Toewijzing> products : messages.values()) {
      Toewijzing first = products.get(0);
      Person p = first.person;
      String name = gm + "_" + first.nummer + ".xml";
      // the first version of each product (a changed toewijzing's first Einddatum), then each change on its own
      List<Toewijzing> firstVersions = products.stream()
          .map(t -> t.change == null ? t : t.copy(t.decision, t.decisionTime, t.ingang, t.change.firstEind())).toList();
      writeXml(dir.resolve("JW301_" + name), IjwXml.jw301(gm4, p, bsnForMessage(p.bsn), firstVersions, ""), "JW301");
      n301 += products.size();
      for (Toewijzing t : products) {
        if (t.change == null || t.change.date().isAfter(horizon)) continue;
        Toewijzing v = t.copy(t.change.date(), t.change.time(), t.ingang, t.change.newEind());
        v.redenWijziging = t.change.reden();
        writeXml(dir.resolve("JW301_" + gm + "_" + t.nummer + "_W" + v.redenWijziging + ".xml"),
            IjwXml.jw301(gm4, p, bsnForMessage(p.bsn), List.of(v), "W"), "JW301");
        n301++;
      }
      SplittableRandom r = Rng.of(cfg.seed(), first.nummer, 0x305L);
      List<Toewijzing> started = products.stream().filter(t -> t.begin != null && !t.begin.isAfter(horizon)).toList();
      if (!started.isEmpty()) {
        LocalDate dag = started.get(0).begin.plusDays(Rng.between(r, 0, 5));
        writeXml(dir.resolve("JW305_" + name), IjwXml.jw305(gm4, p, bsnForMessage(p.bsn), started, dag, "1", ""), "JW305");
        n305 += started.size();
      }
      List<Toewijzing> stopped = products.stream().filter(t -> t.end != null).toList();
      if (!stopped.isEmpty()) {
        LocalDate dag = stopped.get(0).end.plusDays(Rng.between(r, 0, 10));
        writeXml(dir.resolve("JW307_" + name), IjwXml.jw307(gm4, p, bsnForMessage(p.bsn), stopped, dag, "1", ""), "JW307");
        n307 += stopped.size();
      }
      for (Toewijzing t : products) {
        if (t.withdrawal == null) continue;
        // the wrong message, then its withdrawal: the same StartProduct/StopProduct with StatusAanlevering 3
        Patterns.Withdrawal w = t.withdrawal;
        Toewijzing wrong = t.copy(t.decision, t.decisionTime, t.ingang, t.toewijzingEind);
        wrong.begin = w.begin();
        boolean stop = w.berichtType().equals("JW307");
        if (stop) {
          wrong.end = w.end();
          wrong.reden = w.reden();
        }
        LocalDate dag = (stop ? w.end() : w.begin()).plusDays(Rng.between(r, 0, 5));
        LocalDate later = dag.plusDays(Rng.between(r, 1, 20));
        String base = w.berichtType() + "_" + gm + "_" + t.nummer;
        if (stop) {
          writeXml(dir.resolve(base + "_F.xml"), IjwXml.jw307(gm4, p, bsnForMessage(p.bsn), List.of(wrong), dag, "1", "F"), "JW307");
          writeXml(dir.resolve(base + "_I.xml"), IjwXml.jw307(gm4, p, bsnForMessage(p.bsn), List.of(wrong), later, "3", "I"), "JW307");
          n307 += 2;
        } else {
          writeXml(dir.resolve(base + "_F.xml"), IjwXml.jw305(gm4, p, bsnForMessage(p.bsn), List.of(wrong), dag, "1", "F"), "JW305");
          writeXml(dir.resolve(base + "_I.xml"), IjwXml.jw305(gm4, p, bsnForMessage(p.bsn), List.of(wrong), later, "3", "I"), "JW305");
          n305 += 2;
        }
      }
    }
    summary.records("JW301.ToegewezenProduct", n301);
    summary.records("JW305.StartProduct", n305);
    summary.records("JW307.StopProduct", n307);
  }

  /** The BSN a JW301/305/307 message carries; decides the message's defect (if any) first. */
  private String pendingXmlDefect;

  private String bsnForMessage(String bsn) {
    pendingXmlDefect = null;
    if (!defects.hit(1.0)) return bsn;
    Defects.Kind k = new Defects.Kind[] {Defects.Kind.INVALID_BSN, Defects.Kind.PLACEHOLDER_BSN, Defects.Kind.NOT_WELL_FORMED_XML}
        [defects.choose(new double[] {60, 30, 10})];
    defects.count(k);
    return switch (k) {
      case INVALID_BSN -> defects.invalidBsn(bsn);
      case PLACEHOLDER_BSN -> defects.placeholder();
      default -> {
        pendingXmlDefect = "cut";
        yield bsn;
      }
    };
  }

  private void writeXml(Path file, String xml, String kind) throws IOException {
    byte[] b = xml.getBytes(StandardCharsets.UTF_8);
    if (pendingXmlDefect != null) {
      int cut = defects.cutPoint(b.length);
      byte[] c = new byte[cut];
      System.arraycopy(b, 0, c, 0, cut);
      b = c;
      pendingXmlDefect = null;
    }
    Files.write(file, b);
    summary.file(kind, b.length);
  }

  // ---------------------------------------------------------------- declarations (JW323 + CSV)

  private static final class Decl {
    final Aanbieder aanbieder;
    final Map<Person, List<IjwXml.Prestatie>> regular = new LinkedHashMap<>();
    final Map<Person, List<IjwXml.Prestatie>> corrections = new LinkedHashMap<>();

    Decl(Aanbieder a) {
      this.aanbieder = a;
    }
  }

  private void writeDeclaraties(Side side, List<Toewijzing> toew) throws IOException {
    Gemeente gem = side.gemeente();
    Path xmlDir = out.resolve("ijw");
    Path csvDir = out.resolve("declaraties");
    Files.createDirectories(csvDir);
    List<Toewijzing> started = new ArrayList<>();
    for (Toewijzing t : toew) if (t.begin != null && !t.begin.isAfter(horizon)) started.add(t);
    started.sort(Comparator.comparingLong(t -> t.nummer));
    YearMonth first = YearMonth.from(rangeStart);
    YearMonth last = YearMonth.from(horizon);
    BufferedWriter csv = null;
    Path csvFile = null;
    int csvYear = -1;
    long prestaties = 0;
    long csvRows = 0;
    try {
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        if (m.getYear() != csvYear) {
          if (csv != null) {
            csv.close();
            summary.file("declaraties", Files.size(csvFile));
          }
          csvYear = m.getYear();
          csvFile = csvDir.resolve("declaraties_" + gem.code() + "_" + csvYear + side.fileTag() + ".csv");
          csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
          csv.write(DECLARATIE_HEADER);
          csv.write('\n');
        }
        LocalDate ms = m.atDay(1);
        LocalDate me = m.atEndOfMonth();
        String ym = String.format("%04d%02d", m.getYear(), m.getMonthValue());
        TreeMap<Integer, Decl> decls = new TreeMap<>();
        for (Toewijzing t : started) {
          LocalDate until = t.deliveredUntil(horizon);
          if (t.begin.isAfter(me) || until.isBefore(ms)) continue;
          LocalDate ps = t.begin.isAfter(ms) ? t.begin : ms;
          LocalDate pe = until.isBefore(me) ? until : me;
          int days = (int) (pe.toEpochDay() - ps.toEpochDay() + 1);
          SplittableRandom r = Rng.of(cfg.seed(), t.nummer, m.getYear() * 100L + m.getMonthValue());
          long volume;
          if (t.product.perDay()) {
            volume = days;
          } else {
            volume = Math.max(1, Math.round(t.volumePerMonth * (double) days / m.lengthOfMonth() * Rng.logNormal(r, 1, 0.25)));
          }
          int tarief = t.product.tariff(m.getYear(), t.aanbieder.tariffFactor());
          String rn = t.nummer + "-" + ym + "-";
          IjwXml.Prestatie orig = new IjwXml.Prestatie(t, rn + "1", null, ps, pe, volume, tarief, volume * tarief, "D");
          Decl decl = decls.computeIfAbsent(t.aanbieder.index(), k -> new Decl(t.aanbieder));
          decl.regular.computeIfAbsent(t.person, k -> new ArrayList<>()).add(orig);
          if (r.nextDouble() < CORRECTION_P && (volume > 1 || !t.product.perDay())) {
            long nv;
            if (t.product.perDay()) {
              nv = volume - Rng.between(r, 1, (int) Math.min(5, volume - 1));
            } else {
              nv = Math.max(1, Math.round(volume * (0.6 + 0.7 * r.nextDouble())));
              if (nv == volume) nv = volume + 1;
            }
            List<IjwXml.Prestatie> cl = decl.corrections.computeIfAbsent(t.person, k -> new ArrayList<>());
            cl.add(new IjwXml.Prestatie(t, rn + "2", rn + "1", ps, pe, volume, tarief, volume * tarief, "C"));
            cl.add(new IjwXml.Prestatie(t, rn + "3", null, ps, pe, nv, tarief, nv * tarief, "D"));
          }
        }
        for (Decl decl : decls.values()) {
          Aanbieder a = decl.aanbieder;
          SplittableRandom r = Rng.of(cfg.seed(), Rng.hash(gem.code() + side.fileTag()), a.index(), m.getYear() * 100L + m.getMonthValue());
          LocalDate dag = m.plusMonths(1).atDay(Rng.between(r, 3, 20));
          String suffix = gem.code4() + String.format("%02d%02d%03d", m.getYear() % 100, m.getMonthValue(), a.index());
          String dn = side.regular() + suffix;
          String file = "JW323_" + gem.code() + "_" + a.agb() + "_" + ym + side.fileTag();
          long[] c = writeDeclaratie(side, xmlDir, csv, a, dn, file + ".xml", ms, me, dag, decl.regular);
          prestaties += c[0];
          csvRows += c[1];
          LocalDate corrDag = dag.plusDays(Rng.between(r, 20, 90));
          if (!decl.corrections.isEmpty() && !corrDag.isAfter(extractDate)) {
            long[] cc = writeDeclaratie(side, xmlDir, csv, a, side.correction() + suffix, file + "_C.xml", ms, me, corrDag, decl.corrections);
            prestaties += cc[0];
            csvRows += cc[1];
          }
        }
      }
    } finally {
      if (csv != null) {
        csv.close();
        summary.file("declaraties", Files.size(csvFile));
      }
    }
    summary.records("JW323.Prestatie", prestaties);
    summary.records("declaraties.rows", csvRows);
  }

  /** Writes one declaration as JW323 and as CSV rows (defects applied independently); returns {prestaties, rows}. */
  private long[] writeDeclaratie(Side side, Path xmlDir, BufferedWriter csv, Aanbieder a, String dn, String fileName, LocalDate ps, LocalDate pe,
      LocalDate dag, Map<Person, List<IjwXml.Prestatie>> byPerson) throws IOException {
    List<IjwXml.ClientBlock> clients = new ArrayList<>(byPerson.size());
    long nPrest = 0;
    for (Map.Entry<Person, List<IjwXml.Prestatie>> e : byPerson.entrySet()) {
      String bsn = e.getKey().bsn;
      if (defects.hit(0.5)) {
        boolean invalid = defects.nextDouble() < 2.0 / 3;
        defects.count(invalid ? Defects.Kind.INVALID_BSN : Defects.Kind.PLACEHOLDER_BSN);
        bsn = invalid ? defects.invalidBsn(bsn) : defects.placeholder();
      }
      List<IjwXml.Prestatie> list = new ArrayList<>(e.getValue().size() + 1);
      for (IjwXml.Prestatie pr : e.getValue()) {
        list.add(pr);
        if (defects.hit(0.5)) {
          defects.count(Defects.Kind.DUPLICATE_PRESTATIE);
          list.add(pr);
        }
      }
      nPrest += list.size();
      clients.add(new IjwXml.ClientBlock(bsn, list));
    }
    if (defects.hit(0.05)) {
      defects.count(Defects.Kind.NOT_WELL_FORMED_XML);
      pendingXmlDefect = "cut";
    }
    writeXml(xmlDir.resolve(fileName), IjwXml.jw323(side.gemeente().code4(), a.agb(), dn, ps, pe, dag, clients), "JW323");
    long rows = 0;
    for (Map.Entry<Person, List<IjwXml.Prestatie>> e : byPerson.entrySet()) {
      for (IjwXml.Prestatie pr : e.getValue()) {
        Toewijzing t = pr.toewijzing();
        String[] f = {
            side.gemeente().code(), a.agb(), dn, pr.referentie(), e.getKey().bsn, Long.toString(t.nummer),
            t.declaredProduct().category(), t.declaredProduct().code(),
            pr.periodeBegin().toString(), pr.periodeEind().toString(), Long.toString(pr.volume()), t.product.eenheid(),
            Csv.euros(pr.tarief()), Csv.euros(pr.bedrag()), pr.debetCredit()};
        for (String line : damageDeclaratie(f)) {
          csv.write(line);
          csv.write('\n');
          rows++;
        }
      }
    }
    return new long[] {nPrest, rows};
  }

  private List<String> damageDeclaratie(String[] f) {
    if (!defects.hit(1.0)) return List.of(Csv.line(f));
    String bsn = f[4];
    Defects.Kind k;
    if (bsn.charAt(0) == '0' && defects.nextDouble() < 0.6) {
      k = Defects.Kind.BSN_8_DIGITS;
    } else {
      Defects.Kind[] kinds = {Defects.Kind.INVALID_BSN, Defects.Kind.PLACEHOLDER_BSN, Defects.Kind.IMPOSSIBLE_DATE,
          Defects.Kind.UNKNOWN_CODE, Defects.Kind.DUPLICATE_PRESTATIE, Defects.Kind.MALFORMED_ROW, Defects.Kind.UNPARSABLE_AMOUNT};
      k = kinds[defects.choose(new double[] {15, 10, 15, 15, 15, 15, 15})];
    }
    defects.count(k);
    switch (k) {
      case BSN_8_DIGITS -> f[4] = bsn.substring(1);
      case INVALID_BSN -> f[4] = defects.invalidBsn(bsn);
      case PLACEHOLDER_BSN -> f[4] = defects.placeholder();
      case IMPOSSIBLE_DATE -> {
        int field = defects.nextDouble() < 0.5 ? 8 : 9;
        f[field] = defects.impossibleDate(LocalDate.parse(f[field]));
      }
      case UNKNOWN_CODE -> f[6] = "99";
      case DUPLICATE_PRESTATIE -> {
        String line = Csv.line(f);
        return List.of(line, line);
      }
      case MALFORMED_ROW -> {
        return List.of(malformed(f));
      }
      case UNPARSABLE_AMOUNT -> f[13] = defects.badAmount();
      default -> throw new IllegalStateException();
    }
    return List.of(Csv.line(f));
  }
}
