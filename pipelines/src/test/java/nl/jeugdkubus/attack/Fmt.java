package nl.jeugdkubus.attack;

final class Fmt {
  private Fmt() {}

  static String num(double x) {
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
    return String.format(java.util.Locale.ROOT, "%.2f", x);
  }

  static String interval(Bounds b, int v) {
    double l = b.lo(v);
    double h = b.hi(v);
    return l == h ? "{" + num(l) + "}" : "[" + num(l) + ".." + num(h) + "]";
  }
}
