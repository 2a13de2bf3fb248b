package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.marts.protect.BlockProtection;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PublishedRow;
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
 * Disclosure control of the published tables (docs/disclosure.md): the cube rows that some table of
 * conf/tables.csv publishes are protected one block at a time ({@link BlockProtection}: one year of one
 * region, all tables together), index rows are then recomputed per area from the published values of their
 * period and base period, and every protected row becomes a row of each table it is in ({@link PublishedTables}).
 * Cube rows no table publishes stay internal (counted, not written to tables/).
 */
public class ProtectTables extends PTransform<PCollection<CubeRow>, PCollection<PublishedRow>> {
  private final int roundTo;
  private final int suppressUpTo;
  private final boolean topLevel;
  private final Period indexBase;
  private final ConfTables conf;

  /** @param topLevel --protectTopLevel: secondary suppression may choose a top-level row as a last choice */
  public ProtectTables(int roundTo, int suppressUpTo, boolean topLevel, Period indexBase, ConfTables conf) {
    if (roundTo < 1) throw new IllegalArgumentException("roundTo must be at least 1");
    if (suppressUpTo < 0) throw new IllegalArgumentException("suppressUpTo must not be negative");
    this.roundTo = roundTo;
    this.suppressUpTo = suppressUpTo;
    this.topLevel = topLevel;
    this.indexBase = indexBase;
    this.conf = conf;
  }

  private static final TupleTag<CubeRow> OTHER = new TupleTag<CubeRow>("other") {};
  private static final TupleTag<KV<String, CubeRow>> FOR_INDEX = new TupleTag<KV<String, CubeRow>>("forIndex") {};

  @Override
  public PCollection<PublishedRow> expand(PCollection<CubeRow> rows) {
    AvroCoder<CubeRow> rowCoder = AvroCoder.of(CubeRow.class);
    IndicatorCatalogue cat = IndicatorCatalogue.load(conf);
    PublishedTables tables = new PublishedTables(TableCatalogue.load(conf, cat));
    BlockProtection protection = new BlockProtection(cat, roundTo, suppressUpTo, true, topLevel);
    PCollection<CubeRow> protectedRows = rows
        .apply("ByYearAndRegion", ParDo.of(new DoFn<CubeRow, KV<String, CubeRow>>() {
          private final Counter inTables = Counters.counter("marts.tables.cube_rows");
          private final Counter internalOnly = Counters.counter("marts.tables.internal_only");

          @ProcessElement
          public void process(@Element CubeRow r, OutputReceiver<KV<String, CubeRow>> out) {
            if (!tables.published(r)) {
              internalOnly.inc();
              return;
            }
            inTables.inc();
            out.output(KV.of(r.getPeriode().substring(0, 4) + "|" + r.getRegio(), r));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rowCoder))
        .apply("GroupBlocks", GroupByKey.create())
        .apply("ProtectBlock", ParDo.of(new DoFn<KV<String, Iterable<CubeRow>>, CubeRow>() {
          private final Counter cells = Counters.counter("marts.protect.cells");
          private final Counter primary = Counters.counter("marts.protect.primary");
          private final Counter secondary = Counters.counter("marts.protect.secondary");
          private final Counter unprotected = Counters.counter("marts.protect.unprotected");
          private final Counter exposed = Counters.counter("marts.protect.exposed");

          @ProcessElement
          public void process(@Element KV<String, Iterable<CubeRow>> kv, OutputReceiver<CubeRow> out) {
            List<CubeRow> block = new ArrayList<>();
            for (CubeRow r : kv.getValue()) block.add(r); // iterate once
            for (CubeRow r : protection.protect(block)) out.output(r);
            BlockProtection.Stats s = protection.stats();
            cells.inc(s.cells);
            primary.inc(s.primary);
            secondary.inc(s.secondary);
            unprotected.inc(s.unprotected);
            exposed.inc(s.exposed);
          }
        }))
        .setCoder(rowCoder);

    PCollectionTuple split = protectedRows.apply("SplitIndex", ParDo.of(new DoFn<CubeRow, CubeRow>() {
      @ProcessElement
      public void process(@Element CubeRow r, MultiOutputReceiver out) {
        boolean index = r.getIndicator().endsWith("_index");
        if (index || (Indicators.CBS_MEASURE.containsKey(r.getIndicator()) && allTotaal(r))) {
          out.get(FOR_INDEX).output(KV.of(r.getGemeenteCode(), r));
        }
        if (!index) out.get(OTHER).output(r);
      }
    }).withOutputTags(OTHER, TupleTagList.of(FOR_INDEX)));

    Period base = indexBase;
    PCollection<CubeRow> indexRows = split.get(FOR_INDEX)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rowCoder))
        .apply("GroupIndexByArea", GroupByKey.create())
        .apply("IndexFromPublished", ParDo.of(new DoFn<KV<String, Iterable<CubeRow>>, CubeRow>() {
          @ProcessElement
          public void process(@Element KV<String, Iterable<CubeRow>> kv, OutputReceiver<CubeRow> out) {
            List<CubeRow> area = new ArrayList<>();
            for (CubeRow r : kv.getValue()) area.add(r);
            for (CubeRow r : indexRows(area, base)) out.output(r);
          }
        }))
        .setCoder(rowCoder);

    return PCollectionList.of(split.get(OTHER).setCoder(rowCoder)).and(indexRows)
        .apply("AllRows", Flatten.pCollections())
        .apply("TableRows", ParDo.of(new DoFn<CubeRow, PublishedRow>() {
          private final Counter rowsOut = Counters.counter("marts.tables.rows");
          private final Counter suppressed = Counters.counter("marts.tables.suppressed");
          private final Counter published = Counters.counter("marts.tables.published");

          @ProcessElement
          public void process(@Element CubeRow r, OutputReceiver<PublishedRow> out) {
            for (PublishedRow p : tables.rowsOf(r)) {
              rowsOut.inc();
              (p.getOnderdrukt() ? suppressed : published).inc();
              // per table, for the closing table of the console (RunSummary.render)
              Counters.counter("marts.table." + p.getTabel() + (p.getOnderdrukt() ? ".suppressed" : ".published")).inc();
              out.output(p);
            }
          }
        }))
        .setCoder(AvroCoder.of(PublishedRow.class));
  }

  /**
   * The index rows of one area, from the PUBLISHED values of the compared indicator in the period and in the
   * base period (suppressed when either is suppressed or missing). {@code rows}: the protected rows of the
   * area's compared indicators at every dimension totaal, and its index rows.
   */
  public static List<CubeRow> indexRows(List<CubeRow> rows, Period indexBase) {
    Map<String, CubeRow> base = new HashMap<>();
    for (CubeRow r : rows) {
      if (!r.getIndicator().endsWith("_index")) base.put(r.getIndicator() + "|" + r.getPeriode(), r);
    }
    List<CubeRow> out = new ArrayList<>();
    for (CubeRow r : rows) {
      if (!r.getIndicator().endsWith("_index")) continue;
      Period p = Period.parse(r.getPeriode());
      Period b = p.isHalfYear() ? (indexBase.isHalfYear() ? indexBase : null) : indexBase.asYear();
      String x = r.getIndicator().substring(0, r.getIndicator().length() - "_index".length());
      CubeRow now = base.get(x + "|" + r.getPeriode());
      CubeRow then = b == null ? null : base.get(x + "|" + b);
      Double v = now == null || then == null || now.getOnderdrukt() || then.getOnderdrukt() ? null
          : PublishedValues.index(now.getWaarde(), then.getWaarde());
      out.add(v == null ? PublishedValues.suppressed(r) : CubeRow.newBuilder(r).setWaarde(v).setOnderdrukt(false).build());
    }
    return out;
  }

  static boolean allTotaal(CubeRow r) {
    return r.getLeeftijdsklasse().equals(Dims.TOTAAL) && r.getGeslacht().equals(Dims.TOTAAL)
        && r.getHulpvorm().equals(Dims.TOTAAL) && r.getVerwijzer().equals(Dims.TOTAAL)
        && r.getProductcategorie().equals(Dims.TOTAAL);
  }
}
