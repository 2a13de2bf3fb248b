package nl.jeugdkubus.intermediate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.jeugdkubus.common.Dates;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.GemeenteWissel;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.Trajectory;
import nl.jeugdkubus.model.ZorgMutatie;

/**
 * Links everything known of one pseudonymised person into CBS-style trajectories and cost lines.
 * Pure logic, no Beam; the rules are in docs/linkage.md:
 *
 * <ol>
 *   <li>Local-team registrations become local-team episodes (hulpvorm 01); toegang registrations give
 *       the verwijzer of the toewijzing they issued.</li>
 *   <li>Each toewijzing (JW301) with its JW305 start and JW307 stop becomes a specialist episode; its
 *       start is the actual start (JW305), its end the JW307 end, else the toewijzing's end date.
 *       JW305/JW307 for a toewijzing we never received form an episode of their own.</li>
 *   <li>The current version of each ToewijzingNummer replaces the earlier ones ({@link ToewijzingVersions});
 *       a withdrawn JW305/JW307 (StatusAanlevering 3) cancels the message it repeats ({@link Withdrawals}).</li>
 *   <li>Episodes of the same hulpvorm (and source) that overlap in time are merged (CBS protocol 3.3); care
 *       ended for a move continues in the next gemeente's episode as one trajectory (woonplaatsbeginsel).</li>
 *   <li>Herhaald beroep: another trajectory of the same zorgsoort ended in the five years before the
 *       start, with at least one day between.</li>
 *   <li>Declarations: a prestatie (declaratienummer + referentienummer + D/C) counts once when redelivered
 *       with the same content; conflicts and credits without a debit are decided by {@link DeclarationLines};
 *       credit lines are negative; each is matched to the person's toewijzing by ToewijzingNummer and keeps
 *       its declared productcategorie.</li>
 * </ol>
 *
 * <p>Every input record is accounted for in {@link Result#counts}: "type.linked", "type.unlinked.REASON"
 * or "type.dead.REASON" (then also in {@link Result#deadLetters}).
 */
public final class PersonLinker {
  public static final String STAGE = "linkage";
  /**
   * Count prefix of dead letters for records that still count (CONFLICTING_PRESTATIE): they are in
   * "type.linked"/"type.unlinked" and, as dead letters, in RunSummary's "dead letters written".
   */
  public static final String REPORTED = "reported.";
  public static final String BRON_LOKAAL_TEAM = "lokaal_team";
  public static final String BRON_IJW = "ijw";

  private final LinkConfig config;

  public PersonLinker(LinkConfig config) {
    this.config = config;
  }

  /** What linkage made of one person. */
  public static final class Result {
    public final PersonHistory history;
    public final List<DeadLetter> deadLetters;
    public final Map<String, Long> counts;

    Result(PersonHistory history, List<DeadLetter> deadLetters, Map<String, Long> counts) {
      this.history = history;
      this.deadLetters = deadLetters;
      this.counts = counts;
    }
  }

  /** An episode of care before merging. */
  static final class Episode {
    String bron;
    String hulpvorm;
    String zorgsoort;
    LocalDate start;
    LocalDate end;
    String reden;
    String verwijzer;
    boolean crisis;
    String gemeente;
    String wijk;
    LocalDate aanmeld;
    LocalDate toewijzingsdatum;
    /** The care ended because the client moved (JZ002 07 on the toewijzing, or JW307 reason 35 externe oorzaak). */
    boolean verhuisd;
    /** Moves merged into this episode: from that day on, that gemeente is responsible. */
    final List<GemeenteWissel> wissels = new ArrayList<>();

    String gemeenteAtEnd() {
      return wissels.isEmpty() ? gemeente : wissels.get(wissels.size() - 1).getGemeenteCode();
    }
    final LinkedHashSet<String> categorieen = new LinkedHashSet<>();
    final LinkedHashSet<String> nummers = new LinkedHashSet<>();
  }

  /** JZ588 35: voortijdig afgesloten, externe oorzaak (verhuizing, vermissing). */
  static final String EXTERNE_OORZAAK = "35";
  /** Care moved to another gemeente continues the trajectory when it starts at most this many days after the end. */
  static final int MOVE_GAP_DAYS = 31;

  public Result link(String pseudonym, List<LocalRegistration> regsIn, List<Toewijzing> toewIn,
      List<ZorgMutatie> mutIn, List<Declaratie> declIn) {
    Map<String, Long> counts = new TreeMap<>();
    List<DeadLetter> dead = new ArrayList<>();

    // Deterministic order whatever order the runner delivered the group in.
    List<LocalRegistration> regs = new ArrayList<>(regsIn);
    regs.sort(Comparator.comparing(LocalRegistration::getSourceFile).thenComparing(LocalRegistration::getPosition, PersonLinker::comparePositions));
    List<Toewijzing> toews = new ArrayList<>(toewIn);
    toews.sort(Comparator.comparing(Toewijzing::getSourceFile).thenComparing(Toewijzing::getPosition, PersonLinker::comparePositions));
    List<ZorgMutatie> muts = new ArrayList<>(mutIn);
    muts.sort(Comparator.comparing(ZorgMutatie::getSourceFile).thenComparing(ZorgMutatie::getPosition, PersonLinker::comparePositions));
    List<Declaratie> decls = new ArrayList<>(declIn);
    decls.sort(Comparator.comparing((Declaratie d) -> "JW323".equals(d.getSourceFormat()) ? 0 : 1)
        .thenComparing(Declaratie::getSourceFile).thenComparing(Declaratie::getPosition, PersonLinker::comparePositions));

    // Person attributes: registrations first, then iJw messages.
    Integer geboortejaar = null;
    String geslacht = null;
    for (LocalRegistration r : regs) {
      if (geboortejaar == null) geboortejaar = r.getGeboortejaar();
      if (geslacht == null && r.getGeslacht() != null && !r.getGeslacht().equals("O")) geslacht = r.getGeslacht();
    }
    for (Toewijzing t : toews) {
      if (geboortejaar == null) geboortejaar = t.getGeboortejaar();
      if (geslacht == null && t.getGeslacht() != null && !t.getGeslacht().equals("O")) geslacht = t.getGeslacht();
    }
    for (ZorgMutatie m : muts) {
      if (geboortejaar == null) geboortejaar = m.getGeboortejaar();
      if (geslacht == null && m.getGeslacht() != null && !m.getGeslacht().equals("O")) geslacht = m.getGeslacht();
    }
    if (geslacht == null) geslacht = "O";

    List<Episode> episodes = new ArrayList<>();

    // 1. toegang rows: verwijzer per toewijzingnummer.
    Map<String, String> verwijzerByToewijzing = new HashMap<>();
    Map<String, LocalRegistration> toegangByToewijzing = new LinkedHashMap<>();
    for (LocalRegistration r : regs) {
      if ("toegang".equals(r.getSoort()) && r.getToewijzingNummer() != null) {
        toegangByToewijzing.putIfAbsent(r.getToewijzingNummer(), r);
        String v = r.getVerwijzerCode() != null ? r.getVerwijzerCode() : config.verwijzerOfSignaleerder(r.getSignaleerder());
        verwijzerByToewijzing.putIfAbsent(r.getToewijzingNummer(), v);
      }
    }

    // 2. local-team registrations.
    for (LocalRegistration r : regs) {
      if ("toegang".equals(r.getSoort())) {
        if (r.getToewijzingNummer() == null) {
          inc(counts, "registraties.unlinked.TOEGANG_ZONDER_TOEWIJZINGNUMMER");
        } else if (toews.stream().anyMatch(t -> t.getToewijzingNummer().equals(r.getToewijzingNummer()))) {
          inc(counts, "registraties.linked");
        } else {
          inc(counts, "registraties.unlinked.TOEWIJZING_NIET_ONTVANGEN");
        }
        continue;
      }
      if (!"lokaal_team".equals(r.getSoort())) {
        deadLetter(dead, counts, "registraties", r.getSourceFile(), r.getPosition(), "UNKNOWN_SOORT",
            "soort must be lokaal_team or toegang", pseudonym, "REGISTRATIE");
        continue;
      }
      LocalDate start = Dates.parseOptional(r.getStartdatum());
      if (start == null) {
        deadLetter(dead, counts, "registraties", r.getSourceFile(), r.getPosition(), "MISSING_START",
            "local-team registration without startdatum", pseudonym, "REGISTRATIE");
        continue;
      }
      LocalDate end = Dates.parseOptional(r.getEinddatum());
      if (end != null && end.isBefore(start)) {
        deadLetter(dead, counts, "registraties", r.getSourceFile(), r.getPosition(), "END_BEFORE_START",
            "einddatum " + end + " is before startdatum " + start, pseudonym, "REGISTRATIE");
        continue;
      }
      Episode e = new Episode();
      e.bron = BRON_LOKAAL_TEAM;
      e.hulpvorm = "01";
      e.zorgsoort = "jeugdhulp";
      e.start = start;
      e.end = end;
      e.verwijzer = r.getVerwijzerCode() != null ? r.getVerwijzerCode() : config.verwijzerOfSignaleerder(r.getSignaleerder());
      e.gemeente = r.getGemeenteCode();
      e.wijk = r.getWijk();
      e.aanmeld = Dates.parseOptional(r.getAanmelddatum());
      episodes.add(e);
      inc(counts, "registraties.linked");
    }

    // 3. toewijzingen: the current (latest) version of each ToewijzingNummer replaces the earlier ones;
    //    a toewijzing whose current version says "verwijderd" (JZ002 13) counts as never sent.
    Map<String, ToewijzingVersions.Current> versions = ToewijzingVersions.of(toews);
    Map<String, Toewijzing> toewByNummer = new LinkedHashMap<>();
    Set<String> removed = new HashSet<>();
    for (Map.Entry<String, ToewijzingVersions.Current> en : versions.entrySet()) {
      ToewijzingVersions.Current cur = en.getValue();
      for (int i = 0; i < cur.replaced(); i++) inc(counts, "toewijzingen.unlinked.VERVANGEN");
      if (cur.removed()) {
        inc(counts, "toewijzingen.unlinked.VERWIJDERD");
        removed.add(en.getKey());
      } else {
        toewByNummer.put(en.getKey(), cur.toewijzing());
      }
    }

    // mutations per toewijzingnummer; a withdrawal (status 3) cancels the message it repeats
    Withdrawals.Result withdrawn = Withdrawals.apply(muts);
    withdrawn.withdrawals().forEach(m -> inc(counts, "mutaties.unlinked.INGETROKKEN"));
    withdrawn.unmatched().forEach(m -> inc(counts, "mutaties.unlinked.INGETROKKEN_ZONDER_ORIGINEEL"));
    withdrawn.cancelled().forEach(m -> inc(counts, "mutaties.unlinked.GEANNULEERD"));
    Map<String, List<ZorgMutatie>> mutByNummer = new LinkedHashMap<>();
    for (ZorgMutatie m : withdrawn.valid()) {
      if (removed.contains(m.getToewijzingNummer())) {
        inc(counts, "mutaties.unlinked.TOEWIJZING_VERWIJDERD");
        continue;
      }
      mutByNummer.computeIfAbsent(m.getToewijzingNummer(), k -> new ArrayList<>()).add(m);
    }

    // first declared period per toewijzing (a start when no JW305 arrived)
    Map<String, LocalDate> firstDeclared = new HashMap<>();
    for (Declaratie d : decls) {
      if (d.getToewijzingNummer() == null) continue;
      LocalDate b = Dates.parseOptional(d.getPeriodeBegin());
      firstDeclared.merge(d.getToewijzingNummer(), b, (a, c) -> a.isBefore(c) ? a : c);
    }

    for (Toewijzing t : toewByNummer.values()) {
      List<ZorgMutatie> ms = mutByNummer.getOrDefault(t.getToewijzingNummer(), List.of());
      LinkConfig.CareForm form = config.careForm(t.getProductCategorie());
      if (form == null) {
        deadLetter(dead, counts, "toewijzingen", t.getSourceFile(), t.getPosition(), "UNKNOWN_PRODUCTCATEGORIE",
            "productcategorie '" + t.getProductCategorie() + "' is not in conf/hulpvorm-mapping.csv", pseudonym, "JW301");
        ms.forEach(m -> inc(counts, "mutaties.unlinked.TOEWIJZING_AFGEKEURD"));
        continue;
      }
      Episode e = specialistEpisode(form, t.getGemeenteCode(), t.getProductCategorie(), t.getToewijzingNummer(), ms,
          "mutaties.linked", pseudonym, dead, counts);
      ToewijzingVersions.Current version = versions.get(t.getToewijzingNummer());
      // the municipality's first decision (Toewijzingsdatum of the earliest version), not the Ingangsdatum
      e.toewijzingsdatum = version.decision();
      e.verhuisd = e.verhuisd || version.endedByMove();
      if (e.start == null) e.start = firstDeclared.get(t.getToewijzingNummer());
      if (e.end == null && e.reden == null) e.end = Dates.parseOptional(t.getEinddatum());
      e.verwijzer = verwijzerByToewijzing.getOrDefault(t.getToewijzingNummer(), LinkConfig.UNKNOWN);
      if (LinkConfig.NO_CARE_FORM.equals(form.hulpvorm())) {
        inc(counts, "toewijzingen.unlinked.GEEN_HULPVORM");
        continue;
      }
      if (e.start == null) {
        inc(counts, "toewijzingen.unlinked.GEEN_LEVERING");
        continue;
      }
      if (e.end != null && e.end.isBefore(e.start)) e.end = e.start;
      inc(counts, "toewijzingen.linked");
      episodes.add(e);
    }

    // JW305/JW307 for toewijzingen we never received: an episode of their own
    for (Map.Entry<String, List<ZorgMutatie>> en : mutByNummer.entrySet()) {
      if (toewByNummer.containsKey(en.getKey())) continue;
      ZorgMutatie first = en.getValue().get(0);
      LinkConfig.CareForm form = config.careForm(first.getProductCategorie());
      if (form == null || LinkConfig.NO_CARE_FORM.equals(form.hulpvorm())) {
        for (ZorgMutatie m : en.getValue()) {
          deadLetter(dead, counts, "mutaties", m.getSourceFile(), m.getPosition(), "NO_TOEWIJZING_NO_CARE_FORM",
              "start/stop for an unknown toewijzing without a usable productcategorie", pseudonym, m.getBerichtType());
        }
        continue;
      }
      // used for a trajectory, but without the toewijzing behind it
      Episode e = specialistEpisode(form, first.getGemeenteCode(), first.getProductCategorie(), en.getKey(),
          en.getValue(), "mutaties.unlinked.ZONDER_TOEWIJZING", pseudonym, dead, counts);
      e.verwijzer = verwijzerByToewijzing.getOrDefault(en.getKey(), LinkConfig.UNKNOWN);
      if (e.start != null) episodes.add(e);
    }

    List<Trajectory> trajecten = merge(pseudonym, episodes, geboortejaar, geslacht);

    // 5. declarations: dedupe, resolve conflicts, match credits to debits, net, match to toewijzingen
    List<CostLine> kosten = new ArrayList<>();
    for (DeclarationLines.Verdict v : DeclarationLines.judge(decls)) {
      Declaratie d = v.line();
      String recordType = "CSV".equals(d.getSourceFormat()) ? "DECLARATIE_CSV" : "JW323";
      String source = "CSV".equals(d.getSourceFormat()) ? "declaraties_csv" : "ijw";
      if (!v.counted()) {
        deadLetter(dead, counts, "declaraties", d.getSourceFile(), d.getPosition(), v.reason(), v.detail(), pseudonym,
            recordType, source);
        continue;
      }
      if (v.reason() != null) {
        // reported, and still counted: outside the declaraties.* accounting, inside the dead-letter count
        dead.add(DeadLetters.of(source, d.getSourceFile(), d.getPosition(), STAGE, v.reason(), v.detail(), pseudonym, recordType));
        inc(counts, REPORTED + "declaraties." + v.reason());
      }
      Toewijzing t = d.getToewijzingNummer() == null ? null : toewByNummer.get(d.getToewijzingNummer());
      // costs count under the declared productcategorie (what was delivered and paid); the toewijzing's
      // only when the declaration names none we know
      String cat = config.careForm(d.getProductCategorie()) != null || t == null || t.getProductCategorie() == null
          ? d.getProductCategorie() : t.getProductCategorie();
      if (t != null && d.getProductCategorie() != null && !d.getProductCategorie().equals(t.getProductCategorie())) {
        inc(counts, "notes.ANDERE_PRODUCTCATEGORIE");
      }
      LinkConfig.CareForm form = config.careForm(cat);
      long netto = "C".equals(d.getDebetCredit()) ? -d.getBedragCenten() : d.getBedragCenten();
      kosten.add(CostLine.newBuilder()
          .setPseudonym(pseudonym)
          .setGemeenteCode(d.getGemeenteCode())
          .setProductCategorie(cat == null ? LinkConfig.UNKNOWN : cat)
          .setHulpvorm(form == null ? LinkConfig.UNKNOWN : form.hulpvorm())
          .setZorgsoort(form == null ? LinkConfig.UNKNOWN : form.zorgsoort())
          .setPeriodeBegin(d.getPeriodeBegin())
          .setPeriodeEind(d.getPeriodeEind())
          .setNettoCenten(netto)
          .setGeboortejaar(geboortejaar)
          .setGeslacht(geslacht)
          .setGekoppeld(t != null)
          .build());
      inc(counts, t != null ? "declaraties.linked"
          : removed.contains(d.getToewijzingNummer()) ? "declaraties.unlinked.TOEWIJZING_VERWIJDERD"
          : "declaraties.unlinked.GEEN_TOEWIJZING");
    }
    kosten.sort(Comparator.comparing(CostLine::getPeriodeBegin).thenComparing(CostLine::getProductCategorie)
        .thenComparingLong(CostLine::getNettoCenten));

    PersonHistory h = PersonHistory.newBuilder()
        .setPseudonym(pseudonym)
        .setGeboortejaar(geboortejaar)
        .setGeslacht(geslacht)
        .setTrajecten(trajecten)
        .setKosten(kosten)
        .build();
    return new Result(h, dead, counts);
  }

  private Episode specialistEpisode(LinkConfig.CareForm form, String gemeente, String categorie, String nummer,
      List<ZorgMutatie> ms, String usedCountKey, String pseudonym, List<DeadLetter> dead, Map<String, Long> counts) {
    Episode e = new Episode();
    e.bron = BRON_IJW;
    e.hulpvorm = form.hulpvorm();
    e.zorgsoort = form.zorgsoort();
    e.crisis = form.crisis();
    e.gemeente = gemeente;
    if (categorie != null) e.categorieen.add(categorie);
    e.nummers.add(nummer);
    LocalDate start305 = null;
    LocalDate start307 = null;
    ZorgMutatie stop = null;
    for (ZorgMutatie m : ms) {
      LocalDate begin = Dates.parseOptional(m.getBegindatum());
      if ("JW305".equals(m.getBerichtType())) {
        if (start305 == null || begin.isBefore(start305)) start305 = begin;
        inc(counts, usedCountKey);
      } else {
        LocalDate end = Dates.parseOptional(m.getEinddatum());
        if (end == null) {
          deadLetter(dead, counts, "mutaties", m.getSourceFile(), m.getPosition(), "MISSING_END",
              "JW307 without einddatum", pseudonym, "JW307");
          continue;
        }
        if (end.isBefore(begin)) {
          deadLetter(dead, counts, "mutaties", m.getSourceFile(), m.getPosition(), "END_BEFORE_START",
              "JW307 einddatum " + end + " is before its begindatum " + begin, pseudonym, "JW307");
          continue;
        }
        if (start307 == null || begin.isBefore(start307)) start307 = begin;
        if (stop == null || Dates.parse(stop.getEinddatum()).isBefore(end)) stop = m;
        inc(counts, usedCountKey);
      }
    }
    e.start = start305 != null ? start305 : start307;
    if (stop != null) {
      e.end = Dates.parse(stop.getEinddatum());
      String r = config.cbsEndReason(stop.getRedenBeeindiging());
      e.reden = r != null ? r : LinkConfig.UNKNOWN;
      e.verhuisd = EXTERNE_OORZAAK.equals(stop.getRedenBeeindiging());
    }
    return e;
  }

  /** Merges overlapping episodes of the same source and hulpvorm (CBS protocol 3.3), then sets herhaald beroep. */
  static List<Trajectory> merge(String pseudonym, List<Episode> episodes, Integer geboortejaar, String geslacht) {
    Map<String, List<Episode>> byForm = new TreeMap<>();
    for (Episode e : episodes) byForm.computeIfAbsent(e.bron + "|" + e.hulpvorm, k -> new ArrayList<>()).add(e);
    List<Episode> merged = new ArrayList<>();
    for (List<Episode> list : byForm.values()) {
      list.sort(Comparator.comparing((Episode e) -> e.start)
          .thenComparing(e -> e.end, Comparator.nullsLast(Comparator.naturalOrder())));
      Episode cur = null;
      for (Episode e : list) {
        boolean overlaps = cur != null && (cur.end == null || !e.start.isAfter(cur.end));
        // woonplaatsbeginsel: care that ended for a move and continues in another gemeente is the same
        // trajectory (CBS protocol: a move does not make a new record); that gemeente is responsible from then on
        boolean moved = cur != null && !overlaps && cur.verhuisd && !e.gemeente.equals(cur.gemeenteAtEnd())
            && !e.start.isAfter(cur.end.plusDays(MOVE_GAP_DAYS));
        if (overlaps || moved) {
          // overlap: one trajectory, first start, last end (open when any part is open)
          if (cur.end != null && (e.end == null || e.end.isAfter(cur.end))) {
            cur.end = e.end;
            cur.reden = e.reden;
            cur.verhuisd = e.verhuisd;
            if (!e.gemeente.equals(cur.gemeenteAtEnd())) {
              cur.wissels.add(GemeenteWissel.newBuilder().setVanaf(e.start.toString()).setGemeenteCode(e.gemeente).build());
            }
          }
          cur.categorieen.addAll(e.categorieen);
          cur.nummers.addAll(e.nummers);
          if (cur.toewijzingsdatum == null || (e.toewijzingsdatum != null && e.toewijzingsdatum.isBefore(cur.toewijzingsdatum))) {
            cur.toewijzingsdatum = e.toewijzingsdatum;
          }
          if (cur.aanmeld == null) cur.aanmeld = e.aanmeld;
          if (LinkConfig.UNKNOWN.equals(cur.verwijzer) && e.verwijzer != null) cur.verwijzer = e.verwijzer;
        } else {
          if (cur != null) merged.add(cur);
          cur = e;
        }
      }
      if (cur != null) merged.add(cur);
    }
    merged.sort(Comparator.comparing((Episode e) -> e.start).thenComparing(e -> e.bron).thenComparing(e -> e.hulpvorm));

    List<Trajectory> out = new ArrayList<>();
    for (Episode t : merged) {
      boolean herhaald = false;
      for (Episode u : merged) {
        if (u == t || u.end == null || !u.zorgsoort.equals(t.zorgsoort)) continue;
        // ended at least one whole day before the start, and within five years before it
        if (!u.end.isAfter(t.start.minusDays(2)) && !u.end.isBefore(t.start.minusYears(5))) {
          herhaald = true;
          break;
        }
      }
      out.add(Trajectory.newBuilder()
          .setPseudonym(pseudonym)
          .setTrajectId(pseudonym + "|" + t.start + "|" + t.hulpvorm + (BRON_LOKAAL_TEAM.equals(t.bron) ? "|lt" : ""))
          .setGemeenteCode(t.gemeente)
          .setWijk(t.wijk)
          .setZorgsoort(t.zorgsoort)
          .setBron(t.bron)
          .setHulpvorm(t.hulpvorm)
          .setProductCategorieen(new ArrayList<>(t.categorieen))
          .setToewijzingNummers(new ArrayList<>(t.nummers))
          .setStartdatum(t.start.toString())
          .setEinddatum(t.end == null ? null : t.end.toString())
          .setRedenBeeindigingCbs(t.end == null ? null : t.reden)
          .setVerwijzerCode(t.verwijzer == null ? LinkConfig.UNKNOWN : t.verwijzer)
          .setCrisis(t.crisis)
          .setHerhaaldBeroep(herhaald)
          .setGeboortejaar(geboortejaar)
          .setGeslacht(geslacht)
          .setAanmelddatum(t.aanmeld == null ? null : t.aanmeld.toString())
          .setToewijzingsdatum(t.toewijzingsdatum == null ? null : t.toewijzingsdatum.toString())
          .setGemeenteWissels(new ArrayList<>(t.wissels))
          .build());
    }
    return out;
  }

  private static void deadLetter(List<DeadLetter> dead, Map<String, Long> counts, String type, String file,
      String position, String reason, String detail, String pseudonym, String recordType) {
    deadLetter(dead, counts, type, file, position, reason, detail, pseudonym, recordType,
        type.equals("registraties") ? "registraties" : "ijw");
  }

  private static void deadLetter(List<DeadLetter> dead, Map<String, Long> counts, String type, String file,
      String position, String reason, String detail, String pseudonym, String recordType, String source) {
    dead.add(DeadLetters.of(source, file, position, STAGE, reason, detail, pseudonym, recordType));
    inc(counts, type + ".dead." + reason);
  }

  private static void inc(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  /** Natural order of positions: "line 9" before "line 10", "Prestatie[2]" before "Prestatie[10]". */
  static int comparePositions(String a, String b) {
    String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      boolean na = !pa[i].isEmpty() && Character.isDigit(pa[i].charAt(0));
      boolean nb = !pb[i].isEmpty() && Character.isDigit(pb[i].charAt(0));
      int c = na && nb ? Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i])) : pa[i].compareTo(pb[i]);
      if (c != 0) return c;
    }
    return Integer.compare(pa.length, pb.length);
  }
}
