package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart over periods as inline SVG. A line runs only between consecutive published values; a
 * suppressed value breaks the line and gets a × mark on the axis (class {@code onderdrukt}) and a note,
 * never a point at zero. Every drawn point carries {@code data-periode} and {@code data-waarde}.
 */
public final class LineChart {
  public static final double WIDTH = 640;
  public static final double HEIGHT = 250;
  static final double LEFT = 64;
  static final double RIGHT = 12;
  static final double TOP = 12;
  static final double BOTTOM = 46;

  private LineChart() {}

  /** The x pixel of period i of n. */
  static double x(int i, int n, double width) {
    double plot = width - LEFT - RIGHT;
    return LEFT + (i + 0.5) * plot / n;
  }

  public static String render(ChartSpec spec, List<String> periods, List<Series> series) {
    return render(spec, periods, series, WIDTH, HEIGHT);
  }

  public static String render(ChartSpec spec, List<String> periods, List<Series> series, double width, double height) {
    double lo = 0;
    double hi = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        if (p.hasValue()) {
          lo = Math.min(lo, p.value());
          hi = Math.max(hi, p.value());
        }
      }
    }
    boolean small = width < WIDTH;
    double bottomMargin = small ? 28 : BOTTOM;
    Scale scale = Scale.of(lo, hi, TOP, height - bottomMargin);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"lijn\" viewBox=\"0 0 ").append(Html.px(width)).append(' ').append(Html.px(height))
        .append("\" width=\"").append(Html.px(width)).append("\" height=\"").append(Html.px(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(spec.title())).append("\">");
    Axes.draw(svg, scale, periods, width, height, bottomMargin, spec.eenheid(), small);
    List<String> suppressedAt = new ArrayList<>();
    boolean absent = false;
    int n = periods.size();
    for (int si = 0; si < series.size(); si++) {
      Series s = series.get(si);
      svg.append("<g class=\"reeks\" data-reeks=\"").append(Html.esc(s.label())).append("\">");
      StringBuilder d = new StringBuilder();
      boolean open = false;
      for (int i = 0; i < n; i++) {
        Point p = i < s.points().size() ? s.points().get(i) : Point.ABSENT;
        if (p.hasValue()) {
          d.append(open ? "L" : "M").append(Html.px(x(i, n, width))).append(' ').append(Html.px(scale.y(p.value())));
          open = true;
        } else {
          open = false;
        }
      }
      if (d.length() > 0) {
        svg.append("<path class=\"lijnstuk\" d=\"").append(d).append("\" fill=\"none\" stroke=\"")
            .append(Styles.STROKE[si % Styles.STROKE.length]).append("\" stroke-width=\"2\"");
        String dash = Styles.DASH[si % Styles.DASH.length];
        if (!dash.isEmpty()) svg.append(" stroke-dasharray=\"").append(dash).append('"');
        svg.append("/>");
      }
      for (int i = 0; i < n; i++) {
        Point p = i < s.points().size() ? s.points().get(i) : Point.ABSENT;
        String per = periods.get(i);
        if (p.hasValue()) {
          String label = s.label() + ", " + DutchFormat.period(per) + ": " + DutchFormat.value(p.value(), spec.eenheid());
          svg.append(Styles.marker(si, x(i, n, width), scale.y(p.value()),
              " class=\"punt\" data-periode=\"" + per + "\" data-waarde=\"" + p.value() + "\"")
              .replace("/>", "><title>" + Html.esc(label) + "</title></" + markerTag(si) + ">"));
        } else if (p.suppressed()) {
          suppressedAt.add(s.label() + " in " + DutchFormat.period(per));
          double mx = x(i, n, width) + (si - (series.size() - 1) / 2.0) * 9;
          svg.append("<text class=\"onderdrukt\" data-periode=\"").append(per).append("\" x=\"").append(Html.px(mx))
              .append("\" y=\"").append(Html.px(scale.y(scale.min()) - 4)).append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
              .append(Styles.STROKE[si % Styles.STROKE.length]).append("\">×<title>")
              .append(Html.esc(s.label() + ", " + DutchFormat.period(per) + ": onderdrukt")).append("</title></text>");
        } else {
          absent = true;
        }
      }
      svg.append("</g>");
    }
    svg.append("</svg>");
    List<String> notes = new ArrayList<>();
    if (!suppressedAt.isEmpty()) notes.add(Figure.suppressedNote(suppressedAt));
    if (absent) notes.add(Figure.ABSENT_NOTE);
    if (!small) notes.add("Perioden: " + Figure.periodLegend(periods) + ".");
    return Figure.wrap(spec, svg.toString(), Legend.lines(series), notes, "lijn");
  }

  private static String markerTag(int si) {
    return switch (si % 4) {
      case 0 -> "circle";
      case 1 -> "rect";
      default -> "path";
    };
  }
}
