package nl.jeugdkubus.marts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.model.PublishedRow;
import org.apache.avro.Schema;

/**
 * Generates docs/data-dictionary.md from the published schemas (schemas/PublishedRow.avsc and the dimension
 * tables of {@link WriteCube}/{@link WriteTables}), conf/tables.csv and conf/indicators.csv. A test fails when
 * the committed page is out of date.
 *
 * <pre>
 * mvn -pl pipelines -q compile exec:java -Dexec.mainClass=nl.jeugdkubus.marts.DataDictionary -Dexec.args="../conf ../docs/data-dictionary.md"
 * </pre>
 */
public final class DataDictionary {
  private DataDictionary() {}

  /** Meanings of the dimension-table columns (their schemas carry no docs). */
  static final Map<String, String> DIMENSION_DOCS = Map.ofEntries(
      Map.entry("Gemeente.code", "gemeente code (GM0197) or region code (REG_<regio>); joins tables.gemeente_code"),
      Map.entry("Gemeente.naam", "name of the gemeente, or 'Regio <regio>'"),
      Map.entry("Gemeente.provincie", "provincie (empty for a region)"),
      Map.entry("Gemeente.regio", "jeugdzorgregio"),
      Map.entry("Indicator.code", "indicator code; joins tables.indicator"),
      Map.entry("Indicator.naam_nl", "Dutch name"),
      Map.entry("Indicator.name_en", "English name"),
      Map.entry("Indicator.definitie", "definition"),
      Map.entry("Indicator.teller", "numerator"),
      Map.entry("Indicator.noemer", "denominator"),
      Map.entry("Indicator.eenheid", "unit"),
      Map.entry("Indicator.bron", "source"),
      Map.entry("Tabel.tabel", "table id; joins tables.tabel"),
      Map.entry("Tabel.titel", "Dutch title"),
      Map.entry("Tabel.indicatoren", "indicator codes of the table, ','-separated"),
      Map.entry("Tabel.dimensies", "breakdown dimensions of the table, ','-separated"),
      Map.entry("Tabel.perioden", "the periods the table is published for: 'halfjaar,jaar' (half-years and full years) or 'jaar' (full years only)"));

  public static void main(String[] args) throws IOException {
    ConfTables conf = ConfTables.load(args.length > 0 ? args[0] : null);
    Path out = Path.of(args.length > 1 ? args[1] : "docs/data-dictionary.md");
    Files.writeString(out, render(TableCatalogue.load(conf), IndicatorCatalogue.load(conf)), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  public static String render(TableCatalogue tables, IndicatorCatalogue indicators) {
    StringBuilder sb = new StringBuilder("# Data dictionary\n\n");
    sb.append("<!-- Generated from schemas/PublishedRow.avsc, the dimension schemas, conf/tables.csv and conf/indicators.csv")
        .append(" by nl.jeugdkubus.marts.DataDictionary. Do not edit by hand. -->\n\n");
    sb.append("What a published output holds: `tables/<tabel>/periode=<P>/gemeente=<G>/*.parquet` (every table has the\n")
        .append("columns below), `dimensions/*.parquet` (a star schema around the tables) and `report/` (HTML drawn from the\n")
        .append("tables). How to open it: [open-the-cube.md](open-the-cube.md); disclosure control: [disclosure.md](disclosure.md).\n\n");
    sb.append("## Published tables\n\n| tabel | titel | breakdown dimensions | periods | indicators |\n| --- | --- | --- | --- | --- |\n");
    for (TableCatalogue.Table t : tables.tables()) {
      sb.append("| `").append(t.id()).append("` | ").append(cell(t.titel())).append(" | ")
          .append(t.dimensions().isEmpty() ? "none" : String.join(", ", t.dimensions())).append(" | ")
          .append(t.halfYears() ? "half-years and years" : "years only").append(" | ")
          .append(String.join(", ", t.indicators().stream().map(i -> "`" + i + "`").toList())).append(" |\n");
    }
    sb.append("\n## Columns of every table (`PublishedRow`)\n\n");
    columns(sb, PublishedRow.getClassSchema());
    for (Map.Entry<String, Schema> d : List.of(Map.entry("dimensions/gemeente.parquet", WriteCube.GEMEENTE_SCHEMA),
        Map.entry("dimensions/indicator.parquet", WriteCube.INDICATOR_SCHEMA), Map.entry("dimensions/tabel.parquet", WriteTables.TABEL_SCHEMA))) {
      sb.append("\n## `").append(d.getKey()).append("`\n\n");
      columns(sb, d.getValue());
    }
    sb.append("\n## Indicators\n\n").append(indicators.entries().size()).append(" indicators.\n\n");
    sb.append("| code | naam | definitie | teller | noemer | eenheid | bron | CBS counterpart | tabel |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    Map<String, IndicatorCatalogue.Entry> byCode = indicators.byCode();
    for (IndicatorCatalogue.Entry e : indicators.entries()) {
      String cbs = byCode.containsKey(e.code() + "_cbs") ? "`" + e.code() + "_cbs` (" + byCode.get(e.code() + "_cbs").bron() + ")" : "";
      String in = String.join(", ", tables.tables().stream().filter(t -> t.indicators().contains(e.code())).map(t -> "`" + t.id() + "`").toList());
      sb.append("| `").append(e.code()).append("` | ").append(cell(e.naamNl())).append(" | ").append(cell(e.definitie())).append(" | ")
          .append(cell(e.teller())).append(" | ").append(cell(e.noemer())).append(" | ").append(cell(e.eenheid())).append(" | ")
          .append(cell(e.bron())).append(" | ").append(cbs).append(" | ").append(in).append(" |\n");
    }
    return sb.toString();
  }

  private static void columns(StringBuilder sb, Schema s) {
    sb.append("| column | type | meaning |\n| --- | --- | --- |\n");
    for (Schema.Field f : s.getFields()) {
      String doc = f.doc() != null ? f.doc() : DIMENSION_DOCS.getOrDefault(s.getName() + "." + f.name(), "");
      sb.append("| `").append(f.name()).append("` | ").append(type(f.schema())).append(" | ").append(cell(doc)).append(" |\n");
    }
  }

  static String type(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      List<Schema> types = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
      return (types.size() == 1 ? type(types.get(0)) : types.toString()) + " (nullable)";
    }
    return switch (s.getType()) {
      case STRING -> "string";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case LONG -> "long";
      default -> s.getType().getName();
    };
  }

  private static String cell(String s) {
    return s == null || s.isEmpty() ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
