package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Injects realistic faults (see docs/generator.md, "Defects"). Draws come from their own random
 * stream, so the underlying data of a run with defects is the same as without: only the damaged
 * records differ (and duplicates are added).
 */
final class Defects {
  enum Kind {
    INVALID_BSN, BSN_8_DIGITS, PLACEHOLDER_BSN, IMPOSSIBLE_DATE, UNKNOWN_CODE, DUPLICATE_PRESTATIE,
    MALFORMED_ROW, UNPARSABLE_AMOUNT, NOT_WELL_FORMED_XML
  }

  private static final String[] IMPOSSIBLE_DAYS = {"-02-30", "-02-31", "-04-31", "-06-31", "-09-31", "-11-31"};
  private static final String[] BAD_AMOUNTS = {"#WAARDE!", "12,5O", "n.v.t.", "EUR"};

  private final double rate;
  private final SplittableRandom r;
  private final GenerationSummary summary;

  Defects(double rate, SplittableRandom r, GenerationSummary summary) {
    this.rate = rate;
    this.r = r;
    this.summary = summary;
  }

  boolean enabled() {
    return rate > 0;
  }

  /** True with probability rate * factor. */
  boolean hit(double factor) {
    return rate > 0 && r.nextDouble() < rate * factor;
  }

  int choose(double[] weights) {
    return Rng.weighted(r, weights);
  }

  double nextDouble() {
    return r.nextDouble();
  }

  void count(Kind k) {
    summary.defect(k.name());
  }

  /** Changes the check digit: the result always fails the eleven-test (a change of 1..9 is never 0 mod 11). */
  String invalidBsn(String bsn) {
    int d9 = bsn.charAt(8) - '0';
    int nd = (d9 + 1 + r.nextInt(9)) % 10;
    return bsn.substring(0, 8) + (char) ('0' + nd);
  }

  String placeholder() {
    return r.nextBoolean() ? "999999999" : "000000000";
  }

  /** An impossible date in the same year, e.g. 2023-02-30. */
  String impossibleDate(LocalDate near) {
    int y = near == null ? 2023 : near.getYear();
    return y + IMPOSSIBLE_DAYS[r.nextInt(IMPOSSIBLE_DAYS.length)];
  }

  String badAmount() {
    return BAD_AMOUNTS[r.nextInt(BAD_AMOUNTS.length)];
  }

  /** Where to cut a not-well-formed XML file: somewhere in the second half. */
  int cutPoint(int length) {
    return length / 2 + r.nextInt(Math.max(1, length / 2 - 20));
  }
}
