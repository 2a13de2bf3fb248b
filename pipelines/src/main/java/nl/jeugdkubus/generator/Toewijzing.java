package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One toegewezen product (one ToewijzingNummer) and what happened to it: JW301 toewijzing, JW305
 * start, JW307 stop, monthly JW323 prestaties, and the toegang row of the municipal registration.
 */
final class Toewijzing {
  final Person person;
  /** Products issued in the same JW301 message share the message key (the first product's). */
  Toewijzing message;
  final Product product;
  final Aanbieder aanbieder;
  final String verwijzer; // COD327
  final String signaleerder; // may be null
  final LocalDate aanmeld;
  final LocalDate decision; // Toewijzingsdatum
  final LocalTime decisionTime;
  final LocalDate ingang;
  final LocalDate toewijzingEind;
  /** JW305 Begindatum; null = never started. */
  LocalDate begin;
  /** JW307 Einddatum (actual end); null = still running at the horizon. */
  LocalDate end;
  String reden; // JZ588 when end != null
  long nummer; // assigned per gemeente, chronologically
  String registratieId;
  int volumePerMonth; // for the JW301 Omvang
  long seq; // creation order within the gemeente
  /** JZ002 RedenWijziging when this object is a changed version of a toewijzing (written to its own JW301). */
  String redenWijziging;
  /** The patterns of real data (Patterns); null when none applies. */
  Patterns.Change change;
  Patterns.Withdrawal withdrawal;
  /** The product the aanbieder declares when it differs from the toegewezen product (other category). */
  Product declared;

  Toewijzing(Person person, Product product, Aanbieder aanbieder, String verwijzer, String signaleerder,
      LocalDate aanmeld, LocalDate decision, LocalTime decisionTime, LocalDate ingang, LocalDate toewijzingEind) {
    this.person = person;
    this.product = product;
    this.aanbieder = aanbieder;
    this.verwijzer = verwijzer;
    this.signaleerder = signaleerder;
    this.aanmeld = aanmeld;
    this.decision = decision;
    this.decisionTime = decisionTime;
    this.ingang = ingang;
    this.toewijzingEind = toewijzingEind;
    this.message = this;
  }

  String category() {
    return product.category();
  }

  /** The product on the declarations: the toegewezen one unless the aanbieder declares another category. */
  Product declaredProduct() {
    return declared != null ? declared : product;
  }

  /** A copy for writing another version or message of this toewijzing (same number, person, product). */
  Toewijzing copy(LocalDate decision, LocalTime decisionTime, LocalDate ingang, LocalDate toewijzingEind) {
    Toewijzing t = new Toewijzing(person, product, aanbieder, verwijzer, signaleerder, aanmeld, decision, decisionTime,
        ingang, toewijzingEind);
    t.begin = begin;
    t.end = end;
    t.reden = reden;
    t.nummer = nummer;
    t.registratieId = registratieId;
    t.volumePerMonth = volumePerMonth;
    t.seq = seq;
    return t;
  }

  /** Last day care was delivered within the data (end, or the horizon when still running). */
  LocalDate deliveredUntil(LocalDate horizon) {
    return end == null ? horizon : end;
  }
}
