package nl.jeugdkubus.staging;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;

/** The code lists the readers check against: JZ020 productcategorie (conf/hulpvorm-mapping.csv), COD327 verwijzer (conf/verwijzers.csv). */
public final class ProductCategories {
  public static final String CONF_FILE = "hulpvorm-mapping.csv";

  private ProductCategories() {}

  /** Loads the codes from confDir, or from the classpath copy of conf/ when confDir is null. */
  public static Set<String> load(String confDir) {
    return codes(confDir, CONF_FILE, "jz020");
  }

  /** The COD327 verwijzer codes of conf/verwijzers.csv (without the cube's own 'onbekend'). */
  public static Set<String> verwijzers(String confDir) {
    Set<String> codes = new LinkedHashSet<>(codes(confDir, "verwijzers.csv", "cod327"));
    codes.remove("onbekend");
    return Collections.unmodifiableSet(codes);
  }

  /** The non-blank values of one column of a conf table; a table without any is a configuration error. */
  static Set<String> codes(String confDir, String file, String column) {
    ConfTable t = ConfTable.load(confDir, file);
    Set<String> codes = new LinkedHashSet<>();
    for (Map<String, String> row : t.rows()) {
      String c = row.get(column);
      if (c != null && !c.isBlank()) codes.add(c.trim());
    }
    if (codes.isEmpty()) throw new IllegalStateException(file + " has no " + column + " codes");
    return Collections.unmodifiableSet(codes);
  }
}
