package nl.jeugdkubus.staging;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.ConfTable;

/** The JZ020 productcategorie codes jeugdkubus knows: the jz020 column of conf/hulpvorm-mapping.csv. */
public final class ProductCategories {
  public static final String CONF_FILE = "hulpvorm-mapping.csv";

  private ProductCategories() {}

  /** Loads the codes from confDir, or from the classpath copy of conf/ when confDir is null. */
  public static Set<String> load(String confDir) {
    ConfTable t = ConfTable.load(confDir, CONF_FILE);
    Set<String> codes = new LinkedHashSet<>();
    for (Map<String, String> row : t.rows()) {
      String c = row.get("jz020");
      if (c != null && !c.isBlank()) codes.add(c.trim());
    }
    if (codes.isEmpty()) throw new IllegalStateException(CONF_FILE + " has no jz020 codes");
    return Collections.unmodifiableSet(codes);
  }
}
