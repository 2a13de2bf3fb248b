package nl.jeugdkubus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark summary's arithmetic, by hand. */
class BenchSummaryTest {
  @TempDir
  Path dir;

  @Test
  void medianAndRangeOfOddAndEvenCounts() {
    assertEquals(new BenchSummary.Spread(20.0, 10.0, 90.0), BenchSummary.spread(List.of(90.0, 10.0, 20.0)));
    // even: the mean of the two middle values (12 and 14)
    assertEquals(new BenchSummary.Spread(13.0, 10.0, 30.0), BenchSummary.spread(List.of(30.0, 12.0, 10.0, 14.0)));
  }

  @Test
  void aStageIsDoneWhenItsCountStopsChanging() {
    List<String> log = List.of(
        "jeugdkubus run bench",
        "[   5s]  read 0  pseudonymised 0  persons linked 0  table rows 0  dead letters 0",
        "[  10s]  read 3,394  pseudonymised 3,331  persons linked 0  table rows 0  dead letters 36",
        "[  15s]  read 29,894  pseudonymised 3,331  persons linked 0  table rows 0  dead letters 40",
        "[  20s]  read 29,894  pseudonymised 26,866  persons linked 1,877  table rows 0  dead letters 211",
        "[  35s]  read 29,894  pseudonymised 26,866  persons linked 1,877  table rows 47,909  dead letters 211");
    assertEquals(Map.of("read", 15, "pseudonymised", 20, "persons linked", 20, "table rows", 35, "dead letters", 20),
        BenchSummary.stageSeconds(log));
  }

  @Test
  void ratiosAgainstDuckDbAndTheGrowthCurve() throws Exception {
    Path tsv = dir.resolve("runs.tsv");
    Files.writeString(tsv, String.join("\n",
        "workload\trunner\trun\twall_s\tpeak_rss_kb\toutput_bytes\tlog\tmanifest",
        "national\tembedded\t1\t120\t2097152\t1000000\t" + dir.resolve("none") + "\t",
        "national\tembedded\t2\t100\t2097152\t1000000\t" + dir.resolve("none") + "\t",
        "national\tembedded\t3\t110\t3145728\t1000000\t" + dir.resolve("none") + "\t",
        "national\tduckdb-csv\t1\t10\t524288\t100\t" + dir.resolve("none") + "\t",
        "national2\tembedded\t1\t231\t4194304\t2000000\t" + dir.resolve("none") + "\t") + "\n", StandardCharsets.UTF_8);
    String md = BenchSummary.markdown(BenchSummary.read(tsv));
    // wall median 110 of 100..120; RSS 2 GiB of 2..3
    assertEquals(true, md.contains("| national | embedded | 3 | 110.0 s (100.0..120.0) | 2.00 GiB (2.00..3.00) | 1.0 MB (1.0..1.0) |"), md);
    assertEquals(true, md.contains("- national: embedded / DuckDB core cube = 11.0"), md);
    // 231 / 110 = 2.1
    assertEquals(true, md.contains("- growth: national x2 / national = 2.10 (linear: 2.00)"), md);
  }
}
