package nl.jeugdkubus.report;

/**
 * One value of a chart: published (value not null), suppressed by disclosure control (drawn as a gap with a
 * mark, never as zero), or absent (no published row: drawn as a gap without mark).
 */
public record Point(Double value, boolean suppressed) {
  public static final Point ABSENT = new Point(null, false);
  public static final Point SUPPRESSED = new Point(null, true);

  public static Point of(double v) {
    return new Point(v, false);
  }

  public static Point of(Cell c) {
    if (c == null) return ABSENT;
    if (c.onderdrukt() || c.waarde() == null) return c.onderdrukt() ? SUPPRESSED : ABSENT;
    return of(c.waarde());
  }

  public boolean hasValue() {
    return value != null;
  }
}
