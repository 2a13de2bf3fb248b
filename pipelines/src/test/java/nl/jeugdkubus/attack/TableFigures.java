package nl.jeugdkubus.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of docs/disclosure.md per published table, from the published rows, the internal cube (the truth)
 * and the attacker's result: count rows published, suppressed primary (true count 1..suppressUpTo) and
 * secondary, recovered, and the share of top-level count rows (every dimension totaal) with a true count of 10
 * or more that are published, with the exceptions.
 */
final class TableFigures {
  private TableFigures() {}

  static final class Figures {
    long rows;
    long published;
    long primary;
    long secondary;
    long recovered;
    long top10;
    long top10Published;
    final List<String> exceptions = new ArrayList<>();
  }

  static String key(Row r) {
    return String.join(" ", r.indicator(), r.periode(), r.gemeente(), r.leeftijd(), r.geslacht(), r.hulpvorm(),
        r.verwijzer(), r.productcategorie());
  }

  static Map<String, Figures> of(List<Row> published, List<Row> internal, Attacker.Result attack, int suppressUpTo) {
    Map<String, Double> truth = new HashMap<>();
    for (Row r : internal) if ("aantal".equals(r.eenheid()) && r.teller() != null) truth.put(key(r), r.teller());
    java.util.Set<String> recovered = new java.util.HashSet<>();
    for (Attacker.Recovery x : attack.recoveries()) recovered.add(x.cell());
    Map<String, Figures> out = new TreeMap<>();
    for (Row r : published) {
      if (!"aantal".equals(r.eenheid())) continue;
      Figures f = out.computeIfAbsent(r.tabel() == null ? "cube" : r.tabel(), k -> new Figures());
      Figures all = out.computeIfAbsent("~ all tables", k -> new Figures());
      Double t = truth.get(key(r));
      boolean top = true;
      for (int d = 0; d < 5; d++) top &= Row.TOTAAL.equals(r.dim(d));
      for (Figures g : List.of(f, all)) {
        g.rows++;
        if (!r.onderdrukt()) g.published++;
        else if (t != null && t >= 1 && t <= suppressUpTo) g.primary++;
        else g.secondary++;
        if (recovered.contains(AttackModel.key(r.indicator(), r, r.leeftijd(), r.verwijzer()))) g.recovered++;
        if (top && t != null && t >= 10) {
          g.top10++;
          if (!r.onderdrukt()) g.top10Published++;
          else if (g == f) f.exceptions.add(r.where() + " (true " + Math.round(t) + ")");
        }
      }
    }
    return out;
  }

  static String render(Map<String, Figures> figures) {
    StringBuilder s = new StringBuilder("| table | count rows | published | suppressed primary | suppressed secondary | "
        + "recovered | top-level rows >= 10 | of which published |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    figures.forEach((k, f) -> s.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d (%.1f %%) |%n", k,
        f.rows, f.published, f.primary, f.secondary, f.recovered, f.top10, f.top10Published,
        f.top10 == 0 ? 100.0 : 100.0 * f.top10Published / f.top10)));
    figures.forEach((k, f) -> f.exceptions.stream().limit(20).forEach(e -> s.append("exception ").append(k).append(": ")
        .append(e).append('\n')));
    return s.toString();
  }
}
