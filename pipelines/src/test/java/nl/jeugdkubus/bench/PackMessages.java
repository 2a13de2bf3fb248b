package nl.jeugdkubus.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark's archived workloads (scripts/bench.sh, "-zip" workloads): copies an input folder, packing the
 * iJw messages of {@code ijw/} into {@code .zip} archives of at most N messages each (name order), as they are
 * downloaded in bulk; every other source folder is linked. Not a test: a main class of the test tree.
 *
 * <pre>  PackMessages INPUT TARGET [N=10000]</pre>
 */
public final class PackMessages {
  private PackMessages() {}

  public static void main(String[] args) throws IOException {
    Path input = Path.of(args[0]);
    Path target = Path.of(args[1]);
    int perArchive = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    Files.createDirectories(target.resolve("ijw"));
    try (Stream<Path> s = Files.list(input)) {
      for (Path source : s.sorted().toList()) {
        if (!source.getFileName().toString().equals("ijw")) {
          Files.createSymbolicLink(target.resolve(source.getFileName()), source.toAbsolutePath());
        }
      }
    }
    List<Path> messages;
    try (Stream<Path> s = Files.list(input.resolve("ijw"))) {
      messages = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
    int archives = 0;
    for (int from = 0; from < messages.size(); from += perArchive) {
      Path zip = target.resolve("ijw").resolve(String.format("berichten-%05d.zip", ++archives));
      try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
        for (Path m : messages.subList(from, Math.min(messages.size(), from + perArchive))) {
          z.putNextEntry(new ZipEntry(m.getFileName().toString()));
          Files.copy(m, z);
          z.closeEntry();
        }
      }
    }
    System.out.printf("%d messages in %d archives under %s%n", messages.size(), archives, target.resolve("ijw"));
  }
}
