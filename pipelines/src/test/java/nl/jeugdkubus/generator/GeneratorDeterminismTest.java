package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeneratorDeterminismTest {
  static final GeneratorConfig CFG =
      GeneratorConfig.defaults().withRegion("GM0197,GM0294").withScale(0.05).withRange("2024H1", "2024H2").withDefects(0.05);

  static List<Path> relativeFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void sameSeedGivesIdenticalBytes() throws Exception {
    Fixtures.Run a = Fixtures.generate(CFG);
    Fixtures.Run b = Fixtures.generate(CFG);
    List<Path> fa = relativeFiles(a.dir());
    List<Path> fb = relativeFiles(b.dir());
    assertEquals(fa, fb);
    assertTrue(fa.size() > 100, "files: " + fa.size());
    for (Path p : fa) assertArrayEquals(Files.readAllBytes(a.dir().resolve(p)), Files.readAllBytes(b.dir().resolve(p)), p.toString());
    assertEquals(a.summary().records(), b.summary().records());
    assertEquals(a.summary().defects(), b.summary().defects());
    // regenerating into a used directory gives the same files again (stale files removed)
    GenerateRegion.generate(CFG, a.dir());
    assertEquals(fb, relativeFiles(a.dir()));
    for (Path p : fa) assertArrayEquals(Files.readAllBytes(a.dir().resolve(p)), Files.readAllBytes(b.dir().resolve(p)), p.toString());
    Fixtures.deleteQuietly(a.dir());
    Fixtures.deleteQuietly(b.dir());
  }

  @Test
  void otherSeedGivesOtherData() throws Exception {
    Fixtures.Run a = Fixtures.generate(CFG);
    Fixtures.Run c = Fixtures.generate(CFG.withSeed(43));
    Path reg = Path.of("registraties", "registraties_GM0197.csv");
    byte[] x = Files.readAllBytes(a.dir().resolve(reg));
    byte[] y = Files.readAllBytes(c.dir().resolve(reg));
    assertFalse(java.util.Arrays.equals(x, y));
    // and not just a little: the first data rows (BSN, birth date) differ
    List<String> la = Files.readAllLines(a.dir().resolve(reg));
    List<String> lc = Files.readAllLines(c.dir().resolve(reg));
    assertEquals(la.get(0), lc.get(0)); // same header
    assertFalse(la.get(1).equals(lc.get(1)));
    Fixtures.deleteQuietly(a.dir());
    Fixtures.deleteQuietly(c.dir());
  }
}
