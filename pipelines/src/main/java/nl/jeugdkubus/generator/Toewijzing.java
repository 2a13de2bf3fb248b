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

  /** Last day care was delivered within the data (end, or the horizon when still running). */
  LocalDate deliveredUntil(LocalDate horizon) {
    return end == null ? horizon : end;
  }
}
