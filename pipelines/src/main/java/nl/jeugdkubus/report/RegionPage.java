package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.RunSummary;

/** The front page: small multiples of all gemeenten for the headline indicators, and the run's data quality. */
final class RegionPage {
  private RegionPage() {}

  /** Headline indicators of the small multiples: table, indicator, title. */
  static final String[][] HEADLINES = {
      {"jongeren_jeugdzorg", "jongeren_jeugdhulp_per1000", "Jongeren met jeugdhulp per 1.000 jongeren (0-17 jaar)", "sm-jeugdhulp"},
      {"jongeren_jeugdzorg", "jongeren_jeugdbescherming_per1000", "Jongeren met jeugdbescherming per 1.000 jongeren (0-17 jaar)", "sm-jeugdbescherming"},
      {"jongeren_jeugdzorg", "jongeren_jeugdreclassering_per1000", "Jongeren met jeugdreclassering per 1.000 jongeren (12-22 jaar)", "sm-jeugdreclassering"},
      {"jongeren_hulpvorm", "jongeren_met_verblijf_per1000", "Jongeren met jeugdhulp met verblijf per 1.000 jongeren", "sm-verblijf"}};

  static final String[] SOURCES = {"registraties", "ijw", "declaraties_csv", "cbs", "financien"};

  static String render(ReportData d, RunSummary summary) {
    StringBuilder b = new StringBuilder();
    b.append("<h1>Jeugdzorg in de regio: overzicht</h1>\n");
    b.append("<p>Run <strong id=\"run-id\">").append(Html.esc(d.runId())).append("</strong>. Alle cijfers komen uit de gepubliceerde tabellen; ")
        .append("kleine aantallen zijn afgerond of onderdrukt (× in de grafiek, geen nul).</p>\n");
    b.append("<h2>Gemeenten</h2>\n<ul id=\"gemeenten\">");
    for (String gm : d.gemeenten()) {
      b.append("<li><a href=\"").append(Html.esc(gm)).append(".html\">").append(Html.esc(d.name(gm))).append("</a></li>");
    }
    b.append("</ul>\n");
    for (String[] h : HEADLINES) {
      List<String> per = d.periods(h[0], h[1]);
      b.append("<h2>").append(Html.esc(h[2])).append("</h2>\n");
      b.append("<p class=\"leeswijzer\">Eén kleine grafiek per gemeente (doorgetrokken lijn), met de regio als stippellijn; alle grafieken hebben hun eigen schaal. Perioden: ")
          .append(Html.esc(per.isEmpty() ? "geen" : Figure.periodLegend(per))).append(".</p>\n");
      b.append("<div class=\"klein\" id=\"").append(h[3]).append("\">\n");
      for (String gm : d.gemeenten()) {
        if (per.isEmpty()) break;
        List<Series> s = new ArrayList<>();
        s.add(new Series(d.name(gm), d.totals(h[0], h[1], gm, per)));
        String reg = d.regionOf(gm);
        if (reg != null) s.add(new Series(d.name(reg), d.totals(h[0], h[1], reg, per)));
        ChartSpec spec = new ChartSpec(h[3] + "-" + gm, d.name(gm), GemeentePage.unitOf(d, h[0], h[1], gm, per),
            Sources.run(d, Sources.OWN), "");
        b.append(LineChart.render(spec, per, s, 220, 140));
      }
      b.append("</div>\n<p class=\"bron\">Bron: ").append(Html.esc(Sources.run(d, Sources.OWN))).append("</p>\n");
    }
    b.append(quality(d, summary));
    return Page.html("Jeugdzorg in de regio", b.toString());
  }

  static String quality(ReportData d, RunSummary summary) {
    StringBuilder b = new StringBuilder("<h2>Datakwaliteit van deze run</h2>\n<section id=\"datakwaliteit\">\n");
    if (summary == null) {
      b.append("<p>Geen samenvatting van de run beschikbaar.</p>\n");
    } else {
      b.append("<table id=\"dq-bronnen\"><caption>Ingelezen records per bron</caption><tr><th>bron</th><th>records</th><th>afgekeurd</th></tr>");
      for (String s : SOURCES) {
        b.append("<tr><td>").append(s).append("</td><td class=\"getal\">").append(DutchFormat.number(summary.get("staging." + s + ".records"), 0))
            .append("</td><td class=\"getal\">").append(DutchFormat.number(summary.get("staging." + s + ".dead"), 0)).append("</td></tr>");
      }
      b.append("</table>\n<table id=\"dq-redenen\"><caption>Afgekeurde records naar reden</caption><tr><th>reden</th><th>aantal</th></tr>");
      boolean any = false;
      for (Map.Entry<String, Long> e : summary.counters().entrySet()) {
        if (!e.getKey().startsWith("deadletters.")) continue;
        any = true;
        b.append("<tr><td>").append(Html.esc(e.getKey().substring("deadletters.".length()))).append("</td><td class=\"getal\">")
            .append(DutchFormat.number(e.getValue(), 0)).append("</td></tr>");
      }
      if (!any) b.append("<tr><td colspan=\"2\">geen</td></tr>");
      b.append("</table>\n");
    }
    List<String> per = d.periods("peildata", "dq_lokaal_open_zonder_einddatum_1jaar");
    if (!per.isEmpty()) {
      String last = per.get(per.size() - 1);
      b.append("<table id=\"dq-lokaal\"><caption>Open lokale trajecten zonder einddatum langer dan een jaar, ").append(DutchFormat.period(last))
          .append("</caption><tr><th>gemeente</th><th>aantal</th></tr>");
      for (String gm : d.gemeenten()) {
        Cell c = d.total("peildata", "dq_lokaal_open_zonder_einddatum_1jaar", gm, last);
        Point p = Point.of(c);
        b.append("<tr><td>").append(Html.esc(d.name(gm))).append("</td><td class=\"getal\">")
            .append(p.hasValue() ? DutchFormat.number(p.value(), 0) : p.suppressed() ? "× (onderdrukt)" : "–").append("</td></tr>");
      }
      b.append("</table>\n");
    }
    return b.append("</section>\n").toString();
  }
}
