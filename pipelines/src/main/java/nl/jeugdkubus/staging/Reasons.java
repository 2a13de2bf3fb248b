package nl.jeugdkubus.staging;

/** Reason codes of the dead letters written by the staging readers (see docs/staging.md). */
public final class Reasons {
  private Reasons() {}

  /** The pipeline step name in {@code DeadLetter.stage}. */
  public static final String STAGE = "staging";

  /** CSV row with the wrong number of fields, a broken quote, or a JSON row that is not an object. */
  public static final String MALFORMED_ROW = "MALFORMED_ROW";
  /** A required value is empty or absent. */
  public static final String MISSING_FIELD = "MISSING_FIELD";
  /** The header of a CSV file lacks a required column: one dead letter for the whole file. */
  public static final String MISSING_COLUMN = "MISSING_COLUMN";
  /** A date that does not exist (2027-06-31) or is not written as a date. */
  public static final String INVALID_DATE = "INVALID_DATE";
  /** An amount that is not euros with a decimal comma (CSV) or whole cents (iJw). */
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
  /** A count or measure value that is not a number. */
  public static final String INVALID_NUMBER = "INVALID_NUMBER";
  /** A coded value outside its fixed domain (geslacht, soort, debet/credit, gemeente code form). */
  public static final String INVALID_CODE = "INVALID_CODE";
  /** A BSN that is not 8 or 9 digits after removing spaces, dots and dashes. */
  public static final String INVALID_BSN = "INVALID_BSN";
  /** A code not in the configured code list (JZ020 productcategorie not in conf/hulpvorm-mapping.csv). */
  public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
  /** An iJw message of a type jeugdkubus does not read (JW315, JW302, ...) or not an iJw 3.2 message. */
  public static final String UNSUPPORTED_MESSAGE = "UNSUPPORTED_MESSAGE";
  /** XML or JSON that cannot be parsed: one dead letter for the whole file. */
  public static final String NOT_WELL_FORMED = "NOT_WELL_FORMED";
  /** A file without a header (CSV) or an iJw message without any product/prestatie. */
  public static final String EMPTY_FILE = "EMPTY_FILE";
  /** A JSON file that is not an OData TypedDataSet (no "value" array). */
  public static final String NOT_A_TABLE = "NOT_A_TABLE";
  /** A CBS row with a region and period but no measure column. */
  public static final String NO_MEASURES = "NO_MEASURES";
  /** A CSV line that is neither UTF-8 nor Windows-1252 text, or holds control characters (docs/reliability.md "Encoding"). */
  public static final String INVALID_ENCODING = "INVALID_ENCODING";
  /** A CSV line longer than the reader keeps (64 KiB). */
  public static final String LINE_TOO_LONG = "LINE_TOO_LONG";
  /** A gemeente code (GM + 4 digits) that is neither in conf/gemeenten-2026.csv nor merged away in conf/herindelingen.csv. */
  public static final String UNKNOWN_GEMEENTE = "UNKNOWN_GEMEENTE";
  /** With --boundaries=Y: a gemeente created by a samenvoeging after 1 January Y (it cannot be split onto the older boundaries). */
  public static final String NOT_ON_BOUNDARIES = "NOT_ON_BOUNDARIES";
  /** A CBS period key that is not yyyyJJ00, yyyyHJ01-02, yyyyKW01-04 or yyyyMM01-12 (CbsPeriodKey). */
  public static final String INVALID_PERIOD = "INVALID_PERIOD";
  /** A valid date outside the plausibility window (DatePlausibility; docs/reliability.md "Plausibility rules"). */
  public static final String IMPLAUSIBLE_DATE = "IMPLAUSIBLE_DATE";
  /**
   * Not a dead letter: the missing-value reason a CBS cell carries (CbsCell.missingReason) when CBS
   * published '.' or null (secret or not available); the cell is kept with value null.
   */
  public static final String SECRET_OR_UNKNOWN = "SECRET_OR_UNKNOWN";
  /**
   * An iJw message (JW301/305/307/323) that does not conform to its iJw 3.2 XSD: the records it touches
   * (docs/reliability.md "XSD validation"); the detail holds the validator's masked message with line/column.
   */
  public static final String SCHEMA_INVALID = "SCHEMA_INVALID";
  /** A JW323 whose TotaalIngediendBedrag differs from the signed sum of its prestaties: every prestatie of it. */
  public static final String TOTAL_MISMATCH = "TOTAL_MISMATCH";
  /** The file could not be read (I/O error). */
  public static final String READ_ERROR = "READ_ERROR";
}
