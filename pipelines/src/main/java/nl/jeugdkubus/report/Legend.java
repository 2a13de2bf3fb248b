package nl.jeugdkubus.report;

import java.util.List;

/** Legends as HTML lists with small inline SVG swatches (same styles as the chart). */
final class Legend {
  private Legend() {}

  static String lines(List<Series> series) {
    StringBuilder b = new StringBuilder("<ul class=\"legenda\">");
    for (int i = 0; i < series.size(); i++) {
      String dash = Styles.DASH[i % Styles.DASH.length];
      b.append("<li><svg width=\"34\" height=\"12\" aria-hidden=\"true\"><line x1=\"1\" x2=\"33\" y1=\"6\" y2=\"6\" stroke=\"")
          .append(Styles.STROKE[i % Styles.STROKE.length]).append("\" stroke-width=\"2\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>")
          .append(Styles.marker(i, 17, 6, "")).append("</svg>").append(Html.esc(series.get(i).label())).append("</li>");
    }
    return b.append("</ul>\n").toString();
  }

  static String patterns(String chartId, List<String> categories) {
    StringBuilder b = new StringBuilder("<ul class=\"legenda\">");
    for (int i = 0; i < categories.size(); i++) {
      b.append("<li><svg width=\"16\" height=\"12\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"11\" fill=\"")
          .append(Styles.fill(chartId, i)).append("\" stroke=\"#000\"/></svg>").append(Html.esc(categories.get(i))).append("</li>");
    }
    return b.append("</ul>\n").toString();
  }
}
