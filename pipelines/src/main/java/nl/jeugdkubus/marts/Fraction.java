package nl.jeugdkubus.marts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number. Every published value is computed exactly from unrounded counts and
 * rounded once, at the end, by {@link Rounding}: no intermediate rounding, no floating-point error.
 */
public record Fraction(BigInteger num, BigInteger den) implements Serializable {
  public Fraction {
    if (den.signum() == 0) throw new ArithmeticException("zero denominator");
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
      num = num.divide(g);
      den = den.divide(g);
    }
  }

  public static Fraction of(long num, long den) {
    return new Fraction(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  public static Fraction of(long n) {
    return of(n, 1);
  }

  /** The exact decimal value of a published figure (e.g. a CBS percentage 15.4 is 154/10). */
  public static Fraction ofDecimal(double v) {
    BigDecimal d = BigDecimal.valueOf(v);
    if (d.scale() <= 0) return new Fraction(d.toBigIntegerExact(), BigInteger.ONE);
    return new Fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  public Fraction times(Fraction o) {
    return new Fraction(num.multiply(o.num), den.multiply(o.den));
  }

  public Fraction times(long k) {
    return new Fraction(num.multiply(BigInteger.valueOf(k)), den);
  }

  public Fraction divide(Fraction o) {
    return new Fraction(num.multiply(o.den), den.multiply(o.num));
  }

  public Fraction plus(Fraction o) {
    return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Fraction minus(Fraction o) {
    return plus(new Fraction(o.num.negate(), o.den));
  }

  public boolean isZero() {
    return num.signum() == 0;
  }

  /** Rounded to {@code scale} decimals, half away from zero, exactly. */
  public BigDecimal round(int scale) {
    return new BigDecimal(num).divide(new BigDecimal(den), scale, RoundingMode.HALF_UP);
  }

  public double toDouble() {
    return round(12).doubleValue();
  }

  @Override
  public String toString() {
    return num + "/" + den;
  }
}
