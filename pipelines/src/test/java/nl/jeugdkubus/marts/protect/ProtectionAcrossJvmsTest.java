package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import nl.jeugdkubus.marts.IndicatorCatalogue;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * The protection gives the same result in every JVM, not only in one. Java randomises the iteration order of
 * Map.of / Set.of per JVM (a salt drawn at start-up): an order that leaks into the protection (which relation
 * the closure visits first) makes one run publish another suppression pattern than the next, with the same
 * input and the same jar. That happened: 2 of 7 runs of the full Achterhoek published 52 other rows.
 *
 * <p>The block is a real one: the rows of jongeren_jeugdhulp (and its rates and benchmarks) of the 2024 block
 * of the generated full Achterhoek (generator seed 42, scale 1.0; synthetic). With the age totals in a
 * Map.of it is protected in one of two ways depending on the JVM (575 or 571 rows suppressed). The test
 * protects it in {@value #JVMS} fresh JVMs and requires one result; a probe (the order of a Map.of of eight
 * keys) shows that the JVMs really had different salts (at least two orders; often only an order and its reverse).
 */
class ProtectionAcrossJvmsTest {
  static final String FIXTURE = "/protect/achterhoek-2024-jongeren-jeugdhulp.csv.gz";
  static final int JVMS = 8;

  @Test
  void everyJvmPublishesTheSameSuppressionPattern() throws Exception {
    Map<String, List<String>> byDigest = new TreeMap<>();
    TreeSet<String> probes = new TreeSet<>();
    List<Process> running = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      running.add(child());
      if (running.size() == 2 || i == JVMS - 1) { // two at a time: the machine has two cores
        for (Process p : running) outputs.add(finish(p));
        running.clear();
      }
    }
    for (String line : outputs) {
      String[] f = line.split(" ");
      probes.add(f[0]);
      byDigest.computeIfAbsent(f[1] + " (" + f[2] + " suppressed)", k -> new ArrayList<>()).add(f[0]);
    }
    assertTrue(probes.size() >= 2, "the JVMs did not differ in their hash salt (probes " + probes + "): the test shows nothing");
    assertEquals(1, byDigest.size(), "results per JVM (digest -> Map.of orders of the JVMs): " + byDigest);
  }

  private static Process child() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName())
        .redirectErrorStream(true).start();
  }

  private static String finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "child JVM failed: " + out);
    String last = null;
    for (String l : out.split("\n")) if (l.startsWith("RESULT ")) last = l.substring("RESULT ".length());
    assertTrue(last != null, "no result from the child JVM: " + out);
    return last;
  }

  /** One JVM: prints "RESULT probe digest suppressed". */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Map<String, Integer> probe = Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6, "g", 7, "h", 8);
      List<CubeRow> rows = fixture();
      List<String> lines = new ArrayList<>();
      int suppressed = 0;
      for (CubeRow r : new BlockProtection(IndicatorCatalogue.load(null), 5, 7, true).protect(rows)) {
        if (r.getOnderdrukt()) suppressed++;
        lines.add(String.join(";", r.getIndicator(), r.getPeriode(), r.getGemeenteCode(), r.getLeeftijdsklasse(),
            r.getGeslacht(), String.valueOf(r.getOnderdrukt()), String.valueOf(r.getTeller()), String.valueOf(r.getWaarde())));
      }
      Collections.sort(lines);
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String l : lines) d.update((l + "\n").getBytes(StandardCharsets.UTF_8));
      System.out.println("RESULT " + String.join("", probe.keySet()) + " " + HexFormat.of().formatHex(d.digest()).substring(0, 16) + " " + suppressed);
    }
  }

  /** The block's rows from the fixture (one CubeRow per line; empty teller/noemer/waarde is null). */
  static List<CubeRow> fixture() throws IOException {
    List<CubeRow> rows = new ArrayList<>();
    try (InputStream in = ProtectionAcrossJvmsTest.class.getResourceAsStream(FIXTURE);
         BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(";", -1);
      for (String line; (line = r.readLine()) != null; ) {
        String[] v = line.split(";", -1);
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) f.put(header[i], v[i]);
        rows.add(CubeRow.newBuilder()
            .setIndicator(f.get("indicator")).setPeriode(f.get("periode")).setGemeenteCode(f.get("gemeente_code"))
            .setGemeenteNaam(f.get("gemeente_naam")).setRegio(f.get("regio")).setLeeftijdsklasse(f.get("leeftijdsklasse"))
            .setGeslacht(f.get("geslacht")).setHulpvorm(f.get("hulpvorm")).setVerwijzer(f.get("verwijzer"))
            .setProductcategorie(f.get("productcategorie")).setTeller(number(f.get("teller")))
            .setNoemer(number(f.get("noemer"))).setWaarde(number(f.get("waarde"))).setEenheid(f.get("eenheid"))
            .setOnderdrukt(false).setCbsStatus(f.get("cbs_status")).setRunId("test").build());
      }
    }
    return rows;
  }

  private static Double number(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }
}
