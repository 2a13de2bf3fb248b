package nl.jeugdkubus.staging;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;

/** The code lists the readers check against: JZ020 productcategorie (conf/hulpvorm-mapping.csv), COD327 verwijzer (conf/verwijzers.csv). */
public final class ProductCategories {
  public static final String CONF_FILE = "hulpvorm-mapping.csv";

  private ProductCategories() {}

  /** The JZ020 codes of the run's configuration tables (null: the packaged conf/). */
  public static Set<String> load(ConfTables conf) {
    return codes(conf, CONF_FILE, "jz020");
  }

  /** The COD327 verwijzer codes of conf/verwijzers.csv (without the cube's own 'onbekend'). */
  public static Set<String> verwijzers(ConfTables conf) {
    Set<String> codes = new LinkedHashSet<>(codes(conf, "verwijzers.csv", "cod327"));
    codes.remove("onbekend");
    return Collections.unmodifiableSet(codes);
  }

  /** The non-blank values of one column of a conf table; a table without any is a configuration error. */
  static Set<String> codes(ConfTables conf, String file, String column) {
    ConfTable t = (conf == null ? ConfTables.packaged() : conf).table(file);
    Set<String> codes = new LinkedHashSet<>();
    for (Map<String, String> row : t.rows()) {
      String c = row.get(column);
      if (c != null && !c.isBlank()) codes.add(c.trim());
    }
    if (codes.isEmpty()) throw new IllegalStateException(file + " has no " + column + " codes");
    return Collections.unmodifiableSet(codes);
  }
}
