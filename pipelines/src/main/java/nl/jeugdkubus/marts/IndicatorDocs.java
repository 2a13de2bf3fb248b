package nl.jeugdkubus.marts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates docs/indicators.md from conf/indicators.csv.
 *
 * <pre>
 * java -cp pipelines/target/classes:... nl.jeugdkubus.marts.IndicatorDocs [confDir] [output]
 * (defaults: the packaged conf/, docs/indicators.md)
 * </pre>
 *
 * or {@code mvn -pl pipelines -q compile exec:java -Dexec.mainClass=nl.jeugdkubus.marts.IndicatorDocs
 * -Dexec.args="../conf ../docs/indicators.md"}.
 */
public final class IndicatorDocs {
  private IndicatorDocs() {}

  public static void main(String[] args) throws IOException {
    String confDir = args.length > 0 ? args[0] : null;
    Path out = Path.of(args.length > 1 ? args[1] : "docs/indicators.md");
    Files.writeString(out, render(IndicatorCatalogue.load(nl.jeugdkubus.common.ConfTables.load(confDir))), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** The Markdown page for a catalogue. */
  public static String render(IndicatorCatalogue cat) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Indicators\n\n");
    sb.append("<!-- Generated from conf/indicators.csv by nl.jeugdkubus.marts.IndicatorDocs. Do not edit by hand. -->\n\n");
    sb.append("Every value of the `indicator` column of the cube. Units, rounding, disclosure control and the\n");
    sb.append("benchmark row design are described in [cube.md](cube.md). Ages: age in a period = period year - geboortejaar;\n");
    sb.append("rates (`_pct`, `_per1000`) cover an age universe (0-17, or 12-22 for jeugdreclassering) and their\n");
    sb.append("leeftijdsklasse `totaal` row is that universe. Gemeente: a trajectory counts as running for every gemeente\n");
    sb.append("responsible on a day of its care in the period (after a move both, [linkage.md](linkage.md)), its start and end\n");
    sb.append("for the gemeente responsible on that day; a cost line for the gemeente it was declared to.\n\n");
    sb.append(cat.entries().size()).append(" indicators.\n\n");
    sb.append("| code | naam | name | definition | teller | noemer | eenheid | bron |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (IndicatorCatalogue.Entry e : cat.entries()) {
      sb.append("| `").append(e.code()).append("` | ")
          .append(cell(e.naamNl())).append(" | ")
          .append(cell(e.nameEn())).append(" | ")
          .append(cell(e.definitie())).append(" | ")
          .append(cell(e.teller())).append(" | ")
          .append(cell(e.noemer())).append(" | ")
          .append(cell(e.eenheid())).append(" | ")
          .append(cell(e.bron())).append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s == null || s.isEmpty() ? "" : s.replace("|", "\\|");
  }
}
