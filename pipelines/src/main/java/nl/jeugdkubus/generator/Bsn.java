package nl.jeugdkubus.generator;

/**
 * Synthetic burgerservicenummers.
 *
 * <p>{@link #elevenTest} is the BSN check ((9d1+8d2+...+2d8-d9) mod 11 == 0). {@link Space} maps a
 * person index to a unique BSN that passes the eleven-test: the valid BSNs are enumerated as a
 * 7-digit prefix q (d1..d7) times the nine values of d8 for which a check digit d9 exists, and a
 * seeded affine permutation scatters consecutive indices over that set. Prefixes 0000000 (which
 * would allow 000000000) and 9999000..9999999 (the official test range 9999xxxxx, and 999999999)
 * are left out, so normal data never contains a placeholder or a test BSN.
 */
public final class Bsn {
  private Bsn() {}

  /** True when s is nine digits passing the eleven-test. */
  public static boolean elevenTest(String s) {
    if (s == null || s.length() != 9) return false;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
      int d = c - '0';
      sum += i < 8 ? (9 - i) * d : -d;
    }
    return Math.floorMod(sum, 11) == 0;
  }

  /** True for the placeholders systems write when the BSN is unknown. */
  public static boolean isPlaceholder(String s) {
    return "999999999".equals(s) || "000000000".equals(s);
  }

  /** A bijection from person indices [0, size()) to valid, unique, non-test BSNs. */
  public static final class Space {
    static final long Q_MIN = 1;
    static final long Q_MAX = 9_999_000; // exclusive: keeps 9999xxxxx out
    static final long SIZE = 9 * (Q_MAX - Q_MIN);

    private final long a;
    private final long b;

    public Space(long seed) {
      java.util.SplittableRandom r = Rng.of(seed, 0xB5B5L);
      long cand = SIZE / 3 + r.nextLong(SIZE / 2);
      while (gcd(cand, SIZE) != 1) cand++;
      this.a = cand;
      this.b = r.nextLong(SIZE);
    }

    public long size() {
      return SIZE;
    }

    /** The BSN of person index k (0 <= k < size()). */
    public String bsn(long k) {
      if (k < 0 || k >= SIZE) throw new IllegalArgumentException("person index out of the BSN space: " + k);
      long p = Math.floorMod(a * k + b, SIZE); // a, k < 1e8: no overflow
      long q = Q_MIN + p / 9;
      int r = (int) (p % 9);
      char[] d = new char[9];
      long x = q;
      int s7 = 0;
      for (int i = 6; i >= 0; i--) {
        d[i] = (char) ('0' + x % 10);
        x /= 10;
      }
      for (int i = 0; i < 7; i++) s7 += (9 - i) * (d[i] - '0');
      // the r-th value of d8 (0..9) for which a check digit exists
      int seen = -1;
      for (int d8 = 0; d8 <= 9; d8++) {
        int m = (s7 + 2 * d8) % 11;
        if (m == 10) continue;
        if (++seen == r) {
          d[7] = (char) ('0' + d8);
          d[8] = (char) ('0' + m);
          return new String(d);
        }
      }
      throw new IllegalStateException("unreachable");
    }

    private static long gcd(long x, long y) {
      while (y != 0) {
        long t = x % y;
        x = y;
        y = t;
      }
      return x;
    }
  }
}
