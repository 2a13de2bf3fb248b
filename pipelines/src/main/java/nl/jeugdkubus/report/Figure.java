package nl.jeugdkubus.report;

import java.util.List;

/** The HTML around a chart: title, the SVG, legend, notes on suppressed values, source line and reading aid. */
final class Figure {
  private Figure() {}

  static String wrap(ChartSpec spec, String svg, String legend, List<String> notes, String kind) {
    StringBuilder b = new StringBuilder();
    b.append("<figure class=\"grafiek\" id=\"").append(Html.esc(spec.id())).append("\" data-soort=\"").append(kind).append("\">\n");
    b.append("<figcaption><h3>").append(Html.esc(spec.title())).append("</h3></figcaption>\n");
    b.append(svg).append('\n');
    b.append(legend);
    for (String n : notes) b.append("<p class=\"noot\">").append(Html.esc(n)).append("</p>\n");
    b.append("<p class=\"bron\">Bron: ").append(Html.esc(spec.source())).append("</p>\n");
    b.append("<p class=\"leeswijzer\">").append(Html.esc(spec.readingAid())).append("</p>\n");
    return b.append("</figure>\n").toString();
  }

  /** The note under a chart that has suppressed values. */
  static String suppressedNote(List<String> where) {
    return "× = onderdrukt om herleidbaarheid te voorkomen (te kleine aantallen); dit is geen nul. Onderdrukt: "
        + String.join("; ", where) + ".";
  }

  static final String ABSENT_NOTE = "Een onderbreking zonder × betekent: geen gegevens voor die periode.";

  static String periodLegend(List<String> periods) {
    StringBuilder b = new StringBuilder();
    for (String p : periods) {
      if (b.length() > 0) b.append(", ");
      b.append(DutchFormat.shortPeriod(p)).append(" = ").append(DutchFormat.period(p));
    }
    return b.toString();
  }
}
