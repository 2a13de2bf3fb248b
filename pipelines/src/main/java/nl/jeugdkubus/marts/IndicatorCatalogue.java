package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;

/**
 * conf/indicators.csv: every indicator code, its texts and the facts the code derives from it (soort, maat,
 * noemer_maat, universum, delen, cbs_maat, jaar; the file's header explains them). Read with ConfTable.
 */
public final class IndicatorCatalogue implements Serializable {
  public static final String FILE = "indicators.csv";
  public static final List<String> COLUMNS = List.of("code", "naam_nl", "name_en", "definitie", "teller", "noemer", "eenheid",
      "bron", "soort", "maat", "noemer_maat", "universum", "delen", "cbs_maat", "jaar");

  /** The soorten of the catalogue (docs in conf/indicators.csv). */
  public static final List<String> SOORTEN = List.of("personen", "eenheden_stroom", "eenheden_stand", "bedrag", "bedrag_publiek",
      "per_inwoner", "aandeel", "gemiddelde", "mediaan", "bedrag_per", "bedrag_per_inwoner", "cbs_gemeente", "cbs_nl",
      "cbs_refgroep", "verschil_cbs", "verschil_nl", "verschil_refgroep", "index");

  /** noemer_maat of a rate: the CBS population of the universum. */
  public static final String BEVOLKING = "bevolking";

  /** One catalogue entry. */
  public record Entry(
      String code, String naamNl, String nameEn, String definitie, String teller, String noemer, String eenheid, String bron,
      String soort, String maat, String noemerMaat, String universum, String delen, String cbsMaat, String jaar)
      implements Serializable {

    /** A count of young people or trajectories (the cells disclosure control protects). */
    public boolean isCount() {
      return soort.equals("personen") || soort.startsWith("eenheden_");
    }

    /** The measure of the noemer without its '@' overrides ('' when none). */
    public String noemerMeasure() {
      int at = noemerMaat.indexOf('@');
      return at < 0 ? noemerMaat : noemerMaat.substring(0, at);
    }

    /** The '@dim=value,...' overrides of noemer_maat. */
    public Map<String, String> noemerOverrides() {
      Map<String, String> m = new LinkedHashMap<>();
      int at = noemerMaat.indexOf('@');
      if (at < 0) return m;
      for (String kv : noemerMaat.substring(at + 1).split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length != 2) throw new IllegalStateException(FILE + ": " + code + ": bad noemer_maat " + noemerMaat);
        m.put(p[0].trim(), p[1].trim());
      }
      return m;
    }

    /** The relations of the delen column: each a list of child measures; exact = they partition the maat. */
    public List<Relation> relations() {
      List<Relation> out = new ArrayList<>();
      if (delen.isEmpty()) return out;
      for (String rel : delen.split("\\|")) {
        boolean exact = rel.startsWith("=");
        String body = exact ? rel.substring(1) : rel;
        out.add(new Relation(maat, List.of(body.split("\\+")), exact));
      }
      return out;
    }
  }

  /** A relation between cells at the same dimension values: the children are disjoint subsets of the parent; exact = they cover it. */
  public record Relation(String parent, List<String> children, boolean exact) implements Serializable {}

  private final List<Entry> entries;

  private IndicatorCatalogue(List<Entry> entries) {
    this.entries = entries;
  }

  /** From the run's configuration tables (null: the packaged conf/). */
  public static IndicatorCatalogue load(ConfTables conf) {
    ConfTable t = (conf == null ? ConfTables.packaged() : conf).table(FILE);
    if (!t.header().equals(COLUMNS)) {
      throw new IllegalStateException(FILE + ": expected columns " + COLUMNS + ", found " + t.header());
    }
    List<Entry> out = new ArrayList<>();
    for (Map<String, String> r : t.rows()) {
      Entry e = new Entry(r.get("code"), r.get("naam_nl"), r.get("name_en"), r.get("definitie"), r.get("teller"),
          r.get("noemer"), r.get("eenheid"), r.get("bron"), r.get("soort"), r.get("maat"), r.get("noemer_maat"),
          r.get("universum"), r.get("delen"), r.get("cbs_maat"), r.get("jaar"));
      if (!SOORTEN.contains(e.soort())) throw new IllegalStateException(FILE + ": " + e.code() + ": unknown soort " + e.soort());
      out.add(e);
    }
    return new IndicatorCatalogue(List.copyOf(out));
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The columns the code computes from (units, the cells each indicator is made of, relations, CBS
   * counterparts). A --confDir may change the text of an indicator (names, definitions, teller, noemer,
   * bron), not these: the indicators are computed by the code for the packaged definitions, so a
   * catalogue that changed them would describe figures the job does not make.
   */
  public static final List<String> COMPUTED_COLUMNS = List.of("code", "eenheid", "soort", "maat", "noemer_maat",
      "universum", "delen", "cbs_maat", "jaar");

  /**
   * Problems of this catalogue against the packaged one (empty: compatible): an indicator added or
   * removed, or a {@link #COMPUTED_COLUMNS computed column} changed.
   */
  public List<String> incompatibilitiesWith(IndicatorCatalogue packaged) {
    List<String> problems = new ArrayList<>();
    Map<String, Entry> mine = byCode();
    Map<String, Entry> theirs = packaged.byCode();
    for (String c : theirs.keySet()) if (!mine.containsKey(c)) problems.add("indicator " + c + " is missing");
    for (String c : mine.keySet()) if (!theirs.containsKey(c)) problems.add("indicator " + c + " is not one the job computes");
    for (Map.Entry<String, Entry> e : mine.entrySet()) {
      Entry p = theirs.get(e.getKey());
      if (p == null) continue;
      Entry m = e.getValue();
      List<String> a = List.of(m.eenheid(), m.soort(), m.maat(), m.noemerMaat(), m.universum(), m.delen(), m.cbsMaat(), m.jaar());
      List<String> b = List.of(p.eenheid(), p.soort(), p.maat(), p.noemerMaat(), p.universum(), p.delen(), p.cbsMaat(), p.jaar());
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          problems.add(e.getKey() + ": column " + COMPUTED_COLUMNS.get(i + 1) + " '" + a.get(i) + "' differs from '" + b.get(i) + "'");
        }
      }
    }
    return problems;
  }

  /** Entries by code. */
  public Map<String, Entry> byCode() {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (m.put(e.code(), e) != null) throw new IllegalStateException(FILE + ": duplicate code " + e.code());
    }
    return m;
  }
}
