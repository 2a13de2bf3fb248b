package nl.jeugdkubus.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.protect.BlockProtection;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * The suppressor's output (marts/protect, secondary suppression on and deliberately off) attacked by the
 * independent attacker, on small hand-made blocks: with secondary suppression off the attacker recovers the
 * primary cell, with it on it recovers nothing.
 */
class ProtectionUnderAttackTest {
  static final PublishedOutput.Parameters CBS = new PublishedOutput.Parameters(5, 7);
  static final Map<String, String> REGIONS = Map.of("GM0197", "REG_Achterhoek", "GM0294", "REG_Achterhoek");

  static CubeRow cube(String periode, String gemeente, String hulpvorm, double n) {
    return CubeRow.newBuilder().setIndicator("trajecten_gestart").setPeriode(periode).setGemeenteCode(gemeente)
        .setGemeenteNaam(gemeente).setRegio("Achterhoek").setLeeftijdsklasse("totaal").setGeslacht("totaal")
        .setHulpvorm(hulpvorm).setVerwijzer("totaal").setProductcategorie("totaal").setTeller(n).setNoemer(null)
        .setWaarde(n).setEenheid("aantal").setOnderdrukt(false).setCbsStatus("n.v.t.").setRunId("t").build();
  }

  static List<Row> published(List<CubeRow> rows, boolean secondary) {
    List<Row> out = new ArrayList<>();
    for (CubeRow r : new BlockProtection(IndicatorCatalogue.load(null), 5, 7, secondary).protect(rows)) {
      out.add(new Row("trajecten_hulpvorm", r.getIndicator(), r.getPeriode(), r.getGemeenteCode(), r.getLeeftijdsklasse(),
          r.getGeslacht(), r.getHulpvorm(), r.getVerwijzer(), r.getProductcategorie(), r.getTeller(), r.getNoemer(),
          r.getWaarde(), r.getEenheid(), r.getOnderdrukt()));
    }
    return out;
  }

  /**
   * Two gemeenten and their region, two half-years and the year, hulpvorm 01, 03 and totaal. Aalten 2024H1
   * hulpvorm 03 is 3 (the primary), 2024H2 9 and the year 12. Without secondary suppression the year (published 10,
   * so 8..12) minus 2024H2 (published 10, so 8..12) leaves 2024H1 at most 4 (and at least 1: suppressed).
   */
  static List<CubeRow> block() {
    List<CubeRow> rows = new ArrayList<>();
    double[][] aalten = {{3, 27}, {9, 30}}; // [half][hulpvorm 03, 01]
    double[][] winterswijk = {{20, 20}, {15, 25}};
    for (int h = 0; h < 2; h++) {
      String p = "2024H" + (h + 1);
      add(rows, p, "GM0197", aalten[h][0], aalten[h][1]);
      add(rows, p, "GM0294", winterswijk[h][0], winterswijk[h][1]);
      add(rows, p, "REG_Achterhoek", aalten[h][0] + winterswijk[h][0], aalten[h][1] + winterswijk[h][1]);
    }
    add(rows, "2024", "GM0197", aalten[0][0] + aalten[1][0], aalten[0][1] + aalten[1][1]);
    add(rows, "2024", "GM0294", winterswijk[0][0] + winterswijk[1][0], winterswijk[0][1] + winterswijk[1][1]);
    add(rows, "2024", "REG_Achterhoek", aalten[0][0] + aalten[1][0] + winterswijk[0][0] + winterswijk[1][0],
        aalten[0][1] + aalten[1][1] + winterswijk[0][1] + winterswijk[1][1]);
    return rows;
  }

  private static void add(List<CubeRow> rows, String p, String g, double h03, double h01) {
    rows.add(cube(p, g, "03", h03));
    rows.add(cube(p, g, "01", h01));
    rows.add(cube(p, g, "totaal", h03 + h01));
  }

  @Test
  void withoutSecondarySuppressionTheAttackerRecoversThePrimary() {
    Attacker.Result r = Attacker.attack(published(block(), false), CBS, REGIONS);
    assertTrue(r.recoveries().stream().anyMatch(x -> x.cell().startsWith("trajecten_gestart 2024H1 GM0197 totaal totaal 03")),
        r.figures());
  }

  @Test
  void withSecondarySuppressionNothingIsRecovered() {
    Attacker.Result r = Attacker.attack(published(block(), true), CBS, REGIONS);
    assertEquals(0, r.recoveries().size(), r.recoveries().isEmpty() ? "" : r.recoveries().get(0).summary() + "\n"
        + r.recoveries().get(0).chain());
    assertTrue(r.suppressedTargets() >= 4, r.figures()); // at least the rectangle
  }
}
