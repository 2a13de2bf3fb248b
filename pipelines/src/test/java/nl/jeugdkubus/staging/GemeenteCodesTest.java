package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GemeenteCodesTest {
  static final GemeenteCodes PACKAGED = GemeenteCodes.packaged();
  @TempDir Path dir;

  @Test
  void currentMergedAndUnknownCodes() {
    assertEquals("GM0197", PACKAGED.resolve("GM0197")); // Aalten
    assertEquals("GM1963", PACKAGED.resolve("GM1963")); // Hoeksche Waard itself
    assertEquals("GM1963", PACKAGED.resolve("GM0585")); // Binnenmaas, 2019-01-01
    assertEquals("GM1978", PACKAGED.resolve("GM1927")); // Molenwaard, 2019-01-01
    assertEquals("GM0363", PACKAGED.resolve("GM0457")); // Weesp into Amsterdam, 2022-03-24
    assertTrue(PACKAGED.isMerged("GM0689"));
    assertFalse(PACKAGED.isCurrent("GM0689"));
    assertNull(PACKAGED.resolve("GM9999"));
    assertNull(PACKAGED.resolve(null));
  }

  @Test
  void checkMapsAndNotesOrRejects() {
    Issues ok = new Issues();
    assertEquals("GM1978", PACKAGED.check("gemeentecode", "GM0689", ok));
    assertTrue(ok.isEmpty());
    assertEquals(List.of(GemeenteCodes.MAPPED_NOTE), ok.notes());

    Issues current = new Issues();
    assertEquals("GM0197", PACKAGED.check("gemeentecode", "GM0197", current));
    assertTrue(current.isEmpty() && current.notes().isEmpty());

    Issues bad = new Issues();
    PACKAGED.check("gemeentecode", "GM9999", bad);
    assertEquals(Reasons.UNKNOWN_GEMEENTE, bad.reason());
    assertTrue(bad.detail().startsWith("gemeentecode GM9999 is neither a gemeente"), bad.detail());
    assertTrue(bad.notes().isEmpty());
  }

  @Test
  void everyMergedAwayCodeLeadsToACurrentGemeente() {
    for (var r : ConfTables.packaged().table(GemeenteCodes.HERINDELINGEN_TABLE).rows()) {
      assertTrue(PACKAGED.isCurrent(PACKAGED.resolve(r.get("oude_code"))), r.toString());
      assertEquals(r.get("nieuwe_code"), PACKAGED.resolve(r.get("oude_code")), "no chains in the packaged table");
    }
  }

  @Test
  void chainsAreFollowed() throws IOException {
    // GM0001 merged into GM0002, which merged into Hoeksche Waard later
    Path conf = confWith("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\nGM0001;A;GM0002;B;2015-01-01\nGM0002;B;GM1963;HW;2019-01-01\n");
    GemeenteCodes g = GemeenteCodes.load(ConfTables.load(conf.toString()));
    assertEquals("GM1963", g.resolve("GM0001"));
    assertEquals("GM1963", g.resolve("GM0002"));
  }

  @Test
  void badTablesAreRejected() throws IOException {
    assertThrows(IllegalStateException.class, () -> load("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\nGM0001;A;GM9999;X;2019-01-01\n"),
        "merges into an unknown code");
    assertThrows(IllegalStateException.class, () -> load("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\nGM0197;Aalten;GM1963;HW;2019-01-01\n"),
        "a current gemeente cannot be merged away");
    assertThrows(IllegalStateException.class, () -> load("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\nGM0001;A;GM1963;HW;1-1-2019\n"),
        "date form");
    assertThrows(IllegalStateException.class, () -> load("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\n0001;A;GM1963;HW;2019-01-01\n"),
        "code form");
    assertThrows(IllegalStateException.class, () -> load("oude_code;oude_naam;nieuwe_code;nieuwe_naam;datum\n"
        + "GM0001;A;GM0002;B;2019-01-01\nGM0002;B;GM0001;A;2020-01-01\n"), "a cycle");
    assertThrows(IllegalStateException.class, () -> load("old;new\nGM0001;GM1963\n"), "columns");
  }

  private GemeenteCodes load(String table) throws IOException {
    return GemeenteCodes.load(ConfTables.load(confWith(table).toString()));
  }

  private Path confWith(String herindelingen) throws IOException {
    Path conf = Files.createTempDirectory(dir, "conf");
    Path src = Path.of("..", "conf");
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) Files.copy(p, conf.resolve(p.getFileName()));
    }
    Files.writeString(conf.resolve(GemeenteCodes.HERINDELINGEN_TABLE), herindelingen);
    return conf;
  }
}
