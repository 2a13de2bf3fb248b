package nl.jeugdkubus.common;

/** Cents written as euros with a decimal comma, the way the declarations write them. */
public final class Euros {
  private Euros() {}

  /** 21000 is "210,00"; the sign is dropped. */
  public static String of(long cents) {
    long a = Math.abs(cents);
    return (a / 100) + "," + String.format("%02d", a % 100);
  }

  /** With the debit/credit indicator: 21000 is "210,00 D", -21000 is "210,00 C". */
  public static String signed(long cents) {
    return of(cents) + (cents < 0 ? " C" : " D");
  }
}
