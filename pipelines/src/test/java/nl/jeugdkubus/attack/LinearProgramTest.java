package nl.jeugdkubus.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where interval propagation stops and the LP does not: a + b = 5, b + c = 5, a + c = 4 has the one
 * solution a = 2, b = 3, c = 2 ((5 + 4 - 5) / 2), but each relation alone only gives a, c in 0..4 and
 * b in 1..5 (b = 5 - a >= 1).
 */
class LinearProgramTest {
  @Test
  void theLinearProgramSolvesWhatPropagationCannot() {
    Bounds b = new Bounds();
    int a = b.count("a");
    int bb = b.count("b");
    int c = b.count("c");
    b.add(new Linear(new int[] {a, bb}, new double[] {1, 1}, 5, 5, "a + b"));
    b.add(new Linear(new int[] {bb, c}, new double[] {1, 1}, 5, 5, "b + c"));
    b.add(new Linear(new int[] {a, c}, new double[] {1, 1}, 4, 4, "a + c"));
    b.propagate(1000);
    assertEquals("[0..4]", Fmt.interval(b, a));
    assertEquals("[1..5]", Fmt.interval(b, bb));
    assertEquals("[0..4]", Fmt.interval(b, c));
    LinearProgram lp = new LinearProgram(b, 60);
    lp.tighten(a);
    b.propagate(1000);
    assertEquals("{2}", Fmt.interval(b, a));
    assertEquals("{3}", Fmt.interval(b, bb));
    assertEquals("{2}", Fmt.interval(b, c));
    // the LP result is cited in the chain of reasoning
    org.junit.jupiter.api.Assertions.assertTrue(Attacker.explain(b, a).contains("linear program over 3 relations around a"));
  }
}
