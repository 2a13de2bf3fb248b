package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * CBS Statline files (a glob: TypedDataSet JSON or CSV) to {@link Tags#CBS_CELLS} and
 * {@link Tags#DEAD_LETTERS}. See {@link CbsTableParser}. A resource file ({@link CbsResource}:
 * {@code <TABLE>_Perioden}, {@code _DataProperties}, {@code _RegioS}, ... as .json or .csv) matched by the glob
 * is not a data table: it is only checked (a broken one gives one dead letter); the status of each data
 * file's periods and its topic columns come from the {@code <TABLE>_Perioden} and {@code <TABLE>_DataProperties}
 * next to it, whether or not the glob matches them. Counters: staging.cbs.read (data files), .records (cells), .dead.
 */
public class ReadCbsTables extends PTransform<PBegin, PCollectionTuple> {
  private final String glob;
  private final GemeenteCodes gemeenten;

  public ReadCbsTables(String glob) {
    this(glob, GemeenteCodes.packaged());
  }

  /** @param gemeenten the run's gemeente codes (RegioS GMxxxx must be one) */
  public ReadCbsTables(String glob, GemeenteCodes gemeenten) {
    this.glob = glob;
    this.gemeenten = gemeenten;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out = StagingFiles.match(input, "Cbs", glob)
        .apply("ParseCbs", ParDo.of(new ParseFn(new CbsTableParser(gemeenten))).withOutputTags(Tags.CBS_CELLS, TupleTagList.of(Tags.DEAD_LETTERS)));
    out.get(Tags.CBS_CELLS).setCoder(AvroCoder.of(CbsCell.class));
    out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  static final class ParseFn extends DoFn<FileIO.ReadableFile, CbsCell> {
    private final CbsTableParser parser;
    private final Counter read = Counters.counter("staging.cbs.read");
    private final Counter records = Counters.counter("staging.cbs.records");
    private final Counter dead = Counters.counter("staging.cbs.dead");
    private transient Map<String, CbsTableParser.Meta> metaCache;

    ParseFn(CbsTableParser parser) {
      this.parser = parser;
    }

    @Setup
    public void setup() {
      metaCache = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String name = StagingFiles.fileName(file);
      StagingSink<CbsCell> sink = new StagingSink<>() {
        @Override
        public void record(CbsCell c) {
          records.inc();
          out.get(Tags.CBS_CELLS).output(c);
        }

        @Override
        public void dead(DeadLetter d) {
          dead.inc();
          out.get(Tags.DEAD_LETTERS).output(d);
        }

        @Override
        public void note(String what) {
          Counters.counter("staging." + CbsTableParser.SOURCE + "." + what).inc();
        }
      };
      String resource = CbsResource.resourceOf(name);
      if (resource != null) {
        // Perioden, DataProperties or a dimension resource: consumed by the data files next to it; only
        // reported when it cannot be read
        try (InputStream in = StagingFiles.open(file)) {
          CbsResource.rows(name, in);
        } catch (IOException | RuntimeException e) {
          sink.dead(DeadLetters.of(CbsTableParser.SOURCE, name, "file", Reasons.STAGE, Reasons.NOT_WELL_FORMED,
              "CBS resource " + resource + " cannot be read as {\"value\":[{...}]} or a CSV with a header ("
                  + e.getClass().getSimpleName() + "); tables next to it do without it", null, CbsTableParser.RECORD_TYPE));
        }
        return;
      }
      read.inc();
      ResourceId dir = file.getMetadata().resourceId().getCurrentDirectory();
      try (InputStream in = StagingFiles.open(file)) {
        parser.parseWithMeta(name, in, tableId -> metaFor(dir, tableId), sink);
      } catch (IOException e) {
        sink.dead(StagingFiles.readError(CbsTableParser.SOURCE, name, CbsTableParser.RECORD_TYPE, e));
      }
    }

    /**
     * The Perioden status and DataProperties topics of a table from {@code <dir>/<tableId>_Perioden.json|csv}
     * and {@code <dir>/<tableId>_DataProperties.json|csv} (the id also tried in upper and lower case).
     */
    private CbsTableParser.Meta metaFor(ResourceId dir, String tableId) {
      String key = dir + "|" + tableId;
      return metaCache.computeIfAbsent(key, k -> {
        List<Map<String, String>> perioden = resource(dir, tableId, CbsResource.PERIODEN);
        List<Map<String, String>> props = resource(dir, tableId, CbsResource.DATA_PROPERTIES);
        Set<String> topics = props == null ? null : CbsResource.topics(props);
        return new CbsTableParser.Meta(perioden == null ? null : CbsResource.periodStatus(perioden),
            topics == null || topics.isEmpty() ? null : topics);
      });
    }

    /** The rows of the first of {@code <id>_<resource>.json|csv} that exists; null when none does or it is unreadable. */
    private static List<Map<String, String>> resource(ResourceId dir, String tableId, String resource) {
      Set<String> ids = new LinkedHashSet<>(List.of(tableId, tableId.toUpperCase(Locale.ROOT), tableId.toLowerCase(Locale.ROOT)));
      for (String t : ids) {
        for (String ext : List.of(".json", ".csv")) {
          String fileName = t + "_" + resource + ext;
          ResourceId rid = dir.resolve(fileName, StandardResolveOptions.RESOLVE_FILE);
          try {
            MatchResult m = FileSystems.match(rid.toString(), EmptyMatchTreatment.ALLOW);
            if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) continue;
            try (InputStream in = Channels.newInputStream(FileSystems.open(m.metadata().get(0).resourceId()))) {
              return CbsResource.rows(fileName, in);
            }
          } catch (IOException | RuntimeException e) {
            return null; // unreadable: reported once where the glob matches the file; here the table does without it
          }
        }
      }
      return null;
    }
  }
}
