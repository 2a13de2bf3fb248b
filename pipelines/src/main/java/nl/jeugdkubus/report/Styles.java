package nl.jeugdkubus.report;

/**
 * Greyscale-distinguishable styles: series differ by grey level, dash pattern and marker shape; stacked
 * segments by fill pattern (solid, hatching, dots, open), so every chart also reads in black-and-white print.
 */
final class Styles {
  private Styles() {}

  static final String[] STROKE = {"#000000", "#4d4d4d", "#7a7a7a", "#262626", "#999999"};
  static final String[] DASH = {"", "7 3", "2 3", "10 3 2 3", "4 4"};
  static final int PATTERNS = 8;

  /** A marker of series i centred on (x, y). */
  static String marker(int i, double x, double y, String attrs) {
    String c = STROKE[i % STROKE.length];
    String px = Html.px(x);
    String py = Html.px(y);
    return switch (i % 4) {
      case 0 -> "<circle cx=\"" + px + "\" cy=\"" + py + "\" r=\"3.5\" fill=\"" + c + "\"" + attrs + "/>";
      case 1 -> "<rect x=\"" + Html.px(x - 3.5) + "\" y=\"" + Html.px(y - 3.5) + "\" width=\"7\" height=\"7\" fill=\"#ffffff\" stroke=\""
          + c + "\" stroke-width=\"1.5\"" + attrs + "/>";
      case 2 -> "<path d=\"M" + px + " " + Html.px(y - 4.5) + "L" + Html.px(x + 4) + " " + Html.px(y + 3) + "L" + Html.px(x - 4) + " "
          + Html.px(y + 3) + "Z\" fill=\"" + c + "\"" + attrs + "/>";
      default -> "<path d=\"M" + px + " " + Html.px(y - 4.5) + "L" + Html.px(x + 4.5) + " " + py + "L" + px + " " + Html.px(y + 4.5)
          + "L" + Html.px(x - 4.5) + " " + py + "Z\" fill=\"#ffffff\" stroke=\"" + c + "\" stroke-width=\"1.5\"" + attrs + "/>";
    };
  }

  /** The pattern definitions of one chart (ids {@code <chart>-p0..p7}). */
  static String patternDefs(String chartId) {
    StringBuilder b = new StringBuilder("<defs>");
    String[] bodies = {
        "<rect width=\"8\" height=\"8\" fill=\"#1a1a1a\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0 8L8 0M-2 2L2 -2M6 10L10 6\" stroke=\"#000\" stroke-width=\"1.6\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#8c8c8c\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#000\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#d0d0d0\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0 4H8\" stroke=\"#000\" stroke-width=\"1.4\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#4d4d4d\"/><path d=\"M0 0L8 8M0 8L8 0\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
        "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M4 0V8\" stroke=\"#000\" stroke-width=\"1.4\"/>"};
    for (int i = 0; i < bodies.length; i++) {
      b.append("<pattern id=\"").append(chartId).append("-p").append(i)
          .append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">").append(bodies[i]).append("</pattern>");
    }
    return b.append("</defs>").toString();
  }

  static String fill(String chartId, int i) {
    return "url(#" + chartId + "-p" + (i % PATTERNS) + ")";
  }
}
