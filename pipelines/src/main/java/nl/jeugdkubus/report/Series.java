package nl.jeugdkubus.report;

import java.util.List;

/** A named row of points, one per period of the chart (same order). */
public record Series(String label, List<Point> points) {
  public boolean anyValue() {
    return points.stream().anyMatch(Point::hasValue);
  }
}
