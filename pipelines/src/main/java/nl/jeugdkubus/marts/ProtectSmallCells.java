package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.model.CubeRow;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Disclosure control of the cube ({@link SmallCellProtection}): counts rounded to a multiple of
 * {@code roundTo}, cells from 1 to {@code suppressUpTo} suppressed, secondary suppression so no
 * suppressed value follows from published totals. Additive groups never cross a year or a region, so
 * the rows are protected per (year, regio) partition; index rows are then finished per area against
 * their base period.
 */
public class ProtectSmallCells extends PTransform<PCollection<CubeRow>, PCollection<CubeRow>> {
  private final int roundTo;
  private final int suppressUpTo;
  private final Period indexBase;

  /** With index base 2021H1 (the job's default --indexBase). */
  public ProtectSmallCells(int roundTo, int suppressUpTo) {
    this(roundTo, suppressUpTo, Period.parse("2021H1"));
  }

  /** @param indexBase the base period the index rows were computed against (MartsConfig.indexBase) */
  public ProtectSmallCells(int roundTo, int suppressUpTo, Period indexBase) {
    if (roundTo < 1) throw new IllegalArgumentException("roundTo must be at least 1");
    if (suppressUpTo < 0) throw new IllegalArgumentException("suppressUpTo must not be negative");
    this.roundTo = roundTo;
    this.suppressUpTo = suppressUpTo;
    this.indexBase = indexBase;
  }

  private static final TupleTag<CubeRow> OTHER = new TupleTag<CubeRow>("other") {};
  private static final TupleTag<KV<String, CubeRow>> FOR_INDEX = new TupleTag<KV<String, CubeRow>>("forIndex") {};

  @Override
  public PCollection<CubeRow> expand(PCollection<CubeRow> rows) {
    AvroCoder<CubeRow> rowCoder = AvroCoder.of(CubeRow.class);
    int round = roundTo;
    int upTo = suppressUpTo;
    PCollection<CubeRow> protectedRows = rows
        .apply("ByYearAndRegion", ParDo.of(new DoFn<CubeRow, KV<String, CubeRow>>() {
          @ProcessElement
          public void process(@Element CubeRow r, OutputReceiver<KV<String, CubeRow>> out) {
            out.output(KV.of(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), r));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rowCoder))
        .apply("GroupPartitions", GroupByKey.create())
        .apply("Protect", ParDo.of(new DoFn<KV<String, Iterable<CubeRow>>, CubeRow>() {
          private final Counter suppressed = Counters.counter("marts.cube.suppressed");
          private final Counter published = Counters.counter("marts.cube.published");

          @ProcessElement
          public void process(@Element KV<String, Iterable<CubeRow>> kv, OutputReceiver<CubeRow> out) {
            List<CubeRow> part = new ArrayList<>();
            for (CubeRow r : kv.getValue()) part.add(r); // iterate once
            for (CubeRow r : new SmallCellProtection(round, upTo).protect(part)) {
              (r.getOnderdrukt() ? suppressed : published).inc();
              out.output(r);
            }
          }
        }))
        .setCoder(rowCoder);

    PCollectionTuple split = protectedRows.apply("SplitIndex", ParDo.of(new DoFn<CubeRow, CubeRow>() {
      @ProcessElement
      public void process(@Element CubeRow r, MultiOutputReceiver out) {
        boolean index = r.getIndicator().endsWith("_index");
        if (index || (Indicators.CBS_MEASURE.containsKey(r.getIndicator()) && SmallCellProtection.allTotaal(r))) {
          out.get(FOR_INDEX).output(KV.of(r.getGemeenteCode(), r));
        }
        if (!index) out.get(OTHER).output(r);
      }
    }).withOutputTags(OTHER, TupleTagList.of(FOR_INDEX)));

    Period base = indexBase;
    PCollection<CubeRow> indexRows = split.get(FOR_INDEX)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rowCoder))
        .apply("GroupIndexByArea", GroupByKey.create())
        .apply("ProtectIndex", ParDo.of(new DoFn<KV<String, Iterable<CubeRow>>, CubeRow>() {
          @ProcessElement
          public void process(@Element KV<String, Iterable<CubeRow>> kv, OutputReceiver<CubeRow> out) {
            List<CubeRow> rows = new ArrayList<>();
            for (CubeRow r : kv.getValue()) rows.add(r);
            for (CubeRow r : SmallCellProtection.suppressIndexRows(rows, base)) {
              if (r.getIndicator().endsWith("_index")) out.output(r);
            }
          }
        }))
        .setCoder(rowCoder);

    return PCollectionList.of(split.get(OTHER).setCoder(rowCoder)).and(indexRows)
        .apply("AllRows", Flatten.pCollections());
  }
}
