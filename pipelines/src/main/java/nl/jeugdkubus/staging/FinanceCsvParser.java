package nl.jeugdkubus.staging;

import java.util.List;
import java.util.Map;
import nl.jeugdkubus.model.CbsCell;

/**
 * Reads the optional municipal finance table (docs/input-formats.md "Finance table"): one row per
 * gemeente, jaar and post with the bedrag in euros, e.g. {@code GM0197;2023;6.72;12500000,00}. Each row
 * becomes a {@link CbsCell} of table {@value #TABLE} (regio = gemeente, period = the year, measure = the
 * post), so it travels with the CBS tables as one small side input. Checks: header names the four
 * columns; gemeente GM + 4 digits; jaar four digits 2000-2099; post present; bedrag euros with a decimal
 * comma (a leading minus allowed), at most two decimals.
 */
public final class FinanceCsvParser extends CsvFileParser<CbsCell> {
  public static final String SOURCE = "financien";
  public static final String RECORD_TYPE = "FINANCIEN";
  /** The table id the marts look for. */
  public static final String TABLE = "financien";
  public static final List<String> REQUIRED_COLUMNS = List.of("gemeente", "jaar", "post", "bedrag");

  /** The table has no BSN column: its dead letters carry no masked id. */
  public FinanceCsvParser() {
    this(StagingRules.defaults(null));
  }

  /** @param rules the run's gemeente codes (a merged-away gemeente's posts are added to its gemeente now) */
  public FinanceCsvParser(StagingRules rules) {
    super(SOURCE, RECORD_TYPE, REQUIRED_COLUMNS, "bsn", rules);
  }


  @Override
  CbsCell convert(String fileName, String position, Fields f, Issues issues) {
    String gemeente = gemeente(f, "gemeente", issues);
    String jaar = required(f, "jaar", issues);
    if (jaar != null && !jaar.matches("20\\d\\d")) {
      issues.add(Reasons.INVALID_NUMBER, "jaar " + StagingValues.safe(jaar) + " is not a year 2000-2099");
    }
    String post = required(f, "post", issues);
    String bedrag = required(f, "bedrag", issues);
    Long cents = null;
    if (bedrag != null) {
      boolean negative = bedrag.startsWith("-");
      cents = StagingValues.euroCommaToCents(negative ? bedrag.substring(1) : bedrag);
      if (cents == null) {
        issues.add(Reasons.INVALID_AMOUNT, "bedrag " + StagingValues.safe(bedrag) + " is not euros with a decimal comma (e.g. 1250000,00)");
      } else if (negative) {
        cents = -cents;
      }
    }
    if (!issues.isEmpty()) return null;
    return CbsCell.newBuilder()
        .setSourceFile(fileName)
        .setPosition(position)
        .setTableId(TABLE)
        .setRegioCode(gemeente)
        .setPeriodeKey(jaar + "JJ00")
        .setDimensions(Map.of())
        .setMeasure(post.toLowerCase(java.util.Locale.ROOT))
        .setValue(cents / 100.0)
        .setStatus(null)
        .build();
  }
}
