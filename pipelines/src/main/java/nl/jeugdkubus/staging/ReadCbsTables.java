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
 * {@link Tags#DEAD_LETTERS}. See {@link CbsTableParser}. A {@code <TABLE>_Perioden.json} matched by the
 * glob is not a data table: it is only checked (a broken one gives one dead letter); the status of each
 * data file's periods comes from the {@code <TABLE>_Perioden.json} next to it, whether or not the glob
 * matches it. Counters: staging.cbs.read (data files), .records (cells), .dead.
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
    private transient Map<String, Map<String, String>> statusCache;

    ParseFn(CbsTableParser parser) {
      this.parser = parser;
    }

    @Setup
    public void setup() {
      statusCache = new HashMap<>();
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
      if (CbsTableParser.isPeriodenFile(name)) {
        // consumed by the data files next to it; only report it when it cannot be read
        try (InputStream in = StagingFiles.open(file)) {
          CbsTableParser.parsePeriodStatus(in);
        } catch (IOException | RuntimeException e) {
          sink.dead(DeadLetters.of(CbsTableParser.SOURCE, name, "file", Reasons.STAGE, Reasons.NOT_WELL_FORMED,
              "Perioden file cannot be read as {\"value\":[{\"Key\":...,\"Status\":...}]} (" + e.getClass().getSimpleName()
                  + "); tables next to it get no status", null, CbsTableParser.RECORD_TYPE));
        }
        return;
      }
      read.inc();
      ResourceId dir = file.getMetadata().resourceId().getCurrentDirectory();
      try (InputStream in = StagingFiles.open(file)) {
        parser.parse(name, in, tableId -> statusFor(dir, tableId), sink);
      } catch (IOException e) {
        sink.dead(StagingFiles.readError(CbsTableParser.SOURCE, name, CbsTableParser.RECORD_TYPE, e));
      }
    }

    /** Period statuses from {@code <dir>/<tableId>_Perioden.json} (also tried in upper and lower case); null if none. */
    private Map<String, String> statusFor(ResourceId dir, String tableId) {
      String key = dir + "|" + tableId;
      if (statusCache.containsKey(key)) return statusCache.get(key);
      Map<String, String> status = null;
      Set<String> candidates = new LinkedHashSet<>(List.of(tableId, tableId.toUpperCase(Locale.ROOT), tableId.toLowerCase(Locale.ROOT)));
      for (String t : candidates) {
        ResourceId rid = dir.resolve(t + "_Perioden.json", StandardResolveOptions.RESOLVE_FILE);
        try {
          MatchResult m = FileSystems.match(rid.toString(), EmptyMatchTreatment.ALLOW);
          if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) continue;
          try (InputStream in = Channels.newInputStream(FileSystems.open(m.metadata().get(0).resourceId()))) {
            status = CbsTableParser.parsePeriodStatus(in);
          }
          break;
        } catch (IOException | RuntimeException e) {
          // unreadable: reported once where the glob matches the Perioden file; here no status
          status = null;
          break;
        }
      }
      statusCache.put(key, status);
      return status;
    }
  }
}
