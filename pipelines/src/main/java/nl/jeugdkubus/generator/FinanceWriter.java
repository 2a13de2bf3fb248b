package nl.jeugdkubus.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the optional municipal finance table {@code financien/financien.csv}
 * (gemeente;jaar;post;bedrag;omschrijving, euros with a decimal comma) for every gemeente and every
 * full year in range: Iv3 taakvelden 6.72 (maatwerkdienstverlening 18-) and 6.82 (geëscaleerde zorg
 * 18-) and a prevention budget, each the population aged 0-17 on 1 January times a per-young-resident
 * amount drawn around a plausible median (EUR 1,100, 250 and 60; seeded, lognormal).
 */
final class FinanceWriter {
  private FinanceWriter() {}

  static final String[][] POSTS = {
      {"6.72", "1100", "0.15", "Maatwerkdienstverlening 18-"},
      {"6.82", "250", "0.25", "Geëscaleerde zorg 18-"},
      {"preventie", "60", "0.30", "Preventie en vroegsignalering jeugd"}};

  static void write(Path dir, List<CbsStats> gemeenten, long seed, GenerationSummary summary) throws IOException {
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder("gemeente;jaar;post;bedrag;omschrijving\r\n");
    long rows = 0;
    for (CbsStats g : gemeenten) {
      for (int i = 0; i < g.years; i++) {
        int year = g.fromYear + i;
        if (!g.periods.contains(nl.jeugdkubus.common.Period.year(year))) continue;
        long young = 0;
        for (int s = 0; s < 2; s++) for (int a = 0; a <= 17; a++) young += g.pop[i][s][a];
        SplittableRandom r = Rng.of(seed, Rng.hash(g.region), year, 6);
        for (String[] post : POSTS) {
          double perYoung = Rng.logNormal(r, Double.parseDouble(post[1]), Double.parseDouble(post[2]));
          long cents = Math.round(young * perYoung * 100);
          sb.append(g.region).append(';').append(year).append(';').append(post[0]).append(';')
              .append(String.format(Locale.ROOT, "%d,%02d", cents / 100, cents % 100)).append(';')
              .append(post[3]).append("\r\n");
          rows++;
        }
      }
    }
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("financien.csv"), b);
    summary.file("financien", b.length);
    summary.records("financien.rows", rows);
  }
}
