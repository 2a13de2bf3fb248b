package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.jeugdkubus.common.ConfTables;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  static final Path DOC = Path.of("..", "docs", "data-dictionary.md");

  static String render() {
    ConfTables conf = ConfTables.load(Path.of("..", "conf").toString());
    return DataDictionary.render(TableCatalogue.load(conf), IndicatorCatalogue.load(conf));
  }

  @Test
  void theDictionaryIsUpToDate() throws Exception {
    assertEquals(render(), Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/data-dictionary.md is out of date: run nl.jeugdkubus.marts.DataDictionary ../conf ../docs/data-dictionary.md from pipelines/");
  }

  @Test
  void tablesColumnsAndIndicatorsAreDescribed() {
    String md = render();
    assertTrue(md.contains("| `verwijzers` | Gestarte specialistische trajecten naar verwijzer | verwijzer | half-years and years | `specialist_gestart`,"), md);
    assertTrue(md.contains("| `jongeren_stapeling` | Stapeling van hulpvormen | none | half-years and years |"));
    assertTrue(md.contains("| `trajecten_crisis` | Gestarte trajecten met en zonder crisis naar hulpvorm (per jaar) | hulpvorm | years only |"));
    assertTrue(md.contains("| `waarde` | double (nullable) |"));
    assertTrue(md.contains("| `onderdrukt` | boolean | true: suppressed by disclosure control"));
    assertTrue(md.contains("| `provincie` | string (nullable) | provincie (empty for a region) |"));
    assertTrue(md.contains("| `jongeren_jeugdhulp_pct` |") && md.contains("| `jongeren_jeugdhulp_pct_cbs` (CBS 85098NED) | `jongeren_jeugdzorg` |"));
    assertTrue(md.contains(IndicatorCatalogue.load(null).entries().size() + " indicators."));
  }
}
