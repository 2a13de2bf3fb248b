package nl.jeugdkubus.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.PostPipelineStep;
import nl.jeugdkubus.RunConfiguration;
import nl.jeugdkubus.common.ConfTable;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.RunSummary;

/**
 * The HTML report (issue 12): {@code report/index.html} (region front page) and {@code report/<GMxxxx>.html}
 * per gemeente, drawn from the published tables and gemeente names only, so it is as shareable as they are.
 * Self-contained: inline SVG and style, no scripts, no external resources (strict CSP).
 */
public final class HtmlReport implements PostPipelineStep {
  public static final String FOLDER = "report";

  @Override
  public String name() {
    return "HTML report (report/)";
  }

  @Override
  public void writeInto(Path pending, RunConfiguration config, RunSummary summary) throws IOException {
    write(pending, config.conf(), summary);
  }

  /** Reads {@code <output>/tables} and {@code dimensions}, writes {@code <output>/report}; returns the files written. */
  public static List<Path> write(Path output, ConfTables conf, RunSummary summary) throws IOException {
    ReportData data = new ReportData(PublishedReader.cells(output), PublishedReader.names(output));
    return write(data, verwijzers(conf), summary, output.resolve(FOLDER));
  }

  public static List<Path> write(ReportData data, Map<String, String> verwijzers, RunSummary summary, Path folder) throws IOException {
    Files.createDirectories(folder);
    java.util.ArrayList<Path> out = new java.util.ArrayList<>();
    Path index = folder.resolve("index.html");
    Files.writeString(index, RegionPage.render(data, summary), StandardCharsets.UTF_8);
    out.add(index);
    for (String gm : data.gemeenten()) {
      Path f = folder.resolve(gm + ".html");
      Files.writeString(f, GemeentePage.render(data, gm, verwijzers), StandardCharsets.UTF_8);
      out.add(f);
    }
    return out;
  }

  /** COD327 code -> Dutch label from conf/verwijzers.csv, in file order. */
  public static Map<String, String> verwijzers(ConfTables conf) {
    ConfTable t = (conf == null ? ConfTables.packaged() : conf).table("verwijzers.csv");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) out.put(r.get("cod327"), r.get("omschrijving").replace(" (no toegang registration for the toewijzing)", ""));
    return out;
  }
}
