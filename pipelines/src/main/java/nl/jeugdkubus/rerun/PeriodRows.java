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

  /** Every row below the {@code periode=<P>} folders (P in periods) of {@code root/entry}. */
  static List<GenericRecord> of(Path root, String entry, Collection<String> periods) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    for (Path d : folders(root, entry, periods)) out.addAll(PublishedReader.records(d));
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
