package nl.jeugdkubus.attack;

/**
 * One published row as an outsider reads it: the table it came from (null in the old single cube),
 * the indicator, period, area and the five breakdown dimensions, and the published numbers (null when
 * suppressed or not applicable).
 */
record Row(String tabel, String indicator, String periode, String gemeente, String leeftijd, String geslacht,
    String hulpvorm, String verwijzer, String productcategorie, Double teller, Double noemer, Double waarde,
    String eenheid, boolean onderdrukt) {

  static final String TOTAAL = "totaal";

  String dim(int d) {
    return switch (d) {
      case 0 -> leeftijd;
      case 1 -> geslacht;
      case 2 -> hulpvorm;
      case 3 -> verwijzer;
      case 4 -> productcategorie;
      default -> throw new IllegalArgumentException("dimension " + d);
    };
  }

  /** Where the row sits, for reports: indicator, period, area and the non-totaal dimensions. */
  String where() {
    StringBuilder s = new StringBuilder(indicator).append(' ').append(periode).append(' ').append(gemeente);
    String[] names = {"leeftijd", "geslacht", "hulpvorm", "verwijzer", "productcategorie"};
    for (int d = 0; d < 5; d++) {
      if (!TOTAAL.equals(dim(d))) s.append(' ').append(names[d]).append('=').append(dim(d));
    }
    if (tabel != null) s.append(" [").append(tabel).append(']');
    return s.toString();
  }
}
