package nl.jeugdkubus.rerun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.publish.OutputEntry;

/**
 * The change report of a rerun, next to the manifest: {@code changes.json} (every changed, added and removed
 * published cell of the replaced periods, with its old and new teller, noemer, waarde, onderdrukt and
 * cbs_status) and {@code changes.md} (a short summary in Dutch for the kennismanager). Only published cells:
 * no pseudonym, no BSN, nothing of the internal cube.
 *
 * @param runId the rerun
 * @param previousRunId the run id of the version it replaces (from its manifest; "onbekend" when absent)
 * @param replaced the periods whose partitions were replaced
 * @param companions per computed companion period what was done: "kept" (same figures) or "replaced"
 * @param changes the diff of the replaced periods ({@link CellChanges})
 */
public record ChangeReport(String runId, String previousRunId, List<String> requested, List<String> replaced,
    Map<String, String> companions, List<CellChanges.Change> changes) {

  /** How many cells list in changes.md (changes.json lists every one). */
  static final int MD_ROWS = 50;

  public void write(Path folder) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(folder.resolve(OutputEntry.CHANGES_JSON.fileName()).toFile(), json());
    Files.writeString(folder.resolve(OutputEntry.CHANGES_MD.fileName()), markdown());
  }

  /** Counts per kind (changed, added, removed). */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (CellChanges.Kind k : CellChanges.Kind.values()) {
      m.put(k.name().toLowerCase(Locale.ROOT), changes.stream().filter(c -> c.kind() == k).count());
    }
    return m;
  }

  /** "voorlopig → definitief" -> number of cells. */
  public Map<String, Long> statusChanges() {
    Map<String, Long> m = new TreeMap<>();
    for (CellChanges.Change c : changes) if (c.statusChange() != null) m.merge(c.statusChange(), 1L, Long::sum);
    return m;
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("previous_run_id", previousRunId);
    m.put("requested_periods", requested);
    m.put("replaced_periods", replaced);
    m.put("companion_periods", companions);
    Map<String, Object> summary = new LinkedHashMap<>(counts());
    summary.put("cbs_status", statusChanges());
    m.put("summary", summary);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CellChanges.Change c : changes) {
      PublishedCell k = c.cell();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("change", c.kind().name().toLowerCase(Locale.ROOT));
      r.put("tabel", k.tabel());
      r.put("indicator", k.indicator());
      r.put("periode", k.periode());
      r.put("gemeente_code", k.gemeenteCode());
      r.put("gemeente_naam", k.gemeenteNaam());
      r.put("dimensies", k.dims());
      r.put("eenheid", k.eenheid());
      r.put("oud", figures(c.before()));
      r.put("nieuw", figures(c.after()));
      rows.add(r);
    }
    m.put("changes", rows);
    return m;
  }

  private static Map<String, Object> figures(PublishedCell c) {
    if (c == null) return null;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("teller", c.teller());
    f.put("noemer", c.noemer());
    f.put("waarde", c.waarde());
    f.put("onderdrukt", c.onderdrukt());
    f.put("cbs_status", c.cbsStatus());
    return f;
  }

  String markdown() {
    StringBuilder sb = new StringBuilder();
    Map<String, Long> n = counts();
    sb.append("# Wijzigingen door herberekening ").append(runId).append("\n\n");
    sb.append("Vorige versie: run `").append(previousRunId).append("`. Herberekend: ").append(String.join(", ", requested))
        .append(". Vervangen perioden: ").append(String.join(", ", replaced)).append(".\n");
    for (Map.Entry<String, String> e : companions.entrySet()) {
      sb.append("- ").append(e.getKey()).append(e.getValue().equals("replaced")
          ? ": meeberekend voor het jaarcijfer of de indexbasis; de cijfers verschilden van de gepubliceerde, dus ook vervangen"
              + " (oude en nieuwe onderdrukkingspatronen van samenhangende cellen worden niet gemengd)"
          : ": meeberekend, cijfers ongewijzigd; de gepubliceerde bestanden zijn behouden").append(".\n");
    }
    sb.append("\n").append(n.get("changed")).append(" cellen gewijzigd, ").append(n.get("added")).append(" toegevoegd, ")
        .append(n.get("removed")).append(" vervallen.");
    Map<String, Long> st = statusChanges();
    if (!st.isEmpty()) {
      sb.append(" CBS-status gewijzigd:");
      st.forEach((k, v) -> sb.append(" ").append(k).append(" (").append(v).append(" cellen);"));
      sb.setLength(sb.length() - 1);
      sb.append(".");
    }
    sb.append("\n\nWaarom verschuift een cijfer? Zoek de cel op in `changes.json` (tabel, indicator, dimensies,")
        .append(" gemeente, periode): daar staan de oude en nieuwe teller, noemer, waarde, onderdrukking en CBS-status.\n");
    if (changes.isEmpty()) return sb.append("\nGeen gepubliceerde cel is veranderd.\n").toString();
    sb.append("\n| wijziging | tabel | indicator | gemeente | periode | dimensies | oud | nieuw | CBS-status |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (CellChanges.Change c : changes.subList(0, Math.min(MD_ROWS, changes.size()))) {
      PublishedCell k = c.cell();
      String status = c.statusChange() != null ? c.statusChange() : k.cbsStatus();
      sb.append("| ").append(kind(c.kind())).append(" | ").append(k.tabel()).append(" | ").append(k.indicator())
          .append(" | ").append(k.gemeenteCode()).append(" | ").append(k.periode()).append(" | ").append(dims(k))
          .append(" | ").append(value(c.before())).append(" | ").append(value(c.after())).append(" | ").append(status).append(" |\n");
    }
    if (changes.size() > MD_ROWS) sb.append("\n… en ").append(changes.size() - MD_ROWS).append(" cellen meer in `changes.json`.\n");
    return sb.toString();
  }

  private static String kind(CellChanges.Kind k) {
    return switch (k) {
      case CHANGED -> "gewijzigd";
      case ADDED -> "nieuw";
      case REMOVED -> "vervallen";
    };
  }

  private static String dims(PublishedCell c) {
    List<String> out = new ArrayList<>();
    c.dims().forEach((k, v) -> {
      if (!"totaal".equals(v)) out.add(k + "=" + v);
    });
    return out.isEmpty() ? "totaal" : String.join(", ", out);
  }

  private static String value(PublishedCell c) {
    if (c == null) return "–";
    if (c.onderdrukt()) return "onderdrukt";
    return c.waarde() == null ? "leeg" : String.format(Locale.ROOT, "%s", c.waarde());
  }
}
