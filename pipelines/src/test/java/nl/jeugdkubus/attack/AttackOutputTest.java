package nl.jeugdkubus.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Attacks an existing run's output: {@code -Dattack.output=DIR} (a run with --internalCube=true, so
 * every claim can be checked against the truth). Prints the figures and the first recoveries with their
 * reasoning; {@code -Dattack.expectRecoveries=N} asserts the number of recoveries.
 */
@EnabledIfSystemProperty(named = "attack.output", matches = ".+")
class AttackOutputTest {
  @Test
  void attackTheOutput() throws Exception {
    Path out = Path.of(System.getProperty("attack.output"));
    long t0 = System.nanoTime();
    Attacker.Result r = Attacker.attack(out);
    System.out.printf("attack of %s (%s): %s; %,d propagation steps, %.1f s%n", out,
        PublishedOutput.publishedFolder(out).getFileName(), r.figures(), r.steps(), (System.nanoTime() - t0) / 1e9);
    System.out.println(r.byMeasure());
    int show = Integer.getInteger("attack.show", 10);
    for (Attacker.Recovery rec : r.recoveries().subList(0, Math.min(show, r.recoveries().size()))) {
      System.out.println(rec.summary());
      System.out.println(rec.chain());
    }
    System.out.printf("attack done at %.1f s%n", (System.nanoTime() - t0) / 1e9);
    if (Files.isDirectory(out.resolve("internal").resolve("cube"))) {
      Map<String, Double> truth = AttackModel.truth(PublishedOutput.internal(out));
      Map<String, Integer> violated = Attacker.violatedRelations(r, truth);
      System.out.println("relations that do not hold on the internal cube: " + violated);
      List<String> wrong = Attacker.falseClaims(r, truth);
      System.out.println("false claims (intervals without the true value): " + wrong.size());
      wrong.stream().limit(5).forEach(System.out::println);
      System.out.println(TableFigures.render(TableFigures.of(PublishedOutput.published(out), PublishedOutput.internal(out), r,
          PublishedOutput.parameters(out).suppressUpTo())));
      long checked = r.recoveries().stream().filter(x -> truth.containsKey(x.cell())).count();
      long confirmed = r.recoveries().stream().filter(x -> {
        Double t = truth.get(x.cell());
        return t != null && t >= x.lo() && t <= x.hi();
      }).count();
      System.out.printf("recoveries checked against the internal cube: %,d of %,d, confirmed %,d%n", checked,
          r.recoveries().size(), confirmed);
      assertTrue(wrong.isEmpty(), "the attacker claimed false intervals: " + wrong.size());
    }
    String expect = System.getProperty("attack.expectRecoveries");
    if (expect != null) assertEquals(Integer.parseInt(expect), r.recoveries().size());
  }
}
