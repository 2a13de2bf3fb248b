package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTable;

/** conf/indicators.csv: the texts of every indicator code (read with ConfTable). */
public final class IndicatorCatalogue implements Serializable {
  public static final String FILE = "indicators.csv";
  public static final List<String> COLUMNS =
      List.of("code", "naam_nl", "name_en", "definitie", "teller", "noemer", "eenheid", "bron");

  /** One catalogue entry. */
  public record Entry(
      String code, String naamNl, String nameEn, String definitie, String teller, String noemer, String eenheid, String bron)
      implements Serializable {}

  private final List<Entry> entries;

  private IndicatorCatalogue(List<Entry> entries) {
    this.entries = entries;
  }

  public static IndicatorCatalogue load(String confDir) {
    ConfTable t = ConfTable.load(confDir, FILE);
    if (!t.header().equals(COLUMNS)) {
      throw new IllegalStateException(FILE + ": expected columns " + COLUMNS + ", found " + t.header());
    }
    List<Entry> out = new ArrayList<>();
    for (Map<String, String> r : t.rows()) {
      out.add(new Entry(r.get("code"), r.get("naam_nl"), r.get("name_en"), r.get("definitie"), r.get("teller"),
          r.get("noemer"), r.get("eenheid"), r.get("bron")));
    }
    return new IndicatorCatalogue(List.copyOf(out));
  }

  public List<Entry> entries() {
    return entries;
  }
}
