package nl.jeugdkubus.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small ';'-separated table from {@code conf/} (code lists, mappings, region lists). Lines starting
 * with '#' are comments; the first other line is the header. A run reads all of them once, into
 * {@link ConfTables} (from {@code --confDir} or from the copy of {@code conf/} packaged on the classpath).
 */
public final class ConfTable implements Serializable {
  private final String name;
  private final List<String> header;
  private final List<Map<String, String>> rows;

  private ConfTable(String name, List<String> header, List<Map<String, String>> rows) {
    this.name = name;
    this.header = header;
    this.rows = rows;
  }

  /**
   * One packaged table (conf/ on the classpath), for tools and the generator. The job reads its tables
   * through {@link ConfTables} (once, honouring --confDir).
   */
  public static ConfTable packaged(String name) {
    return ConfTables.packaged().table(name);
  }

  static ConfTable parse(String name, InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> header = null;
    List<Map<String, String>> rows = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split(";", -1);
      if (header == null) {
        header = List.of(parts);
        continue;
      }
      if (parts.length != header.size()) {
        throw new IllegalStateException(name + " line " + n + ": expected " + header.size() + " fields, found " + parts.length);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < parts.length; i++) row.put(header.get(i), parts[i].trim());
      rows.add(Collections.unmodifiableMap(row));
    }
    if (header == null) throw new IllegalStateException(name + " has no header");
    return new ConfTable(name, header, Collections.unmodifiableList(rows));
  }

  public String name() {
    return name;
  }

  public List<String> header() {
    return header;
  }

  public List<Map<String, String>> rows() {
    return rows;
  }

  /** Map from one column to another (first occurrence wins). */
  public Map<String, String> map(String keyColumn, String valueColumn) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map<String, String> row : rows) m.putIfAbsent(row.get(keyColumn), row.get(valueColumn));
    return m;
  }

  /** Rows keyed by one column. */
  public Map<String, Map<String, String>> index(String keyColumn) {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Map<String, String> row : rows) m.putIfAbsent(row.get(keyColumn), row);
    return m;
  }
}
