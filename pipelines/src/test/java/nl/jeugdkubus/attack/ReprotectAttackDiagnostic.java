package nl.jeugdkubus.attack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.PublishedTables;
import nl.jeugdkubus.marts.TableCatalogue;
import nl.jeugdkubus.marts.protect.BlockProtection;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic for developers, not a test (it runs only with -Dreprotect=<output folder of a run with
 * --internalCube=true>, e.g. AttackAtScaleTest's with -Dattack.keep): protects that run's internal cube again, block
 * by block as ProtectTables does, with the protection of the current code, and attacks the result with the
 * independent attacker, without running the job (seconds instead of minutes); -Dreprotect.attack=false only times the
 * protection; -Dreprotect.regions=REG_a,REG_b protects and attacks only those regions' blocks. Index rows are left out (the job
 * recomputes them from published values). The real figures are AttackAtScaleTest's.
 */
@EnabledIfSystemProperty(named = "reprotect", matches = ".+")
class ReprotectAttackDiagnostic {
  @Test
  void protectAgainAndAttack() throws Exception {
    Path out = Path.of(System.getProperty("reprotect"));
    IndicatorCatalogue cat = IndicatorCatalogue.load(null);
    PublishedTables tables = new PublishedTables(TableCatalogue.load(null, cat));
    Map<String, List<CubeRow>> blocks = new TreeMap<>();
    // -Dreprotect.regions=REG_a,REG_b: only those blocks (a block is protected and attacked on its own)
    String only = System.getProperty("reprotect.regions", "");
    java.util.Set<String> regions = only.isEmpty() ? null : java.util.Set.of(only.split(","));
    for (CubeRow r : nl.jeugdkubus.marts.protect.InternalCube.rows(out.resolve("internal").resolve("cube"))) {
      if (regions != null && !regions.contains(r.getRegio())) continue;
      if (tables.published(r)) blocks.computeIfAbsent(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), k -> new ArrayList<>()).add(r);
    }
    PublishedOutput.Parameters params = PublishedOutput.parameters(out);
    BlockProtection p = new BlockProtection(cat, params.roundTo(), params.suppressUpTo(), true,
        Boolean.getBoolean("reprotect.topLevel"));
    List<Row> rows = new ArrayList<>();
    long t0 = System.nanoTime();
    int exposed = 0;
    for (List<CubeRow> b : blocks.values()) {
      for (CubeRow r : p.protect(b)) {
        if (r.getIndicator().endsWith("_index")) continue;
        for (PublishedRow x : tables.rowsOf(r)) {
          rows.add(new Row(x.getTabel(), x.getIndicator(), x.getPeriode(), x.getGemeenteCode(), x.getLeeftijdsklasse(),
              x.getGeslacht(), x.getHulpvorm(), x.getVerwijzer(), x.getProductcategorie(), x.getTeller(), x.getNoemer(),
              x.getWaarde(), x.getEenheid(), x.getOnderdrukt()));
        }
      }
      exposed += p.stats().exposed;
      p.stats().topLevel.forEach((cell, why) -> System.out.println("TOPLEVEL " + cell + ": " + why));
    }
    long protectMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("PROTECTION %s: %d blocks, %d published rows, %d ms in one thread%n", out, blocks.size(), rows.size(),
        protectMs);
    System.out.flush();
    if ("false".equals(System.getProperty("reprotect.attack"))) return;
    Attacker.Result r = Attacker.attack(rows, params, PublishedOutput.regions(out));
    Map<String, Double> truth = AttackModel.truth(PublishedOutput.internal(out));
    List<String> wrong = Attacker.falseClaims(r, truth);
    System.out.printf("REPROTECT %s: protection %d ms, exposed (own audit) %d; %s; false claims %d%n", out, protectMs,
        exposed, r.figures(), wrong.size());
    wrong.stream().limit(3).forEach(System.out::println);
    r.recoveries().stream().limit(Integer.getInteger("reprotect.show", 8))
        .forEach(x -> System.out.println(x.summary() + "\n" + x.chain()));
    System.out.println(TableFigures.render(TableFigures.of(rows, PublishedOutput.internal(out), r, params.suppressUpTo())));
  }
}
