package nl.jeugdkubus.staging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Damages a text the way broken exports and messages are damaged: for the property tests. */
final class Mutations {
  private Mutations() {}

  private static final Pattern LEAF = Pattern.compile("<([\\w]+:[\\w]+)>[^<]*</\\1>");
  private static final Pattern OPEN = Pattern.compile("<([\\w]+:[\\w]+)>");
  private static final String[] VALUES = {"", " ", "999900018", "9999 000 18", "2026-02-30", "0", "-1", "12,50", "C", "X",
      "99999999999999999999", "&amp;", "&lt;x&gt;", "<![CDATA[a]]>", "ä€", "\t\n", "x".repeat(5000)};
  private static final String[] GARBAGE = {"<", ">", "&", "</x>", "<x>", "\"", "'", "\u0000", "\uFFFE", ";", "\n", "\r\n", "\r",
      "\"\"", ";;", "\uFEFF"};

  /** Element-level mutations of an XML message, then byte-level damage. */
  static byte[] xml(String text, Random r, int operations) {
    String s = text;
    for (int i = 0; i < operations; i++) {
      // mostly structural damage (the parser sees a well-formed message), sometimes a broken one
      switch (r.nextInt(14) / 3) {
        case 0 -> s = deleteElement(s, r);
        case 1 -> s = duplicateElement(s, r);
        case 2 -> s = swapLeaves(s, r);
        case 3 -> s = replaceLeafText(s, r);
        default -> s = r.nextBoolean() ? s.substring(0, r.nextInt(s.length() + 1)) : insert(s, r, GARBAGE[r.nextInt(GARBAGE.length)]);
      }
    }
    return flipBytes(s.getBytes(StandardCharsets.UTF_8), r, r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 0);
  }

  /** Line-level mutations of a CSV file, then byte-level damage. */
  static byte[] csv(String text, Random r, int operations) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (int i = 0; i < operations && !lines.isEmpty(); i++) {
      int k = r.nextInt(lines.size());
      switch (r.nextInt(8)) {
        case 0 -> lines.remove(k);
        case 1 -> lines.add(k, lines.get(k));
        case 2 -> java.util.Collections.swap(lines, k, r.nextInt(lines.size()));
        case 3 -> lines.set(k, replaceField(lines.get(k), r));
        case 4 -> lines.set(k, insert(lines.get(k), r, GARBAGE[r.nextInt(GARBAGE.length)]));
        case 5 -> lines.set(k, lines.get(k).substring(0, r.nextInt(lines.get(k).length() + 1)));
        case 6 -> lines.add(k, "");
        default -> { }
      }
    }
    String s = String.join("\n", lines);
    return flipBytes(s.getBytes(StandardCharsets.UTF_8), r, r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0);
  }

  private static String replaceField(String line, Random r) {
    String[] f = line.split(";", -1);
    f[r.nextInt(f.length)] = VALUES[r.nextInt(VALUES.length)];
    return String.join(";", f);
  }

  private static List<int[]> elements(String s) {
    List<int[]> out = new ArrayList<>();
    Matcher m = OPEN.matcher(s);
    while (m.find()) {
      int end = s.indexOf("</" + m.group(1) + ">", m.end());
      if (end >= 0) out.add(new int[] {m.start(), end + m.group(1).length() + 3});
    }
    return out;
  }

  private static String deleteElement(String s, Random r) {
    List<int[]> e = elements(s);
    if (e.isEmpty()) return s;
    int[] x = e.get(r.nextInt(e.size()));
    return s.substring(0, x[0]) + s.substring(x[1]);
  }

  private static String duplicateElement(String s, Random r) {
    List<int[]> e = elements(s);
    if (e.isEmpty()) return s;
    int[] x = e.get(r.nextInt(e.size()));
    return s.substring(0, x[1]) + s.substring(x[0], x[1]) + s.substring(x[1]);
  }

  private static String swapLeaves(String s, Random r) {
    List<int[]> leaves = new ArrayList<>();
    Matcher m = LEAF.matcher(s);
    while (m.find()) leaves.add(new int[] {m.start(), m.end()});
    if (leaves.size() < 2) return s;
    int i = r.nextInt(leaves.size() - 1);
    int[] a = leaves.get(i);
    int[] b = leaves.get(i + 1);
    return s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1], b[0]) + s.substring(a[0], a[1]) + s.substring(b[1]);
  }

  private static String replaceLeafText(String s, Random r) {
    List<int[]> leaves = new ArrayList<>();
    Matcher m = LEAF.matcher(s);
    while (m.find()) leaves.add(new int[] {m.start(), m.end(), m.group(1).length()});
    if (leaves.isEmpty()) return s;
    int[] x = leaves.get(r.nextInt(leaves.size()));
    int textStart = x[0] + x[2] + 2;
    int textEnd = x[1] - x[2] - 3;
    return s.substring(0, textStart) + VALUES[r.nextInt(VALUES.length)] + s.substring(textEnd);
  }

  private static String insert(String s, Random r, String what) {
    int at = r.nextInt(s.length() + 1);
    return s.substring(0, at) + what + s.substring(at);
  }

  private static byte[] flipBytes(byte[] b, Random r, int n) {
    for (int i = 0; i < n && b.length > 0; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
    return b;
  }
}
