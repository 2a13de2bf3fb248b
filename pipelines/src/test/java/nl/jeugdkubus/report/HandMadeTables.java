package nl.jeugdkubus.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.WriteCube;
import nl.jeugdkubus.model.PublishedRow;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * A hand-made published output: two Achterhoek gemeenten (Aalten GM0197, Berkelland GM1859) and the region,
 * 2023H1-2024H2, one value per chart indicator: value = base + 10 x area index + period index (Aalten 0,
 * Berkelland 1, region 2). Aalten's jongeren_jeugdhulp_per1000 of 2023H2 and its verwijzer 02 share of 2024H1
 * are suppressed; verwijzer shares 01/02/06/totaal 50/30/20/100. kosten_per_client by hulpvorm 02 and 11: 5000 and 40000 + 10 x area + period. Written as tables/<tabel>/periode=/gemeente=/part-0.parquet plus dimensions/gemeente.parquet.
 */
public final class HandMadeTables {
  private HandMadeTables() {}

  static final List<String> PERIODS = List.of("2023H1", "2023H2", "2024H1", "2024H2");
  static final List<String> AREAS = List.of("GM0197", "GM1859", "REG_Achterhoek");
  static final Map<String, String> NAMES = Map.of("GM0197", "Aalten", "GM1859", "Berkelland", "REG_Achterhoek", "Regio Achterhoek");

  /** tabel, indicator, eenheid, base */
  static final String[][] TOTALS = {
      {"jongeren_jeugdzorg", "jongeren_jeugdhulp_per1000", "per_1000", "100"},
      {"jongeren_jeugdzorg", "jongeren_jeugdhulp_pct", "procent", "10"},
      {"jongeren_jeugdzorg", "jongeren_jeugdbescherming_per1000", "per_1000", "10"},
      {"jongeren_jeugdzorg", "jongeren_jeugdreclassering_per1000", "per_1000", "5"},
      {"jongeren_hulpvorm", "jongeren_zonder_verblijf_per1000", "per_1000", "90"},
      {"jongeren_hulpvorm", "jongeren_met_verblijf_per1000", "per_1000", "8"},
      {"benchmark", "jongeren_jeugdhulp_pct_cbs", "procent", "11"},
      {"benchmark", "jongeren_jeugdhulp_pct_nl", "procent", "12"},
      {"benchmark", "jongeren_jeugdhulp_pct_refgroep", "procent", "13"},
      {"benchmark", "jongeren_jeugdhulp_pct_index", "index", "100"},
      {"preventie", "lokaal_gestart", "aantal", "50"},
      {"preventie", "lokaal_gestart_specialist_6m_pct", "procent", "20"},
      {"preventie", "lokaal_gestart_specialist_12m_pct", "procent", "30"},
      {"trajecten_hulpvorm", "trajecten_gestart", "aantal", "60"},
      {"trajecten_beeindigd", "trajecten_beeindigd", "aantal", "55"},
      {"trajecten_beeindigd", "trajecten_beeindigd_volgens_plan", "aantal", "30"},
      {"trajecten_beeindigd", "trajecten_beeindigd_voortijdig", "aantal", "15"},
      {"trajecten_beeindigd", "trajecten_beeindigd_reden_onbekend", "aantal", "10"},
      {"kosten_hulpvorm", "kosten_per_client", "euro", "9000"},
      {"kosten_hulpvorm", "kosten_per_jeugdige", "euro", "700"},
      {"wachttijden", "wachttijd_aanmelding_gemiddeld", "dagen", "20"},
      {"wachttijden", "wachttijd_toewijzing_gemiddeld", "dagen", "15"},
      {"peildata", "dq_lokaal_open_zonder_einddatum_1jaar", "aantal", "3"}};

  static Path write(Path output) throws IOException {
    Map<String, List<GenericRecord>> files = new LinkedHashMap<>();
    for (int a = 0; a < AREAS.size(); a++) {
      for (int p = 0; p < PERIODS.size(); p++) {
        for (String[] t : TOTALS) {
          double v = Double.parseDouble(t[3]) + 10 * a + p;
          boolean supp = a == 0 && p == 1 && t[1].equals("jongeren_jeugdhulp_per1000");
          add(files, output, row(t[0], t[1], PERIODS.get(p), AREAS.get(a), Map.of(), supp ? null : v, t[2], supp));
        }
        for (String[] h : new String[][] {{"02", "5000"}, {"11", "40000"}}) {
          add(files, output, row("kosten_hulpvorm", "kosten_per_client", PERIODS.get(p), AREAS.get(a), Map.of("hulpvorm", h[0]),
              Double.parseDouble(h[1]) + 10 * a + p, "euro", false));
        }
        double[] shares = {50, 30, 20, 100};
        String[] verwijzers = {"01", "02", "06", "totaal"};
        for (int k = 0; k < 4; k++) {
          boolean supp = a == 0 && p == 2 && k == 1;
          add(files, output, row("verwijzers", "specialist_gestart_verwijzer_aandeel", PERIODS.get(p), AREAS.get(a),
              Map.of("verwijzer", verwijzers[k]), supp ? null : shares[k], "procent", supp));
        }
      }
    }
    for (Map.Entry<String, List<GenericRecord>> e : files.entrySet()) write(Path.of(e.getKey()), PublishedRow.getClassSchema(), e.getValue());
    List<GenericRecord> dims = new ArrayList<>();
    for (String area : AREAS) {
      GenericData.Record g = new GenericData.Record(WriteCube.GEMEENTE_SCHEMA);
      g.put("code", area);
      g.put("naam", NAMES.get(area));
      g.put("provincie", "Gelderland");
      g.put("regio", "Achterhoek");
      dims.add(g);
    }
    write(output.resolve("dimensions").resolve("gemeente.parquet"), WriteCube.GEMEENTE_SCHEMA, dims);
    return output;
  }

  private static void add(Map<String, List<GenericRecord>> files, Path output, GenericRecord r) {
    String f = output.resolve("tables").resolve(r.get("tabel").toString()).resolve("periode=" + r.get("periode"))
        .resolve("gemeente=" + r.get("gemeente_code")).resolve("part-00000-of-00001.parquet").toString();
    files.computeIfAbsent(f, k -> new ArrayList<>()).add(r);
  }

  public static GenericRecord row(String tabel, String ind, String per, String area, Map<String, String> dims, Double w, String unit, boolean supp) {
    GenericData.Record r = new GenericData.Record(PublishedRow.getClassSchema());
    r.put("tabel", tabel);
    r.put("indicator", ind);
    r.put("periode", per);
    r.put("gemeente_code", area);
    r.put("gemeente_naam", NAMES.get(area));
    r.put("regio", "Achterhoek");
    for (String d : List.of("leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie")) r.put(d, dims.getOrDefault(d, "totaal"));
    r.put("teller", null);
    r.put("noemer", null);
    r.put("waarde", w);
    r.put("eenheid", unit);
    r.put("onderdrukt", supp);
    r.put("cbs_status", tabel.equals("benchmark") ? "voorlopig" : "n.v.t.");
    r.put("run_id", "handmade-1");
    return r;
  }

  public static void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter
        .<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
        .withSchema(schema).build()) {
      for (GenericRecord r : rows) w.write(r);
    }
  }
}
