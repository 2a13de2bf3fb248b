package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {
  /** Surefire runs in the pipelines module; the docs are one level up. */
  private static final Path DOCS = Path.of("..", "docs", "indicators.md");

  @Test
  void docsAreUpToDateWithTheCatalogue() throws Exception {
    String expected = IndicatorDocs.render(IndicatorCatalogue.load(nl.jeugdkubus.common.ConfTables.load(Path.of("..", "conf").toString())));
    String actual = Files.readString(DOCS, StandardCharsets.UTF_8);
    assertEquals(expected, actual,
        "docs/indicators.md is out of date: run nl.jeugdkubus.marts.IndicatorDocs ../conf ../docs/indicators.md from pipelines/");
  }

  @Test
  void catalogueAndRegistryHaveTheSameCodesAndUnits() {
    Map<String, String> catalogue = new LinkedHashMap<>();
    for (IndicatorCatalogue.Entry e : IndicatorCatalogue.load(null).entries()) {
      assertTrue(catalogue.put(e.code(), e.eenheid()) == null, "duplicate code in catalogue: " + e.code());
      assertFalse(e.naamNl().isBlank(), e.code());
      assertFalse(e.nameEn().isBlank(), e.code());
      assertFalse(e.definitie().isBlank(), e.code());
      assertFalse(e.bron().isBlank(), e.code());
    }
    Map<String, String> registry = new LinkedHashMap<>();
    for (Indicators.Indicator i : Indicators.all().values()) registry.put(i.code(), i.eenheid());
    Set<String> onlyCatalogue = new LinkedHashSet<>(catalogue.keySet());
    onlyCatalogue.removeAll(registry.keySet());
    Set<String> onlyRegistry = new LinkedHashSet<>(registry.keySet());
    onlyRegistry.removeAll(catalogue.keySet());
    assertEquals(Set.of(), onlyCatalogue, "in conf/indicators.csv but not computed");
    assertEquals(Set.of(), onlyRegistry, "computed but not in conf/indicators.csv");
    assertEquals(registry, catalogue, "eenheid differs between catalogue and registry");
  }

  @Test
  void everyUnitIsADocumentedOne() {
    Set<String> units = Set.of("aantal", "per_1000", "procent", "euro", "dagen", "gemiddelde", "procentpunt", "index");
    for (IndicatorCatalogue.Entry e : IndicatorCatalogue.load(null).entries()) {
      assertTrue(units.contains(e.eenheid()), e.code() + ": " + e.eenheid());
    }
  }
}
