package nl.jeugdkubus.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.jeugdkubus.common.Period;

/**
 * Options of a generator run. Immutable; build with {@link #defaults()} and the {@code with...}
 * methods, or parse command-line arguments with {@link #parse(String[])}.
 */
public final class GeneratorConfig {
  private final long seed;
  private final String region;
  private final Period from;
  private final Period to;
  private final double scale;
  private final double defectRate;

  /**
   * A test setting (no command-line flag; docs/generator.md "A region that straddles a merger"): {@code gemeente}'s
   * registrations that start before {@code mergedOn}, and its CBS figures of periods that begin before it, carry
   * {@code oldCode}, as if the gemeente had been formed from {@code oldCode} on that day.
   */
  public record OldCode(String gemeente, String oldCode, java.time.LocalDate mergedOn) implements java.io.Serializable {}

  private final OldCode oldCode;

  private GeneratorConfig(long seed, String region, Period from, Period to, double scale, double defectRate) {
    this(seed, region, from, to, scale, defectRate, null);
  }

  private GeneratorConfig(long seed, String region, Period from, Period to, double scale, double defectRate, OldCode oldCode) {
    if (!from.isHalfYear() || !to.isHalfYear()) throw new IllegalArgumentException("--from and --to are half-years such as 2021H1");
    if (to.compareTo(from) < 0) throw new IllegalArgumentException("--to (" + to + ") is before --from (" + from + ")");
    if (!(scale > 0) || scale > 10) throw new IllegalArgumentException("--scale must be in (0, 10]: " + scale);
    if (!(defectRate >= 0) || defectRate > 1) throw new IllegalArgumentException("--defects must be in [0, 1]: " + defectRate);
    if (region == null || region.isBlank()) throw new IllegalArgumentException("--region is empty");
    this.seed = seed;
    this.region = region.trim();
    this.from = from;
    this.to = to;
    this.scale = scale;
    this.defectRate = defectRate;
    this.oldCode = oldCode;
  }

  /** The same, with the records of {@code gemeente} before {@code mergedOn} under {@code oldCode} ({@link OldCode}). */
  public GeneratorConfig withOldCode(String gemeente, String oldCode, java.time.LocalDate mergedOn) {
    return new GeneratorConfig(seed, region, from, to, scale, defectRate, new OldCode(gemeente, oldCode, mergedOn));
  }

  /** The gemeente code a record of {@code gemeente} dated {@code d} carries: the old code before the merger, else the code. */
  public String codeOn(String gemeente, java.time.LocalDate d) {
    return oldCode != null && oldCode.gemeente().equals(gemeente) && d.isBefore(oldCode.mergedOn()) ? oldCode.oldCode() : gemeente;
  }

  /** seed 42, region achterhoek, 2021H1..2024H2, scale 1, no defects. */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig(42, "achterhoek", Period.parse("2021H1"), Period.parse("2024H2"), 1.0, 0.0);
  }

  public GeneratorConfig withSeed(long s) {
    return new GeneratorConfig(s, region, from, to, scale, defectRate, oldCode);
  }

  /** {@code achterhoek}, {@code national}, or a comma-separated list of gemeente codes (GM0197,GM0222). */
  public GeneratorConfig withRegion(String r) {
    return new GeneratorConfig(seed, r, from, to, scale, defectRate, oldCode);
  }

  public GeneratorConfig withRange(String fromHalfYear, String toHalfYear) {
    return new GeneratorConfig(seed, region, Period.parse(fromHalfYear), Period.parse(toHalfYear), scale, defectRate, oldCode);
  }

  public GeneratorConfig withScale(double s) {
    return new GeneratorConfig(seed, region, from, to, s, defectRate, oldCode);
  }

  public GeneratorConfig withDefects(double rate) {
    return new GeneratorConfig(seed, region, from, to, scale, rate, oldCode);
  }

  public long seed() {
    return seed;
  }

  public String region() {
    return region;
  }

  public Period from() {
    return from;
  }

  public Period to() {
    return to;
  }

  public double scale() {
    return scale;
  }

  public double defectRate() {
    return defectRate;
  }

  /** Result of parsing the command line: the config and the output directory. */
  public record Parsed(GeneratorConfig config, String out) {}

  /**
   * Parses {@code --out DIR [--seed N] [--region R] [--from 2021H1] [--to 2024H2] [--scale F] [--defects RATE]};
   * {@code --key=value} works too.
   */
  public static Parsed parse(String[] args) {
    GeneratorConfig c = defaults();
    String out = null;
    String fromS = c.from.toString();
    String toS = c.to.toString();
    List<String> a = new ArrayList<>();
    for (String s : args) {
      if (s == null || s.isBlank()) continue;
      int eq = s.indexOf('=');
      if (s.startsWith("--") && eq > 0) {
        a.add(s.substring(0, eq));
        a.add(s.substring(eq + 1));
      } else {
        a.add(s);
      }
    }
    for (int i = 0; i < a.size(); i++) {
      String k = a.get(i);
      if (!k.startsWith("--")) throw new IllegalArgumentException("Unexpected argument '" + k + "'\n" + usage());
      if (k.equals("--help")) throw new IllegalArgumentException(usage());
      if (i + 1 >= a.size()) throw new IllegalArgumentException("Missing value for " + k + "\n" + usage());
      String v = a.get(++i).trim();
      switch (k.toLowerCase(Locale.ROOT)) {
        case "--out" -> out = v;
        case "--seed" -> c = c.withSeed(Long.parseLong(v));
        case "--region" -> c = c.withRegion(v);
        case "--from" -> fromS = v;
        case "--to" -> toS = v;
        case "--scale" -> c = c.withScale(Double.parseDouble(v));
        case "--defects" -> c = c.withDefects(Double.parseDouble(v));
        default -> throw new IllegalArgumentException("Unknown option " + k + "\n" + usage());
      }
    }
    c = c.withRange(fromS, toS);
    if (out == null || out.isBlank()) throw new IllegalArgumentException("--out DIR is required\n" + usage());
    return new Parsed(c, out);
  }

  public static String usage() {
    return "Usage: GenerateRegion --out DIR [--seed 42] [--region achterhoek|national|GMxxxx,GMyyyy] "
        + "[--from 2021H1] [--to 2024H2] [--scale 1.0] [--defects 0.0]";
  }

  @Override
  public String toString() {
    return "seed=" + seed + " region=" + region + " from=" + from + " to=" + to + " scale=" + scale + " defects=" + defectRate;
  }
}
