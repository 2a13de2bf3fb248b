package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.jeugdkubus.common.Euros;
import nl.jeugdkubus.model.Declaratie;

/**
 * Decides which declaration lines of one person count in the costs (docs/linkage.md "Declarations").
 * A prestatie is identified by declaratienummer + referentienummer + debet/credit; its content is its
 * ProductPeriode (begin, end) and amount.
 * <ul>
 *   <li>Same key, same content as a line already counted: a redelivery, counted once
 *       ({@code DUPLICATE_PRESTATIE}, or {@code DUPLICATE_ACROSS_SOURCES} when the counted copy came in
 *       the other source).</li>
 *   <li>Same key, different content, in the same source: {@code CONFLICTING_PRESTATIE}, reported and
 *       <em>counted as well</em> (the provider declared both lines, and a JW323's TotaalIngediendBedrag,
 *       checked in staging, includes both).</li>
 *   <li>Same key, different content, only in the other source: {@code CONFLICT_ACROSS_SOURCES}: the
 *       JW323 copy counts (it is validated against its XSD and its total), the CSV line does not.</li>
 *   <li>A credit line must cancel a debit of the same person: same gemeente, aanbieder, ToewijzingNummer
 *       and ProductPeriode, with at least the credit's amount not yet credited. Otherwise
 *       {@code CREDIT_WITHOUT_DEBIT}: not counted (it would lower the costs for a delivery the run does
 *       not know).</li>
 * </ul>
 * Pure logic: the input order (JW323 first, then file and position) decides which copy is "first".
 */
final class DeclarationLines {
  private DeclarationLines() {}

  static final String DUPLICATE_PRESTATIE = "DUPLICATE_PRESTATIE";
  static final String DUPLICATE_ACROSS_SOURCES = "DUPLICATE_ACROSS_SOURCES";
  static final String CONFLICTING_PRESTATIE = "CONFLICTING_PRESTATIE";
  static final String CONFLICT_ACROSS_SOURCES = "CONFLICT_ACROSS_SOURCES";
  static final String CREDIT_WITHOUT_DEBIT = "CREDIT_WITHOUT_DEBIT";

  /**
   * What happens to one line: counted or not, and the reason and detail of its dead letter (null when
   * there is nothing to report). A counted line with a reason is reported but still in the costs.
   */
  record Verdict(Declaratie line, boolean counted, String reason, String detail) {}

  static List<Verdict> judge(List<Declaratie> lines) {
    List<Verdict> out = new ArrayList<>(lines.size());
    Map<String, List<Declaratie>> countedByKey = new HashMap<>();
    for (Declaratie d : lines) {
      String key = d.getDeclaratieNummer() + "|" + d.getReferentieNummer() + "|" + d.getDebetCredit();
      List<Declaratie> counted = countedByKey.computeIfAbsent(key, k -> new ArrayList<>());
      if (counted.isEmpty()) {
        counted.add(d);
        out.add(new Verdict(d, true, null, null));
        continue;
      }
      Declaratie same = counted.stream().filter(c -> sameContent(c, d)).findFirst().orElse(null);
      String id = "prestatie " + d.getDeclaratieNummer() + "/" + d.getReferentieNummer() + " (" + d.getDebetCredit() + ")";
      if (same != null) {
        boolean across = !same.getSourceFormat().equals(d.getSourceFormat());
        out.add(new Verdict(d, false, across ? DUPLICATE_ACROSS_SOURCES : DUPLICATE_PRESTATIE,
            id + " " + (across ? "also arrived in the other declaration source" : "declared more than once") + "; counted once"));
      } else if (counted.stream().anyMatch(c -> c.getSourceFormat().equals(d.getSourceFormat()))) {
        counted.add(d);
        out.add(new Verdict(d, true, CONFLICTING_PRESTATIE, id + " was declared before with other content ("
            + content(counted.get(0)) + "); this line (" + content(d) + ") counts as well: both are in the costs"));
      } else {
        out.add(new Verdict(d, false, CONFLICT_ACROSS_SOURCES, id + " arrived in the " + counted.get(0).getSourceFormat()
            + " source with other content (" + content(counted.get(0)) + "); that copy counts, this line ("
            + content(d) + ") does not"));
      }
    }
    matchCredits(out);
    return out;
  }

  /** Credits take from the counted debits of their delivery; a credit with nothing left to cancel does not count. */
  private static void matchCredits(List<Verdict> verdicts) {
    Map<String, Long> debits = new HashMap<>();
    for (Verdict v : verdicts) {
      if (v.counted() && "D".equals(v.line().getDebetCredit())) debits.merge(delivery(v.line()), v.line().getBedragCenten(), Long::sum);
    }
    Map<String, Long> credited = new HashMap<>();
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict v = verdicts.get(i);
      Declaratie d = v.line();
      if (!v.counted() || !"C".equals(d.getDebetCredit())) continue;
      String k = delivery(d);
      long available = debits.getOrDefault(k, 0L) - credited.getOrDefault(k, 0L);
      if (d.getBedragCenten() <= available) {
        credited.merge(k, d.getBedragCenten(), Long::sum);
      } else {
        verdicts.set(i, new Verdict(d, false, CREDIT_WITHOUT_DEBIT, "credit " + Euros.of(d.getBedragCenten())
            + " (prestatie " + d.getDeclaratieNummer() + "/" + d.getReferentieNummer() + ", toewijzing "
            + (d.getToewijzingNummer() == null ? "(none)" : d.getToewijzingNummer()) + ", " + period(d)
            + ") has no debit of this person left to cancel (debits " + Euros.of(debits.getOrDefault(k, 0L))
            + ", credited before " + Euros.of(credited.getOrDefault(k, 0L)) + "); not counted"));
      }
    }
  }

  private static String delivery(Declaratie d) {
    return d.getGemeenteCode() + "|" + d.getAanbiederCode() + "|" + d.getToewijzingNummer() + "|" + d.getPeriodeBegin()
        + "|" + d.getPeriodeEind();
  }

  static boolean sameContent(Declaratie a, Declaratie b) {
    return Objects.equals(a.getPeriodeBegin(), b.getPeriodeBegin()) && Objects.equals(a.getPeriodeEind(), b.getPeriodeEind())
        && a.getBedragCenten() == b.getBedragCenten();
  }

  private static String content(Declaratie d) {
    return period(d) + ", " + Euros.of(d.getBedragCenten());
  }

  private static String period(Declaratie d) {
    return d.getPeriodeBegin() + ".." + d.getPeriodeEind();
  }
}
