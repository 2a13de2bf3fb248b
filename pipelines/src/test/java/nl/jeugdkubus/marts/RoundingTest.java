package nl.jeugdkubus.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void percentagesAreHalfUpFromUnroundedValues() {
    // the audit case: 71/246 = 0.288617... -> 28.8617% -> 28.9 (not the truncated 28.8)
    assertEquals(28.9, Rounding.percent(71, 246));
    // exact halves round up: 1/8 = 12.5% stays; 1/16 = 6.25% -> 6.3; 1/80 = 1.25% -> 1.3
    assertEquals(12.5, Rounding.percent(1, 8));
    assertEquals(6.3, Rounding.percent(1, 16));
    assertEquals(1.3, Rounding.percent(1, 80));
    // 2/3 = 66.666..% -> 66.7; 1/3 = 33.33..% -> 33.3
    assertEquals(66.7, Rounding.percent(2, 3));
    assertEquals(33.3, Rounding.percent(1, 3));
    // a double computation (0.145 * 100 = 14.499999...) would round 29/200 down; exact arithmetic gives 14.5
    assertEquals(14.5, Rounding.percent(29, 200));
  }

  @Test
  void ratesPerThousand() {
    // 71/246 x 1000 = 288.617.. -> 288.6 ; 1/3 x 1000 = 333.33.. -> 333.3 ; 1/16 x 1000 = 62.5
    assertEquals(288.6, Rounding.perThousand(71, 246));
    assertEquals(333.3, Rounding.perThousand(1, 3));
    assertEquals(62.5, Rounding.perThousand(1, 16));
  }

  @Test
  void moneyIsWholeEurosHalfAwayFromZero() {
    assertEquals(124.0, Rounding.euros(12_350)); // 123.50 -> 124
    assertEquals(123.0, Rounding.euros(12_349));
    assertEquals(-124.0, Rounding.euros(-12_350)); // a net credit: -123.50 -> -124
    assertEquals(333.0, Rounding.eurosPer(100_000, 3)); // 1000.00 / 3 = 333.33
    assertEquals(250.0, Rounding.eurosPer(74_950, 3)); // 749.50 / 3 = 249.833 -> 250
  }

  @Test
  void meansAndExactMedians() {
    assertEquals(3.5, Rounding.meanDays(7, 2));
    assertEquals(76.5, Rounding.meanDays(153, 2));
    assertEquals(1.67, Rounding.mean(5, 3)); // 1.666.. -> 1.67
    // {1,2,3,4}: (2+3)/2 = 2.5
    assertEquals(2.5, Rounding.median(new TreeMap<>(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L))));
    // {5,5,9}: 5
    assertEquals(5.0, Rounding.median(new TreeMap<>(Map.of(5L, 2L, 9L, 1L))));
    // {30, 123}: 76.5
    assertEquals(76.5, Rounding.median(new TreeMap<>(Map.of(30L, 1L, 123L, 1L))));
    // {10 x3, 20 x3}: the middle two are 10 and 20 -> 15
    assertEquals(15.0, Rounding.median(new TreeMap<>(Map.of(10L, 3L, 20L, 3L))));
  }

  @Test
  void indexAndDifferencesUseUnroundedValues() {
    // 71/246 % against base 60/246 %: 71/60 x 100 = 118.333 -> 118.3
    Fraction now = Fraction.of(71, 246).times(100);
    Fraction base = Fraction.of(60, 246).times(100);
    assertEquals(118.3, Rounding.index(now, base));
    // 28.8617..% minus CBS 28.85 = 0.0117 -> 0.0 ; minus 28.80 = 0.0617 -> 0.1 (rounded values would give 0.1 and 0.1)
    assertEquals(0.0, Rounding.difference(now, Fraction.ofDecimal(28.85)));
    assertEquals(0.1, Rounding.difference(now, Fraction.ofDecimal(28.8)));
    assertEquals(-1.2, Rounding.difference(Fraction.ofDecimal(12.2), Fraction.ofDecimal(13.4)));
  }

  @Test
  void countsRoundToAMultipleOfTheBase() {
    assertEquals(0, Rounding.count(0, 5));
    assertEquals(0, Rounding.count(2, 5));
    assertEquals(5, Rounding.count(3, 5));
    assertEquals(5, Rounding.count(7, 5));
    assertEquals(10, Rounding.count(8, 5));
    assertEquals(10, Rounding.count(12, 5));
    assertEquals(15, Rounding.count(13, 5));
    assertEquals(20, Rounding.count(15, 10)); // half-up
    assertEquals(10, Rounding.count(14, 10));
    assertEquals(14, Rounding.count(14, 1)); // base 1: no rounding
  }
}
