package nl.jeugdkubus.generator;

import java.util.SplittableRandom;

/**
 * Seeded random helpers. Every random stream of the generator is derived from the run's seed and a
 * few stable keys (gemeente, person index, toewijzingnummer, month) with {@link #mix}, so a part of
 * the output never depends on how much randomness another part consumed.
 */
final class Rng {
  private Rng() {}

  /** SplitMix64 finaliser over a combination of two longs. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long mix(long... parts) {
    long h = 0x1234_5678_9ABC_DEF0L;
    for (long p : parts) h = mix(h, p);
    return h;
  }

  /** A fresh stream for the given keys. */
  static SplittableRandom of(long... parts) {
    return new SplittableRandom(mix(parts));
  }

  /** Stable 64-bit hash of a string (for keys such as gemeente codes). */
  static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
    return mix(h, s.length());
  }

  static double normal(SplittableRandom r) {
    // Box-Muller; deterministic for a given stream.
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    if (u1 < 1e-300) u1 = 1e-300;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal with the given median and log-scale sigma. */
  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * Math.exp(sigma * normal(r));
  }

  /** Exponential waiting time with the given rate (events per unit). */
  static double exponential(SplittableRandom r, double rate) {
    return -Math.log(1 - r.nextDouble()) / rate;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  static int between(SplittableRandom r, int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  /** Index drawn with the given (unnormalised) weights. */
  static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }
}
