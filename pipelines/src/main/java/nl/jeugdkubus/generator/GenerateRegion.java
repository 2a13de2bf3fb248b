package nl.jeugdkubus.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synthetic input data for jeugdkubus (docs/generator.md): municipal registrations, iJw 3.2 messages,
 * the declarations CSV and the CBS tables, in the formats of docs/input-formats.md.
 *
 * <pre>
 *   GenerateRegion --out DIR [--seed 42] [--region achterhoek|national|GM0197,...] [--from 2021H1] [--to 2024H2]
 *                  [--scale 1.0] [--defects 0.0]
 * </pre>
 *
 * Deterministic: the same options give byte-identical files. Gemeenten are generated one at a time,
 * so memory is bounded by the largest gemeente.
 */
public final class GenerateRegion {
  /** Size of the reference population (inhabitants) used for the NL01 benchmark in regional runs. */
  static final int REFERENCE_INHABITANTS = 240_000;

  private GenerateRegion() {}

  public static void main(String[] args) {
    GeneratorConfig.Parsed parsed;
    try {
      parsed = GeneratorConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path out = Path.of(parsed.out()).toAbsolutePath();
    System.out.println("jeugdkubus generator: " + parsed.config() + " -> " + out);
    try {
      GenerationSummary s = generate(parsed.config(), out);
      System.out.print(s);
    } catch (IOException e) {
      System.err.println("Generation failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Generates all files for cfg under out (created if needed). Existing generator output in out
   * (registraties/, ijw/, declaraties/, cbs/, financien/) is removed first so no stale files remain.
   */
  public static GenerationSummary generate(GeneratorConfig cfg, Path out) throws IOException {
    long t0 = System.nanoTime();
    List<Gemeente> national = Regions.national(cfg);
    List<Gemeente> selection = Regions.select(cfg);
    boolean isNational = selection.size() == national.size();
    Aanbieder.Pool pool = new Aanbieder.Pool(cfg.seed(), national);
    Bsn.Space space = new Bsn.Space(cfg.seed());
    GenerationSummary summary = new GenerationSummary();
    Files.createDirectories(out);
    for (String sub : List.of("registraties", "ijw", "declaraties", "cbs", "financien")) clean(out.resolve(sub));

    List<CbsStats> stats = new ArrayList<>(selection.size());
    CbsStats nl = new CbsStats("NL01", cfg.from(), cfg.to());
    for (Gemeente g : selection) {
      Gemeente target = moveTarget(national, g);
      GemeenteRun run = new GemeenteRun(cfg, g, pool, space, out, summary, target, target != null && selection.contains(target));
      run.run();
      stats.add(run.stats);
      if (isNational) nl.add(run.stats);
    }
    if (!isNational) {
      // NL01 benchmark: a reference population with the national mean care level, not written anywhere
      Gemeente first = selection.get(0);
      Gemeente ref = new Gemeente("GM9999", "referentie", first.regio(), (int) Math.round(REFERENCE_INHABITANTS / cfg.scale()),
          1.0, -1, 0, Long.MAX_VALUE / 4, 1000, 10);
      GemeenteRun run = new GemeenteRun(cfg, ref, pool, space, null, summary, null, false);
      run.run();
      nl.add(run.stats);
    }
    CbsWriter.write(out.resolve("cbs"), stats, nl, cfg.seed(), cfg, summary);
    FinanceWriter.write(out.resolve("financien"), stats, cfg.seed(), summary);
    if (cfg.defectRate() > 0 && summary.defects(Defects.Kind.NOT_WELL_FORMED_XML.name()) == 0) {
      breakOneXmlFile(out.resolve("ijw"), summary);
    }
    summary.elapsed((System.nanoTime() - t0) / 1_000_000);
    return summary;
  }

  /**
   * Where young people of g move to (docs/generator.md "Patterns"): the next gemeente of its jeugdregio in the
   * national list (by code, cyclic), so every gemeente receives movers from exactly one other; null when the
   * regio has no other gemeente. Fixed nationally, so a regional run is part of the national one.
   */
  static Gemeente moveTarget(List<Gemeente> national, Gemeente g) {
    List<Gemeente> regio = national.stream().filter(x -> x.regio().equals(g.regio())).toList();
    if (regio.size() < 2) return null;
    for (int i = 0; i < regio.size(); i++) {
      if (regio.get(i).code().equals(g.code())) return regio.get((i + 1) % regio.size());
    }
    return null;
  }

  /** Guarantees at least one not-well-formed XML file when defects are on: cuts the first JW301 file in half. */
  private static void breakOneXmlFile(Path ijw, GenerationSummary summary) throws IOException {
    Path victim;
    try (Stream<Path> s = Files.list(ijw)) {
      victim = s.filter(p -> p.getFileName().toString().startsWith("JW301_")).sorted().findFirst().orElse(null);
    }
    if (victim == null) return;
    byte[] b = Files.readAllBytes(victim);
    byte[] c = new byte[b.length / 2];
    System.arraycopy(b, 0, c, 0, c.length);
    Files.write(victim, c);
    summary.defect(Defects.Kind.NOT_WELL_FORMED_XML.name());
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> {
        try {
          if (Files.isRegularFile(p)) Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
