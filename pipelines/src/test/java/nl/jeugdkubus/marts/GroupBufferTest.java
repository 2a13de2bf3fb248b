package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.jeugdkubus.marts.IndicatorCalculator.Contribution;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregation before the cube's shuffle, as a worked example. Two persons in Aalten (GM0197), both girls
 * aged 12-17, in 2024H1:
 * <ul>
 *   <li>Anna: jongeren_jeugdhulp count 1; kosten 300 euro (30,000 cents) in hulpvorm 02; a waiting time of 10 days.</li>
 *   <li>Bea: jongeren_jeugdhulp count 1; kosten 200 euro in hulpvorm 02; a waiting time of 10 days; and her
 *       count in geslacht totaal, a cell of another group.</li>
 * </ul>
 * Combined: jongeren_jeugdhulp 2; kosten 2 lines, 50,000 cents; wachttijd 2 units, 20 days, histogram {10: 2};
 * the other group 1. That is 3 cells in the first group and 1 in the second: 4 cells in 2 groups.
 */
class GroupBufferTest {
  private static CellKey key(String measure, String sex, String hulpvorm) {
    return new CellKey(measure, "2024H1", "GM0197", "12-17", sex, hulpvorm, "totaal", "totaal");
  }

  private static List<Contribution> anna() {
    Acc wacht = new Acc();
    wacht.addDays(10);
    return List.of(new Contribution(key("jongeren_jeugdhulp", "v", "totaal"), new Acc(1, 0)),
        new Contribution(key("kosten", "v", "02"), new Acc(1, 30_000)),
        new Contribution(key("wachttijd", "v", "totaal"), wacht));
  }

  private static List<Contribution> bea() {
    Acc wacht = new Acc();
    wacht.addDays(10);
    return List.of(new Contribution(key("jongeren_jeugdhulp", "v", "totaal"), new Acc(1, 0)),
        new Contribution(key("kosten", "v", "02"), new Acc(1, 20_000)),
        new Contribution(key("wachttijd", "v", "totaal"), wacht),
        new Contribution(key("jongeren_jeugdhulp", "totaal", "totaal"), new Acc(1, 0)));
  }

  private static Map<String, Map<CellKey, Acc>> asMap(List<Map.Entry<String, CellGroup>> groups) {
    Map<String, Map<CellKey, Acc>> out = new TreeMap<>();
    for (Map.Entry<String, CellGroup> g : groups) {
      out.merge(g.getKey(), new TreeMap<>(g.getValue().cells()), (a, b) -> {
        Map<CellKey, Acc> m = new TreeMap<>();
        a.forEach((k, v) -> m.put(k, v.copy()));
        b.forEach((k, v) -> m.merge(k, v.copy(), Acc::merge));
        return m;
      });
    }
    return out;
  }

  @Test
  void twoPersonsCombineIntoTheirGroups() {
    GroupBuffer buffer = new GroupBuffer(100);
    assertFalse(buffer.add(anna()));
    assertFalse(buffer.add(bea()));
    assertEquals(4, buffer.cells());
    Map<String, Map<CellKey, Acc>> groups = asMap(buffer.drain());
    assertEquals(0, buffer.cells());
    assertEquals(List.of("GM0197|12-17|totaal", "GM0197|12-17|v"), List.copyOf(groups.keySet()));
    Map<CellKey, Acc> girls = groups.get("GM0197|12-17|v");
    assertEquals(new Acc(2, 0), girls.get(key("jongeren_jeugdhulp", "v", "totaal")));
    assertEquals(new Acc(2, 50_000), girls.get(key("kosten", "v", "02")));
    Acc wacht = girls.get(key("wachttijd", "v", "totaal"));
    assertEquals(2, wacht.count());
    assertEquals(20, wacht.sum());
    assertEquals(Map.of(10L, 2L), wacht.hist());
    assertEquals(Map.of(key("jongeren_jeugdhulp", "totaal", "totaal"), new Acc(1, 0)), groups.get("GM0197|12-17|totaal"));
  }

  @Test
  void saysWhenItHoldsMoreThanItsBound() {
    GroupBuffer buffer = new GroupBuffer(3);
    assertFalse(buffer.add(anna()), "3 cells is not more than 3");
    assertTrue(buffer.add(bea()), "Bea adds one new cell: 4 > 3");
  }

  @Test
  void drainingEarlyChangesTheRecordsNotTheResult() {
    GroupBuffer once = new GroupBuffer(100);
    once.add(anna());
    once.add(bea());
    Map<String, Map<CellKey, Acc>> atTheEnd = asMap(once.drain());

    GroupBuffer often = new GroupBuffer(1);
    often.add(anna());
    List<Map.Entry<String, CellGroup>> first = often.drain();
    often.add(bea());
    List<Map.Entry<String, CellGroup>> records = new java.util.ArrayList<>(first);
    records.addAll(often.drain());
    assertEquals(3, records.size(), "one record for Anna's group, two for Bea's");
    // combined the way the shuffle combines them
    Map<String, CellGroup> combined = new TreeMap<>();
    for (Map.Entry<String, CellGroup> r : records) combined.computeIfAbsent(r.getKey(), k -> new CellGroup()).merge(r.getValue());
    assertEquals(atTheEnd, asMap(List.copyOf(combined.entrySet())));
  }

  @Test
  void mergeLeavesTheOtherGroupAsItWas() {
    CellGroup a = new CellGroup();
    for (Contribution c : anna()) a.add(c.key(), c.acc());
    CellGroup b = new CellGroup();
    for (Contribution c : bea()) b.add(c.key(), c.acc());
    a.merge(b);
    assertEquals(new Acc(1, 20_000), b.cells().get(key("kosten", "v", "02")));
    a.merge(b);
    assertEquals(new Acc(3, 70_000), a.cells().get(key("kosten", "v", "02")));
    assertEquals(new Acc(1, 20_000), b.cells().get(key("kosten", "v", "02")));
  }

  @Test
  void coderRoundTrip() throws Exception {
    CellGroup g = new CellGroup();
    for (Contribution c : bea()) g.add(c.key(), c.acc());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CellGroup.CellGroupCoder.of().encode(g, bytes);
    CellGroup back = CellGroup.CellGroupCoder.of().decode(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(new TreeMap<>(g.cells()), new TreeMap<>(back.cells()));
    assertEquals(Map.of(10L, 1L), back.cells().get(key("wachttijd", "v", "totaal")).hist());
    assertEquals(4, back.cells().values().stream().collect(Collectors.counting()));
  }
}
