package nl.jeugdkubus.staging;

import java.util.List;
import java.util.Set;
import nl.jeugdkubus.model.RegistrationRow;

/**
 * Reads the municipal registrations CSV (docs/input-formats.md section 1) into {@link RegistrationRow}s.
 * Checks: header names the required columns (any order, extra columns ignored); each row has the
 * header's field count; required fields present; BSN 8/9 digits (8 gets its leading zero back);
 * dates valid (ISO or dd-MM-yyyy, written out as ISO); geslacht M/V/O; gemeentecode GM + 4 digits;
 * soort lokaal_team/toegang; startdatum present for lokaal_team; verwijzer_cod327, when given, a code of
 * conf/verwijzers.csv.
 */
public final class RegistrationCsvParser extends CsvFileParser<RegistrationRow> {
  public static final String SOURCE = "registraties";
  public static final String RECORD_TYPE = "REGISTRATIE";
  public static final List<String> REQUIRED_COLUMNS =
      List.of("registratie_id", "bsn", "geboortedatum", "geslacht", "gemeentecode", "soort", "startdatum");
  /** Columns read when present (a header without them is fine: the values are null). */
  public static final List<String> OPTIONAL_COLUMNS = List.of("postcode", "wijk", "type_ondersteuning",
      "signaleerder", "verwijzer_cod327", "aanmelddatum", "einddatum", "toewijzingnummer");

  private final Set<String> verwijzers;

  /** With the COD327 codes and gemeenten of the classpath copy of conf/, and the default date window. */
  public RegistrationCsvParser() {
    this(ProductCategories.verwijzers(null), StagingRules.defaults(null));
  }

  /**
   * @param verwijzers the COD327 codes a verwijzer_cod327 may hold (else UNKNOWN_CODE)
   * @param rules the run's gemeente codes and date window
   */
  public RegistrationCsvParser(Set<String> verwijzers, StagingRules rules) {
    super(SOURCE, RECORD_TYPE, REQUIRED_COLUMNS, "bsn", rules);
    this.verwijzers = Set.copyOf(verwijzers);
  }


  @Override
  RegistrationRow convert(String fileName, String position, Fields f, Issues issues) {
    String id = required(f, "registratie_id", issues);
    String bsn = bsn(f, "bsn", issues);
    String geboortedatum = date(f, "geboortedatum", true, true, issues);
    String geslacht = f.get("geslacht");
    if (geslacht == null) {
      issues.add(Reasons.MISSING_FIELD, "geslacht is empty");
    } else {
      geslacht = geslacht.toUpperCase();
      if (!geslacht.equals("M") && !geslacht.equals("V") && !geslacht.equals("O")) {
        issues.add(Reasons.INVALID_CODE, "geslacht " + StagingValues.safe(f.get("geslacht")) + " is not M, V or O");
      }
    }
    String gemeente = gemeente(f, "gemeentecode", issues);
    String soort = f.get("soort");
    if (soort == null) {
      issues.add(Reasons.MISSING_FIELD, "soort is empty");
    } else {
      soort = soort.toLowerCase();
      if (!soort.equals("lokaal_team") && !soort.equals("toegang")) {
        issues.add(Reasons.INVALID_CODE, "soort " + StagingValues.safe(f.get("soort")) + " is not lokaal_team or toegang");
      }
    }
    String aanmelddatum = date(f, "aanmelddatum", false, false, issues);
    boolean startRequired = "lokaal_team".equals(soort);
    String startdatum = date(f, "startdatum", startRequired, false, issues);
    String einddatum = date(f, "einddatum", false, false, issues);
    String verwijzer = f.get("verwijzer_cod327");
    if (verwijzer != null && !verwijzers.contains(verwijzer)) {
      issues.add(Reasons.UNKNOWN_CODE, "verwijzer_cod327 " + StagingValues.safe(verwijzer) + " is not a COD327 code in conf/verwijzers.csv");
    }
    if (!issues.isEmpty()) return null;
    return RegistrationRow.newBuilder()
        .setSourceFile(fileName)
        .setPosition(position)
        .setRegistratieId(id)
        .setBsn(bsn)
        .setGeboortedatum(geboortedatum)
        .setGeslacht(geslacht)
        .setPostcode(f.get("postcode"))
        .setGemeenteCode(gemeente)
        .setWijk(f.get("wijk"))
        .setSoort(soort)
        .setTypeOndersteuning(f.get("type_ondersteuning"))
        .setSignaleerder(f.get("signaleerder"))
        .setVerwijzerCode(verwijzer)
        .setAanmelddatum(aanmelddatum)
        .setStartdatum(startdatum)
        .setEinddatum(einddatum)
        .setToewijzingNummer(f.get("toewijzingnummer"))
        .build();
  }
}
