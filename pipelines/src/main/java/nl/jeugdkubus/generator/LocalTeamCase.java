package nl.jeugdkubus.generator;

import java.time.LocalDate;

/** A trajectory of the local (wijk)team. */
final class LocalTeamCase {
  final Person person;
  final LocalDate aanmeld; // may be null (not registered)
  final LocalDate start;
  /** When the support really ended; null = still running at the end of the range. */
  LocalDate trueEnd;
  /** The einddatum the team registered (late, or never); null = open in the export. */
  LocalDate registeredEnd;
  final String signaleerder; // may be null
  final String typeOndersteuning;
  boolean geslachtOnbekend;
  boolean noWijk;
  boolean noPostcode;
  long seq;
  String registratieId;

  LocalTeamCase(Person person, LocalDate aanmeld, LocalDate start, String signaleerder, String typeOndersteuning) {
    this.person = person;
    this.aanmeld = aanmeld;
    this.start = start;
    this.signaleerder = signaleerder;
    this.typeOndersteuning = typeOndersteuning;
  }
}
