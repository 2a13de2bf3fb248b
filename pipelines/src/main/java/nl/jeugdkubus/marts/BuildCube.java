package nl.jeugdkubus.marts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.staging.GemeenteCodes;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.PersonHistory;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The indicator cube (unprotected, internal): reads {@link Tags#PERSONS} and {@link Tags#CBS_CELLS}
 * from the input tuple and produces one {@link CubeRow} per cell.
 *
 * <ol>
 *   <li>Every person's contributions ({@link IndicatorCalculator}): a young person counts once per cell.</li>
 *   <li>Combined per derivation group, (area, age key, geslacht): a {@link CellGroup} of a few thousand cells at
 *       most, all periods ({@link Acc}: counts, sums, day histograms), pre-aggregated across persons before the
 *       shuffle ({@link GroupBuffer}) and combined with combiner lifting.</li>
 *   <li>{@link CubeDeriver} derives the rows of each group, with the CBS tables (small) as a side input.</li>
 * </ol>
 * The result is not fit for publication: apply {@link ProtectTables} first.
 */
public class BuildCube extends PTransform<PCollectionTuple, PCollection<CubeRow>> {
  private final MartsConfig config;

  public BuildCube(MartsConfig config) {
    this.config = config;
  }

  @Override
  public PCollection<CubeRow> expand(PCollectionTuple input) {
    GemeenteInfo gemeenten = GemeenteInfo.load(config.conf(), config.boundaries());
    HashMap<String, Integer> leeftijd = new HashMap<>(CbsTables.leeftijdMapping(config.conf()));
    PCollection<PersonHistory> persons = input.get(Tags.PERSONS);
    PCollection<CbsCell> cbsCells = input.has(Tags.CBS_CELLS)
        ? input.get(Tags.CBS_CELLS)
        : input.getPipeline().apply("NoCbsCells", Create.empty(AvroCoder.of(CbsCell.class)));

    PCollectionView<CbsTables> cbs = cbsCells.apply("CbsTables", Combine.globally(new CbsTablesFn(leeftijd, GemeenteCodes.load(config.conf()).forBoundaries(config.boundaries()))).asSingletonView());

    PCollection<KV<String, CellGroup>> groups = persons
        .apply("Contributions", ParDo.of(new ContributeFn(new IndicatorCalculator(gemeenten), config)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), CellGroup.CellGroupCoder.of()))
        .apply("CombinePerGroup", Combine.perKey(new GroupCombineFn()));

    PCollectionView<List<String>> scope = groups
        .apply("Areas", ParDo.of(new DoFn<KV<String, CellGroup>, String>() {
          @ProcessElement
          public void process(@Element KV<String, CellGroup> kv, OutputReceiver<String> out) {
            String area = CellKey.groupArea(kv.getKey());
            if (!GemeenteInfo.isRegion(area)) out.output(area);
          }
        }))
        .apply("DistinctAreas", Distinct.create())
        .apply("Scope", View.asList());

    return groups
        .apply("Derive", ParDo.of(new DeriveFn(config, gemeenten, cbs, scope)).withSideInputs(cbs, scope))
        .setCoder(AvroCoder.of(CubeRow.class));
  }

  /**
   * Every person's contributions, pre-aggregated per derivation group across the persons of a bundle in a
   * {@link GroupBuffer} of at most {@link #BUFFERED_CELLS} cells (drained when full and at the end of the bundle).
   */
  static final class ContributeFn extends DoFn<PersonHistory, KV<String, CellGroup>> {
    /** The buffer's bound: about 200 bytes a cell, so some 40 MB per worker. */
    static final int BUFFERED_CELLS = 200_000;
    private final IndicatorCalculator calc;
    private final MartsConfig config;
    private final Counter persons = Counters.counter("marts.persons.in");
    private final Counter contributions = Counters.counter("marts.contributions.out");
    private final Counter shuffled = Counters.counter("marts.groups.shuffled");
    private transient GroupBuffer buffer;

    ContributeFn(IndicatorCalculator calc, MartsConfig config) {
      this.calc = calc;
      this.config = config;
    }

    @StartBundle
    public void startBundle() {
      buffer = new GroupBuffer(BUFFERED_CELLS);
    }

    @ProcessElement
    public void process(@Element PersonHistory p, OutputReceiver<KV<String, CellGroup>> out) {
      persons.inc();
      List<IndicatorCalculator.Contribution> cs = calc.contributions(p, config.periods());
      contributions.inc(cs.size());
      if (buffer.add(cs)) {
        for (Map.Entry<String, CellGroup> g : buffer.drain()) {
          shuffled.inc();
          out.output(KV.of(g.getKey(), g.getValue()));
        }
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (Map.Entry<String, CellGroup> g : buffer.drain()) {
        shuffled.inc();
        c.output(KV.of(g.getKey(), g.getValue()), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }

  static final class GroupCombineFn extends Combine.CombineFn<CellGroup, CellGroup, CellGroup> {
    @Override
    public CellGroup createAccumulator() {
      return new CellGroup();
    }

    @Override
    public CellGroup addInput(CellGroup acc, CellGroup input) {
      return acc.merge(input);
    }

    @Override
    public CellGroup mergeAccumulators(Iterable<CellGroup> accs) {
      CellGroup out = new CellGroup();
      for (CellGroup a : accs) out.merge(a);
      return out;
    }

    @Override
    public CellGroup extractOutput(CellGroup acc) {
      return acc;
    }

    @Override
    public Coder<CellGroup> getAccumulatorCoder(CoderRegistry registry, Coder<CellGroup> inputCoder) {
      return CellGroup.CellGroupCoder.of();
    }

    @Override
    public Coder<CellGroup> getDefaultOutputCoder(CoderRegistry registry, Coder<CellGroup> inputCoder) {
      return CellGroup.CellGroupCoder.of();
    }
  }

  static final class CbsTablesFn extends Combine.CombineFn<CbsCell, CbsTables, CbsTables> {
    private final HashMap<String, Integer> leeftijd;
    private final GemeenteCodes boundaries;

    CbsTablesFn(HashMap<String, Integer> leeftijd, GemeenteCodes boundaries) {
      this.leeftijd = leeftijd;
      this.boundaries = boundaries;
    }

    @Override
    public CbsTables createAccumulator() {
      return new CbsTables();
    }

    @Override
    public CbsTables addInput(CbsTables acc, CbsCell cell) {
      acc.add(cell, leeftijd, boundaries);
      return acc;
    }

    @Override
    public CbsTables mergeAccumulators(Iterable<CbsTables> accs) {
      CbsTables out = new CbsTables();
      for (CbsTables t : accs) out.merge(t);
      return out;
    }

    @Override
    public CbsTables extractOutput(CbsTables acc) {
      return acc;
    }

    @Override
    public Coder<CbsTables> getAccumulatorCoder(CoderRegistry registry, Coder<CbsCell> inputCoder)
        throws CannotProvideCoderException {
      return SerializableCoder.of(CbsTables.class);
    }

    @Override
    public Coder<CbsTables> getDefaultOutputCoder(CoderRegistry registry, Coder<CbsCell> inputCoder) {
      return SerializableCoder.of(CbsTables.class);
    }
  }

  static final class DeriveFn extends DoFn<KV<String, CellGroup>, CubeRow> {
    private final MartsConfig config;
    private final GemeenteInfo gemeenten;
    private final PCollectionView<CbsTables> cbs;
    private final PCollectionView<List<String>> scope;
    private final Counter rows = Counters.counter("marts.cells.derived");
    private transient CubeDeriver deriver;

    DeriveFn(MartsConfig config, GemeenteInfo gemeenten, PCollectionView<CbsTables> cbs, PCollectionView<List<String>> scope) {
      this.config = config;
      this.gemeenten = gemeenten;
      this.cbs = cbs;
      this.scope = scope;
    }

    @StartBundle
    public void startBundle() {
      deriver = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (deriver == null) {
        deriver = new CubeDeriver(config, gemeenten, c.sideInput(cbs), new ArrayList<>(c.sideInput(scope)));
      }
      for (CubeRow r : deriver.derive(c.element().getValue().cells())) {
        rows.inc();
        c.output(r);
      }
    }
  }
}
