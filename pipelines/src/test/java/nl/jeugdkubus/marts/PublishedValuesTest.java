package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * Every published number is derived from the published (rounded) counts (docs/disclosure.md), worked by hand
 * on the leaks of issue 9 (the old cube, Aalten 2021 in the sample).
 */
class PublishedValuesTest {
  static CubeRow row(String indicator, Double teller, Double noemer, Double waarde, String eenheid) {
    return CubeRow.newBuilder().setIndicator(indicator).setPeriode("2021").setGemeenteCode("GM0197")
        .setGemeenteNaam("Aalten").setRegio("Achterhoek").setLeeftijdsklasse("totaal").setGeslacht("totaal")
        .setHulpvorm("totaal").setVerwijzer("totaal").setProductcategorie("totaal").setTeller(teller).setNoemer(noemer)
        .setWaarde(waarde).setEenheid(eenheid).setOnderdrukt(false).setCbsStatus("n.v.t.").setRunId("t").build();
  }

  /**
   * jongeren_jeugdhulp_per1000: true teller 57, noemer 511 (the public population). The old cube published
   * teller 55 and waarde 111.5 = 1000 x 57 / 511, and only 57 gives 111.5: the rounding was undone. Now
   * waarde = 1000 x 55 / 511 = 107.63 -> 107.6, which every teller 53..57 is consistent with.
   */
  @Test
  void aRateWithAnExactNoemerUsesThePublishedTeller() {
    CubeRow r = PublishedValues.publish(row("jongeren_jeugdhulp_per1000", 57.0, 511.0, 111.5, "per_1000"), 5);
    assertEquals(55.0, r.getTeller());
    assertEquals(511.0, r.getNoemer());
    assertEquals(107.6, r.getWaarde());
    CubeRow pct = PublishedValues.publish(row("jongeren_jeugdhulp_pct", 57.0, 511.0, 11.2, "procent"), 5);
    assertEquals(10.8, pct.getWaarde()); // 100 x 55 / 511 = 10.76
  }

  /**
   * kosten_per_client, Aalten 2021 hulpvorm 02: teller EUR 83,603, 31 clients. The old waarde 2,697 =
   * 83,603 / 31 gave the 31 away. Now 83,603 / 30 (the published noemer) = 2,786.77 -> 2,787.
   */
  @Test
  void anAmountPerClientUsesThePublishedNoemer() {
    CubeRow r = PublishedValues.publish(row("kosten_per_client", 83603.0, 31.0, 2697.0, "euro"), 5);
    assertEquals(30.0, r.getNoemer());
    assertEquals(83603.0, r.getTeller());
    assertEquals(2787.0, r.getWaarde());
  }

  /** A share of two counts: both rounded, waarde from the rounded ones: 13 / 42 -> 15 / 40 = 37.5 (not 31.0). */
  @Test
  void aShareUsesBothPublishedCounts() {
    CubeRow r = PublishedValues.publish(row("trajecten_beeindigd_volgens_plan_pct", 13.0, 42.0, 31.0, "procent"), 5);
    assertEquals(15.0, r.getTeller());
    assertEquals(40.0, r.getNoemer());
    assertEquals(37.5, r.getWaarde());
  }

  /**
   * Means with decimals exclude counts: stapeling_gemiddeld 1.64 over a published 10 (so 8..12, and 13 is out)
   * needs S/n in [1.635, 1.645) for a whole S: n = 11 (18/11 = 1.636) works, n = 9 (1.556, 1.667), 10 (1.6, 1.7)
   * and 12 (1.583, 1.667) do not, so 1.64 pins the count at 11. Published in whole units, a mean every n is
   * consistent with (S = w x n). Medians likewise (155.5 says the count is even).
   */
  @Test
  void meansAndMediansInWholeUnits() {
    CubeRow m = PublishedValues.publish(row("stapeling_gemiddeld", null, 11.0, 1.64, "gemiddelde"), 5);
    assertEquals(10.0, m.getNoemer());
    assertEquals(2.0, m.getWaarde());
    CubeRow d = PublishedValues.publish(row("trajectduur_mediaan", null, 10.0, 155.5, "dagen"), 5);
    assertEquals(156.0, d.getWaarde());
    CubeRow w = PublishedValues.publish(row("wachttijd_toewijzing_gemiddeld", null, 8.0, 8.4, "dagen"), 5);
    assertEquals(10.0, w.getNoemer());
    assertEquals(8.0, w.getWaarde());
  }

  /** Amounts from public inputs only are not sensitive: to the cent (1,000,000 / 3,000 = 333.33). */
  @Test
  void publicAmountsPerYoungResidentToTheCent() {
    CubeRow r = PublishedValues.publish(row("lasten_jeugd_per_jongere", 1_000_000.0, 3000.0, 333.0, "euro"), 5);
    assertEquals(333.33, r.getWaarde());
    assertEquals(3000.0, r.getNoemer());
    // per client of care is not public: from the published count, whole euros (1,000,000 / 60, 62 rounded to 60)
    CubeRow g = PublishedValues.publish(row("lasten_jeugd_per_gebruiker", 1_000_000.0, 62.0, 16129.0, "euro"), 5);
    assertEquals(60.0, g.getNoemer());
    assertEquals(16667.0, g.getWaarde());
  }

  @Test
  void indexAndDifferenceFromPublishedValues() {
    assertEquals(107.6, PublishedValues.index(10.8, 10.04));
    assertEquals(-7.5, PublishedValues.difference(2.9, 10.4));
    assertEquals(null, PublishedValues.index(10.8, 0.0));
  }

  /**
   * A share of a year of flows from the published counts it is given (the sums of the published half-years,
   * marts/protect/PublishedCounts): trajecten_beeindigd_volgens_plan_pct 2024, true 37 / 57; published 40 / 60
   * (20 + 20 over 30 + 30), waarde 100 x 40 / 60 = 66.7, not 100 x 35 / 55 = 63.6 from the year's own rounded counts.
   */
  @Test
  void aShareOfAFlowsYearUsesTheGivenPublishedCounts() {
    CubeRow r = PublishedValues.publish(row("trajecten_beeindigd_volgens_plan_pct", 37.0, 57.0, 64.9, "procent"), 40.0, 60.0);
    assertEquals(40.0, r.getTeller());
    assertEquals(60.0, r.getNoemer());
    assertEquals(66.7, r.getWaarde());
    assertEquals(63.6, PublishedValues.publish(row("trajecten_beeindigd_volgens_plan_pct", 37.0, 57.0, 64.9, "procent"), 5)
        .getWaarde());
  }
}
