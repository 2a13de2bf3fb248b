package nl.jeugdkubus.report;

import java.util.List;

/** The value axis with Dutch tick labels and unit, and the period axis of a chart. */
final class Axes {
  private Axes() {}

  /** The fewest decimals (0-3) that show a tick step exactly, e.g. 0,25 -> 2, 2,5 -> 1, 25 -> 0. */
  static int tickDecimals(double step) {
    for (int d = 0; d < 3; d++) {
      double scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-9) return d;
    }
    return 3;
  }

  static void draw(StringBuilder svg, Scale scale, List<String> periods, double width, double height, double bottomMargin,
      String eenheid, boolean small) {
    double left = LineChart.LEFT;
    double right = width - LineChart.RIGHT;
    double base = scale.y(scale.min());
    int decimals = tickDecimals((scale.max() - scale.min()) / 4);
    for (double t : scale.ticks()) {
      double y = scale.y(t);
      svg.append("<line x1=\"").append(Html.px(left)).append("\" x2=\"").append(Html.px(right)).append("\" y1=\"").append(Html.px(y))
          .append("\" y2=\"").append(Html.px(y)).append("\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>");
      svg.append("<text class=\"tik\" x=\"").append(Html.px(left - 6)).append("\" y=\"").append(Html.px(y + 4))
          .append("\" text-anchor=\"end\" font-size=\"11\">").append(DutchFormat.number(t, decimals)).append("</text>");
    }
    if (scale.min() < 0) {
      double y0 = scale.y(0);
      svg.append("<line x1=\"").append(Html.px(left)).append("\" x2=\"").append(Html.px(right)).append("\" y1=\"").append(Html.px(y0))
          .append("\" y2=\"").append(Html.px(y0)).append("\" stroke=\"#000\" stroke-width=\"1\"/>");
    }
    svg.append("<line x1=\"").append(Html.px(left)).append("\" x2=\"").append(Html.px(right)).append("\" y1=\"").append(Html.px(base))
        .append("\" y2=\"").append(Html.px(base)).append("\" stroke=\"#000\" stroke-width=\"1\"/>");
    int n = periods.size();
    for (int i = 0; i < n; i++) {
      if (small && n > 4 && i % 2 == 1 && i != n - 1) continue;
      svg.append("<text class=\"periode\" x=\"").append(Html.px(LineChart.x(i, n, width))).append("\" y=\"").append(Html.px(base + 15))
          .append("\" text-anchor=\"middle\" font-size=\"11\">").append(DutchFormat.shortPeriod(periods.get(i))).append("</text>");
    }
    if (!small) {
      svg.append("<text class=\"as\" x=\"").append(Html.px((left + right) / 2)).append("\" y=\"").append(Html.px(height - 6))
          .append("\" text-anchor=\"middle\" font-size=\"11\">periode (jaar-halfjaar)</text>");
    }
    double mid = (scale.y(scale.max()) + base) / 2;
    svg.append("<text class=\"as\" transform=\"translate(12 ").append(Html.px(mid)).append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"11\">")
        .append(Html.esc(DutchFormat.unitLabel(eenheid))).append("</text>");
  }
}
