package nl.jeugdkubus.generator;

/**
 * A gemeente as the generator models it.
 *
 * @param code        CBS code, {@code GM} + 4 digits
 * @param name        name from conf/gemeenten-2026.csv
 * @param regio       jeugdregio from conf/gemeenten-2026.csv (aanbieders are contracted per regio)
 * @param inhabitants modelled number of inhabitants (before --scale)
 * @param careLevel   multiplier on every care rate (gemeenten differ; mean 1)
 * @param index       position in the national list (sorted by code)
 * @param personOffset first global person index of this gemeente (BSN space block)
 * @param personCapacity size of that block
 * @param pc4Base     first fake PC4 of the gemeente; wijk w uses pc4Base + w
 * @param wijken      number of wijken
 */
public record Gemeente(
    String code, String name, String regio, int inhabitants, double careLevel, int index,
    long personOffset, long personCapacity, int pc4Base, int wijken) {

  /** The 4-digit code used in iJw headers (0197). */
  public String code4() {
    return code.substring(2);
  }

  public int number() {
    return Integer.parseInt(code.substring(2));
  }
}
