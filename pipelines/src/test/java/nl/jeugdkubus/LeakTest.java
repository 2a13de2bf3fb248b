package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdkubus.generator.GenerateRegion;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole job on generated data (with defects) and proves that no input BSN appears, in any
 * formatting, in anything the run wrote or printed; and that pseudonyms depend on the key only.
 */
class LeakTest {
  @TempDir static Path dir;
  static Path input;
  static Set<String> bsns = new HashSet<>();
  static String consoleA;

  @BeforeAll
  static void generate() throws Exception {
    input = dir.resolve("input");
    GenerateRegion.main(new String[] {"--out", input.toString(), "--seed", "7", "--scale", "0.05",
        "--from", "2022H1", "--to", "2023H2", "--defects", "0.05"});
    Pattern xmlBsn = Pattern.compile("<[a-z0-9]+:Bsn>\\s*([0-9]+)\\s*</");
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (name.endsWith(".xml")) {
          Matcher m = xmlBsn.matcher(text);
          while (m.find()) bsns.add(m.group(1));
        } else if (name.endsWith(".csv")) {
          String[] lines = text.split("\r?\n");
          List<String> header = List.of(lines[0].replace("\uFEFF", "").split(";", -1));
          int col = header.indexOf("bsn");
          for (int i = 1; i < lines.length; i++) {
            String[] p = lines[i].split(";", -1);
            if (col >= 0 && p.length > col && p[col].replace("\"", "").trim().matches("\\d{7,9}")) {
              bsns.add(p[col].replace("\"", "").trim());
            }
          }
        }
      }
    }
    consoleA = run("A", key("a", "0123456789abcdef0123456789abcdef"));
  }

  static Path key(String name, String value) throws Exception {
    Path k = dir.resolve(name + ".key");
    if (!Files.exists(k)) {
      Files.createFile(k, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(k, value);
    }
    return k;
  }

  static String run(String name, Path key) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    PrintStream oldErr = System.err;
    PrintStream tee = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    try {
      JeugdkubusOptions o = PipelineOptionsFactory.fromArgs(
          "--input=" + input, "--output=" + dir.resolve("out" + name), "--keyFile=" + key,
          "--periods=2022H1-2023H2", "--internalCube=true", "--runId=leak" + name,
          // 5 % defects by design: publish anyway, so every output is there to be searched
          "--maxRejectPercent=100",
          "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2").as(JeugdkubusOptions.class);
      JeugdkubusPipeline.RunOutcome r = JeugdkubusPipeline.run(o);
      assertTrue(r.summary().reconciles(), r.summary().render());
      assertTrue(r.published(), "exit code " + r.exitCode());
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** Every way a BSN might be written. */
  static List<String> variants(String bsn) {
    List<String> v = new ArrayList<>();
    v.add(bsn);
    if (bsn.length() == 9) {
      v.add(bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6));
      v.add(bsn.substring(0, 3) + " " + bsn.substring(3, 6) + " " + bsn.substring(6));
      if (bsn.startsWith("0")) v.add(bsn.substring(1));
    }
    if (bsn.length() == 8) v.add("0" + bsn);
    return v;
  }

  static String everythingWritten(Path out) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().endsWith(".parquet")) {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + f + "')")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
              sb.append('\n');
            }
          }
        } else {
          sb.append(Files.readString(f, StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  @Test
  void noBsnInAnyOutputDeadLetterManifestOrConsole() throws Exception {
    assertTrue(bsns.size() > 100, "the generated input has BSNs: " + bsns.size());
    String written = everythingWritten(dir.resolve("outA")) + consoleA;
    assertTrue(written.contains("INVALID_BSN"), "defects were rejected and reported");
    assertTrue(Files.exists(dir.resolve("outA/tables")));
    for (String bsn : bsns) {
      for (String v : variants(bsn)) {
        assertFalse(written.contains(v), "a BSN (masked here: " + bsn.substring(bsn.length() - 2) + ") leaked in format " + v.length());
      }
    }
  }

  @Test
  void sameKeySamePseudonymsOtherKeyOthers() throws Exception {
    run("B", key("a", "unused"));
    run("C", key("c", "fedcba9876543210fedcba9876543210"));
    Set<String> a = linkagePseudonyms(dir.resolve("outA"));
    Set<String> b = linkagePseudonyms(dir.resolve("outB"));
    Set<String> c = linkagePseudonyms(dir.resolve("outC"));
    assertFalse(a.isEmpty(), "defects produce linkage dead letters carrying pseudonyms");
    assertEquals(a, b);
    Set<String> overlap = new HashSet<>(a);
    overlap.retainAll(c);
    assertTrue(overlap.isEmpty(), "another key gives entirely different pseudonyms");
    assertEquals(a.size(), c.size());
  }

  static Set<String> linkagePseudonyms(Path out) throws Exception {
    Set<String> s = new HashSet<>();
    Pattern p = Pattern.compile("\"stage\":\"linkage\".*?\"maskedId\":\"([0-9a-f]{64})\"");
    try (Stream<Path> files = Files.walk(out.resolve("deadletters").toRealPath())) {
      for (Path f : files.filter(x -> x.getFileName().toString().startsWith("deadletters-")).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) s.add(m.group(1));
      }
    }
    return s;
  }
}
