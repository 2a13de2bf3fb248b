package nl.jeugdkubus.rerun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import nl.jeugdkubus.publish.Publisher;
import nl.jeugdkubus.report.PublishedReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The rows of some period partitions ({@code <entry>/.../periode=<P>/...}) of an output version. */
final class PeriodRows {
  /** The field every written row carries and two runs never share. */
  static final String RUN_ID = "run_id";

  private PeriodRows() {}

  /** Every row of one partition folder {@code root/leaf} (none when the folder does not exist). */
  static List<GenericRecord> of(Path root, Path leaf) throws IOException {
    return PublishedReader.records(root.resolve(leaf));
  }

  /**
   * The partitions (folders that hold files, relative to root) below the {@code periode=<P>} folders (P in periods)
   * of {@code root/entry} in either version, sorted: a rerun compares the two versions one partition (one table,
   * period and gemeente) at a time, so its memory is bounded by the largest partition, not by the country.
   */
  static java.util.SortedSet<Path> leaves(Path a, Path b, String entry, Collection<String> periods) throws IOException {
    java.util.SortedSet<Path> out = new java.util.TreeSet<>();
    for (Path root : List.of(a, b)) {
      Path real = root.toRealPath();
      for (Path d : folders(root, entry, periods)) {
        try (Stream<Path> s = Files.walk(d)) {
          for (Path f : s.filter(Files::isRegularFile).toList()) out.add(real.relativize(f.getParent()));
        }
      }
    }
    return out;
  }

  /** The {@code periode=<P>} folders (P in periods) below {@code root/entry}, sorted. */
  static List<Path> folders(Path root, String entry, Collection<String> periods) throws IOException {
    Path e = root.resolve(entry);
    if (!Files.isDirectory(e)) return List.of();
    List<String> names = periods.stream().map(p -> Publisher.PERIOD_SEGMENT + p).toList();
    try (Stream<Path> s = Files.walk(e.toRealPath())) {
      return s.filter(Files::isDirectory).filter(d -> names.contains(d.getFileName().toString())).sorted().toList();
    }
  }

  /** The rows as sorted text, without their run id: equal lists = the same rows. */
  static List<String> withoutRunId(List<GenericRecord> rows) {
    List<String> out = new ArrayList<>(rows.size());
    for (GenericRecord r : rows) {
      GenericRecord c = new GenericData.Record((GenericData.Record) r, true);
      if (c.getSchema().getField(RUN_ID) != null) c.put(RUN_ID, null);
      out.add(GenericData.get().toString(c));
    }
    out.sort(null);
    return out;
  }
}
