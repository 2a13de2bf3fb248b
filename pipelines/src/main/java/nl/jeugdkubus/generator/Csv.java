package nl.jeugdkubus.generator;

/** CSV output as docs/input-formats.md describes it: ';'-separated, quoted only when needed. */
final class Csv {
  private Csv() {}

  static String field(String s) {
    if (s == null) return "";
    if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String line(String[] fields) {
    StringBuilder sb = new StringBuilder(160);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(';');
      sb.append(field(fields[i]));
    }
    return sb.toString();
  }

  /** Cents as euros with a decimal comma and no thousands separator: 125000 -> "1250,00". */
  static String euros(long cents) {
    long abs = Math.abs(cents);
    String s = (abs / 100) + "," + (abs % 100 < 10 ? "0" : "") + (abs % 100);
    return cents < 0 ? "-" + s : s;
  }
}
