package nl.jeugdkubus.rerun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.jeugdkubus.marts.TableCatalogue;
import org.apache.avro.generic.GenericRecord;

/**
 * One cell of a published table (schemas/PublishedRow.avsc) as the change report compares it: the key (table,
 * indicator, periode, gemeente, the breakdown values) and the published figures. Published rows hold no person
 * data, so neither does a cell; {@code run_id} is left out (it differs between any two runs).
 */
public record PublishedCell(String tabel, String indicator, String periode, String gemeenteCode, String gemeenteNaam,
    Map<String, String> dims, Double teller, Double noemer, Double waarde, String eenheid, boolean onderdrukt,
    String cbsStatus) {

  public PublishedCell {
    dims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }

  /** What identifies a cell across two versions: table, indicator, periode, gemeente and every breakdown value. */
  public String key() {
    return String.join("|", tabel, indicator, periode, gemeenteCode, String.join("|", dims.values()));
  }

  /** True when the published figures (teller, noemer, waarde, eenheid, onderdrukt, cbs_status) are the same. */
  public boolean sameFigures(PublishedCell o) {
    return Objects.equals(teller, o.teller) && Objects.equals(noemer, o.noemer) && Objects.equals(waarde, o.waarde)
        && Objects.equals(eenheid, o.eenheid) && onderdrukt == o.onderdrukt && Objects.equals(cbsStatus, o.cbsStatus);
  }

  /** A published row read from Parquet. */
  public static PublishedCell of(GenericRecord r) {
    Map<String, String> dims = new LinkedHashMap<>();
    for (String d : TableCatalogue.DIMENSIONS) dims.put(d, str(r, d));
    return new PublishedCell(str(r, "tabel"), str(r, "indicator"), str(r, "periode"), str(r, "gemeente_code"),
        str(r, "gemeente_naam"), dims, num(r, "teller"), num(r, "noemer"), num(r, "waarde"), str(r, "eenheid"),
        Boolean.TRUE.equals(r.get("onderdrukt")), str(r, "cbs_status"));
  }

  public static List<PublishedCell> of(List<GenericRecord> rows) {
    return rows.stream().map(PublishedCell::of).toList();
  }

  private static String str(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? null : v.toString();
  }

  private static Double num(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? null : ((Number) v).doubleValue();
  }
}
