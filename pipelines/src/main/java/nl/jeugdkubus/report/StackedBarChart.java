package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar per period as inline SVG: one segment per category, bottom-up in category order, each a
 * fill pattern. A suppressed segment is not drawn (its place is not filled in from the others) and the
 * bar gets a × mark above it and a note. Segments carry {@code data-categorie}, {@code data-periode} and
 * {@code data-waarde}.
 */
public final class StackedBarChart {
  private StackedBarChart() {}

  /** @param categories one series per category (label = category), points per period */
  public static String render(ChartSpec spec, List<String> periods, List<Series> categories) {
    double width = LineChart.WIDTH;
    double height = LineChart.HEIGHT + 20;
    int n = periods.size();
    double hi = 0;
    for (int i = 0; i < n; i++) hi = Math.max(hi, stackHeight(categories, i));
    Scale scale = Scale.of(0, hi, LineChart.TOP, height - LineChart.BOTTOM);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"staaf\" viewBox=\"0 0 ").append(Html.px(width)).append(' ').append(Html.px(height))
        .append("\" width=\"").append(Html.px(width)).append("\" height=\"").append(Html.px(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(spec.title())).append("\">");
    svg.append(Styles.patternDefs(spec.id()));
    Axes.draw(svg, scale, periods, width, height, LineChart.BOTTOM, spec.eenheid(), false);
    double plot = width - LineChart.LEFT - LineChart.RIGHT;
    double barWidth = Math.min(48, plot / n * 0.6);
    List<String> suppressedAt = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String per = periods.get(i);
      double x = LineChart.x(i, n, width) - barWidth / 2;
      double acc = 0;
      List<String> missing = new ArrayList<>();
      svg.append("<g class=\"staafgroep\" data-periode=\"").append(per).append("\">");
      for (int c = 0; c < categories.size(); c++) {
        Point p = categories.get(c).points().get(i);
        String cat = categories.get(c).label();
        if (p.hasValue() && p.value() > 0) {
          double y = scale.y(acc + p.value());
          double h = scale.height(p.value());
          svg.append("<rect class=\"segment\" data-categorie=\"").append(Html.esc(cat)).append("\" data-periode=\"").append(per)
              .append("\" data-waarde=\"").append(p.value()).append("\" x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y))
              .append("\" width=\"").append(Html.px(barWidth)).append("\" height=\"").append(Html.px(h)).append("\" fill=\"")
              .append(Styles.fill(spec.id(), c)).append("\" stroke=\"#000\" stroke-width=\"0.8\"><title>")
              .append(Html.esc(cat + ", " + DutchFormat.period(per) + ": " + DutchFormat.value(p.value(), spec.eenheid())))
              .append("</title></rect>");
          acc += p.value();
        } else if (p.suppressed()) {
          missing.add(cat);
        }
      }
      if (!missing.isEmpty()) {
        suppressedAt.add(DutchFormat.period(per) + ": " + String.join(", ", missing));
        svg.append("<text class=\"onderdrukt\" data-periode=\"").append(per).append("\" x=\"")
            .append(Html.px(LineChart.x(i, n, width))).append("\" y=\"").append(Html.px(scale.y(acc) - 4))
            .append("\" text-anchor=\"middle\" font-size=\"13\">×<title>")
            .append(Html.esc("onderdrukt: " + String.join(", ", missing))).append("</title></text>");
      }
      svg.append("</g>");
    }
    svg.append("</svg>");
    List<String> notes = new ArrayList<>();
    if (!suppressedAt.isEmpty()) notes.add(Figure.suppressedNote(suppressedAt));
    notes.add("Perioden: " + Figure.periodLegend(periods) + ".");
    List<String> labels = categories.stream().map(Series::label).toList();
    return Figure.wrap(spec, svg.toString(), Legend.patterns(spec.id(), labels), notes, "staaf");
  }

  /** The height of the stack of period i: the sum of its published (positive) segments. */
  static double stackHeight(List<Series> categories, int i) {
    double sum = 0;
    for (Series s : categories) {
      Point p = s.points().get(i);
      if (p.hasValue() && p.value() > 0) sum += p.value();
    }
    return sum;
  }
}
