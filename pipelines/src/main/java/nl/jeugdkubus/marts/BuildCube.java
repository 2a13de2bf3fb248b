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
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
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
 *   <li>Combine per cell key ({@link Acc}: counts, sums, day histograms; combiner lifting, no large groups).</li>
 *   <li>The combined cells are grouped per (area, age key, geslacht) - a few thousand cells at most, all
 *       periods - and {@link CubeDeriver} derives the rows, with the CBS tables (small) as a side input.</li>
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

    PCollection<KV<String, Acc>> cells = persons
        .apply("Contributions", ParDo.of(new ContributeFn(new IndicatorCalculator(gemeenten), config)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), Acc.AccCoder.of()))
        .apply("CombinePerCell", Combine.perKey(new AccCombineFn()));

    PCollectionView<List<String>> scope = cells
        .apply("Areas", ParDo.of(new DoFn<KV<String, Acc>, String>() {
          @ProcessElement
          public void process(@Element KV<String, Acc> kv, OutputReceiver<String> out) {
            String area = CellKey.decode(kv.getKey()).area();
            if (!GemeenteInfo.isRegion(area)) out.output(area);
          }
        }))
        .apply("DistinctAreas", Distinct.create())
        .apply("Scope", View.asList());

    return cells
        .apply("ByGroup", ParDo.of(new DoFn<KV<String, Acc>, KV<String, KV<String, Acc>>>() {
          @ProcessElement
          public void process(@Element KV<String, Acc> kv, OutputReceiver<KV<String, KV<String, Acc>>> out) {
            out.output(KV.of(CellKey.decode(kv.getKey()).deriveGroup(), kv));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), Acc.AccCoder.of())))
        .apply("GroupCells", GroupByKey.create())
        .apply("Derive", ParDo.of(new DeriveFn(config, gemeenten, cbs, scope)).withSideInputs(cbs, scope))
        .setCoder(AvroCoder.of(CubeRow.class));
  }

  static final class ContributeFn extends DoFn<PersonHistory, KV<String, Acc>> {
    private final IndicatorCalculator calc;
    private final MartsConfig config;
    private final Counter persons = Counters.counter("marts.persons.in");
    private final Counter contributions = Counters.counter("marts.contributions.out");

    ContributeFn(IndicatorCalculator calc, MartsConfig config) {
      this.calc = calc;
      this.config = config;
    }

    @ProcessElement
    public void process(@Element PersonHistory p, OutputReceiver<KV<String, Acc>> out) {
      persons.inc();
      List<IndicatorCalculator.Contribution> cs = calc.contributions(p, config.periods());
      contributions.inc(cs.size());
      for (IndicatorCalculator.Contribution c : cs) out.output(KV.of(c.key().encode(), c.acc()));
    }
  }

  static final class AccCombineFn extends Combine.CombineFn<Acc, Acc, Acc> {
    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    @Override
    public Acc addInput(Acc acc, Acc input) {
      return acc.merge(input);
    }

    @Override
    public Acc mergeAccumulators(Iterable<Acc> accs) {
      Acc out = new Acc();
      for (Acc a : accs) out.merge(a);
      return out;
    }

    @Override
    public Acc extractOutput(Acc acc) {
      return acc;
    }

    @Override
    public Coder<Acc> getAccumulatorCoder(CoderRegistry registry, Coder<Acc> inputCoder) {
      return Acc.AccCoder.of();
    }

    @Override
    public Coder<Acc> getDefaultOutputCoder(CoderRegistry registry, Coder<Acc> inputCoder) {
      return Acc.AccCoder.of();
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

  static final class DeriveFn extends DoFn<KV<String, Iterable<KV<String, Acc>>>, CubeRow> {
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
      // iterate the group once (some runners cannot re-iterate large groups)
      Map<CellKey, Acc> cells = new HashMap<>();
      for (KV<String, Acc> kv : c.element().getValue()) cells.put(CellKey.decode(kv.getKey()), kv.getValue());
      for (CubeRow r : deriver.derive(cells)) {
        rows.inc();
        c.output(r);
      }
    }
  }
}
