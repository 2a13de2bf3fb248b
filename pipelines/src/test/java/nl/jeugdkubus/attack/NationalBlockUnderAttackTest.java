package nl.jeugdkubus.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.PublishedTables;
import nl.jeugdkubus.marts.TableCatalogue;
import nl.jeugdkubus.marts.protect.BlockProtection;
import nl.jeugdkubus.marts.protect.InternalCube;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;
import org.junit.jupiter.api.Test;

/**
 * The block that broke the protection at national scale (docs/disclosure.md "National scale"): the internal cube of
 * jeugdregio Noord Limburg, 2024H1, from a generated national run (seed 42, synthetic people; 36,877 cells, kept in
 * the test resources). Before the deep LP audit, the independent attacker narrowed four suppressed counts of
 * GM1507 into 1..6: young people with jeugdhulp and with jeugdzorg of age onbekend, totaal and V, through a
 * program over the age sums, the geslacht sums, the measure relations and the region, which the suppressor's own
 * 80-cell programs did not see (with -Djeugdkubus.protect.lpDeep=false this test fails that way). The block is
 * protected by the current code and attacked with everything published: nothing may be recovered, and every
 * interval the attacker claims must contain the true count.
 */
class NationalBlockUnderAttackTest {
  static final Path CUBE = Path.of("src/test/resources/protect/noord-limburg-2024H1");

  @Test
  void theNationalBlockGivesNothingAway() throws Exception {
    IndicatorCatalogue cat = IndicatorCatalogue.load(null);
    PublishedTables tables = new PublishedTables(TableCatalogue.load(null, cat));
    List<CubeRow> block = new ArrayList<>();
    Map<String, String> regions = new HashMap<>();
    for (CubeRow r : InternalCube.rows(CUBE)) {
      if (r.getGemeenteCode().startsWith("GM")) regions.put(r.getGemeenteCode(), "REG_" + r.getRegio().replace(' ', '_'));
      if (tables.published(r)) block.add(r);
    }
    assertEquals(7, regions.size(), "the seven gemeenten of Noord Limburg");
    PublishedOutput.Parameters cbs = new PublishedOutput.Parameters(5, 7);
    BlockProtection p = new BlockProtection(cat, cbs.roundTo(), cbs.suppressUpTo(), true, false);
    List<Row> published = new ArrayList<>();
    for (CubeRow r : p.protect(block)) {
      if (r.getIndicator().endsWith("_index")) continue; // recomputed by the job from published values
      for (PublishedRow x : tables.rowsOf(r)) {
        published.add(new Row(x.getTabel(), x.getIndicator(), x.getPeriode(), x.getGemeenteCode(),
            x.getLeeftijdsklasse(), x.getGeslacht(), x.getHulpvorm(), x.getVerwijzer(), x.getProductcategorie(),
            x.getTeller(), x.getNoemer(), x.getWaarde(), x.getEenheid(), x.getOnderdrukt()));
      }
    }
    assertEquals(0, p.stats().exposed, "the suppressor's own audit");
    Attacker.Result r = Attacker.attack(published, cbs, regions);
    assertTrue(r.suppressedTargets() > 1000, "a real block: " + r.figures());
    List<String> wrong = Attacker.falseClaims(r, AttackModel.truth(PublishedOutput.read(CUBE)));
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    StringBuilder why = new StringBuilder(r.figures());
    r.recoveries().stream().limit(4).forEach(x -> why.append('\n').append(x.summary()));
    assertEquals(0, r.recoveries().size(), why.toString());
  }
}
