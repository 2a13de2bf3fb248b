package nl.jeugdkubus.marts.protect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.marts.PublishedTables;
import nl.jeugdkubus.marts.TableCatalogue;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a test (it prints and asserts nothing; it runs only with -Dprotect.diagnose=<output folder of a
 * run with --internalCube=true>, e.g. AttackAtScaleTest's with -Dattack.keep): protects the blocks of that run's
 * internal cube as ProtectTables does (the rows some table publishes, one year of one region per block) and prints
 * why each suppressed top-level cell with a count of 10 or more was suppressed (BlockProtection.Stats#topLevel),
 * for the list in docs/disclosure.md.
 */
@EnabledIfSystemProperty(named = "protect.diagnose", matches = ".+")
class TopLevelSuppressionsDiagnostic {
  @Test
  void printWhyTopLevelCellsAreSuppressed() throws Exception {
    Path out = Path.of(System.getProperty("protect.diagnose"));
    IndicatorCatalogue cat = IndicatorCatalogue.load(null);
    PublishedTables tables = new PublishedTables(TableCatalogue.load(null, cat));
    Map<String, List<CubeRow>> blocks = new TreeMap<>();
    for (CubeRow r : InternalCube.rows(out.resolve("internal").resolve("cube"))) {
      if (tables.published(r)) blocks.computeIfAbsent(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), k -> new ArrayList<>()).add(r);
    }
    BlockProtection p = new BlockProtection(cat, 5, 7, true);
    for (Map.Entry<String, List<CubeRow>> b : blocks.entrySet()) {
      p.protect(b.getValue());
      p.stats().topLevel.forEach((cell, why) -> {
        if (Long.parseLong(cell.substring(cell.lastIndexOf(' ') + 1)) >= 10) System.out.println("TOPLEVEL " + cell + " | " + why);
      });
    }
  }
}
