package nl.jeugdkubus.report;

import java.util.Map;

/**
 * One published row as the report uses it: the table, indicator, periode, area, the breakdown values
 * (leeftijdsklasse, geslacht, hulpvorm, verwijzer, productcategorie), the published value (null when
 * suppressed) and its unit. Nothing here is computed: every field is a column of schemas/PublishedRow.avsc.
 */
public record Cell(String tabel, String indicator, String periode, String gemeente, String gemeenteNaam, String regio,
    Map<String, String> dims, Double waarde, String eenheid, boolean onderdrukt, String cbsStatus, String runId) {

  public static final String TOTAAL = "totaal";

  /** The value of a breakdown dimension ('totaal' when the row has none). */
  public String dim(String name) {
    return dims.getOrDefault(name, TOTAAL);
  }

  /** True when every breakdown dimension except {@code except} (may be null) is 'totaal'. */
  public boolean totalsExcept(String except) {
    for (Map.Entry<String, String> e : dims.entrySet()) {
      if (!e.getKey().equals(except) && !TOTAAL.equals(e.getValue())) return false;
    }
    return true;
  }
}
