package nl.jeugdkubus.staging;

import java.util.List;
import java.util.Set;
import nl.jeugdkubus.model.DeclaratieRegel;

/**
 * Reads the flat declarations CSV (docs/input-formats.md section 3) into {@link DeclaratieRegel}s with
 * sourceFormat "CSV". Amounts are euros with a decimal comma, converted to cents exactly. Checks:
 * header names the required columns; field count; required fields; BSN 8/9 digits; gemeentecode
 * GM + 4 digits; periode dates valid; amounts "1250,00" form (no sign, no point, at most 2 decimals);
 * geleverd_volume a whole number; debet_credit D or C; productcategorie known in
 * conf/hulpvorm-mapping.csv (else UNKNOWN_CODE).
 */
public final class DeclarationCsvParser extends CsvFileParser<DeclaratieRegel> {
  public static final String SOURCE = "declaraties_csv";
  public static final String RECORD_TYPE = "DECLARATIE_CSV";
  public static final String SOURCE_FORMAT = "CSV";
  public static final List<String> REQUIRED_COLUMNS = List.of("gemeentecode", "aanbieder", "declaratienummer",
      "referentienummer", "bsn", "periode_begin", "periode_eind", "bedrag", "debet_credit");
  public static final List<String> OPTIONAL_COLUMNS =
      List.of("toewijzingnummer", "productcategorie", "productcode", "geleverd_volume", "eenheid", "producttarief");

  private final Set<String> knownProductCategories;

  /** With the JZ020 codes of the classpath copy of conf/hulpvorm-mapping.csv. */
  public DeclarationCsvParser() {
    this(ProductCategories.load(null), StagingRules.defaults(null));
  }

  /** @param rules the run's gemeente codes and date window */
  public DeclarationCsvParser(Set<String> knownProductCategories, StagingRules rules) {
    super(SOURCE, RECORD_TYPE, REQUIRED_COLUMNS, "bsn", rules);
    this.knownProductCategories = Set.copyOf(knownProductCategories);
  }


  @Override
  DeclaratieRegel convert(String fileName, String position, Fields f, Issues issues) {
    String gemeente = gemeente(f, "gemeentecode", issues);
    String aanbieder = required(f, "aanbieder", issues);
    String declaratieNummer = required(f, "declaratienummer", issues);
    String referentieNummer = required(f, "referentienummer", issues);
    String bsn = bsn(f, "bsn", issues);
    String categorie = f.get("productcategorie");
    if (categorie != null && !knownProductCategories.contains(categorie)) {
      issues.add(Reasons.UNKNOWN_CODE, "productcategorie " + StagingValues.safe(categorie)
          + " is not a JZ020 code in conf/hulpvorm-mapping.csv");
    }
    String begin = date(f, "periode_begin", true, false, issues);
    String eind = date(f, "periode_eind", true, false, issues);
    Long volume = null;
    String volumeText = f.get("geleverd_volume");
    if (volumeText != null) {
      volume = StagingValues.wholeNumber(volumeText);
      if (volume == null) {
        issues.add(Reasons.INVALID_NUMBER, "geleverd_volume " + StagingValues.safe(volumeText) + " is not a whole number");
      }
    }
    Long tarief = amount(f, "producttarief", false, issues);
    Long bedrag = amount(f, "bedrag", true, issues);
    String dc = f.get("debet_credit");
    if (dc == null) {
      issues.add(Reasons.MISSING_FIELD, "debet_credit is empty");
    } else {
      dc = dc.toUpperCase();
      if (!dc.equals("D") && !dc.equals("C")) {
        issues.add(Reasons.INVALID_CODE, "debet_credit " + StagingValues.safe(f.get("debet_credit")) + " is not D or C");
      }
    }
    if (!issues.isEmpty()) return null;
    return DeclaratieRegel.newBuilder()
        .setSourceFile(fileName)
        .setPosition(position)
        .setSourceFormat(SOURCE_FORMAT)
        .setGemeenteCode(gemeente)
        .setAanbiederCode(aanbieder)
        .setDeclaratieNummer(declaratieNummer)
        .setReferentieNummer(referentieNummer)
        .setBsn(bsn)
        .setToewijzingNummer(f.get("toewijzingnummer"))
        .setProductCategorie(categorie)
        .setProductCode(f.get("productcode"))
        .setPeriodeBegin(begin)
        .setPeriodeEind(eind)
        .setGeleverdVolume(volume)
        .setEenheid(f.get("eenheid"))
        .setProductTariefCenten(tarief)
        .setBedragCenten(bedrag)
        .setDebetCredit(dc)
        .build();
  }

  private static Long amount(Fields f, String column, boolean required, Issues issues) {
    String v = f.get(column);
    if (v == null) {
      if (required) issues.add(Reasons.MISSING_FIELD, column + " is empty");
      return null;
    }
    Long cents = StagingValues.euroCommaToCents(v);
    if (cents == null) {
      issues.add(Reasons.INVALID_AMOUNT, column + " " + StagingValues.safe(v)
          + " is not euros with a decimal comma (e.g. 1250,00)");
    }
    return cents;
  }
}
