package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Step 3: joins the pseudonymised sources per person (key = pseudonym; groups stay small) and builds
 * each person's trajectories and cost lines with {@link PersonLinker}. Output: Tags.PERSONS and
 * Tags.DEAD_LETTERS (duplicate prestaties, inconsistent messages). Counters "linkage.*" reconcile
 * every record: in = linked + unlinked (with reason) + dead (with reason).
 */
public final class LinkTrajectories extends PTransform<PCollectionTuple, PCollectionTuple> {
  private final LinkConfig config;

  public LinkTrajectories(LinkConfig config) {
    this.config = config;
  }

  private static final TupleTag<LocalRegistration> REGS = new TupleTag<>("regs");
  private static final TupleTag<Toewijzing> TOEW = new TupleTag<>("toew");
  private static final TupleTag<ZorgMutatie> MUT = new TupleTag<>("mut");
  private static final TupleTag<Declaratie> DECL = new TupleTag<>("decl");

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    PCollection<KV<String, LocalRegistration>> regs = in.get(Tags.REGISTRATIONS)
        .apply("KeyRegistrations", WithKeys.of(LocalRegistration::getPseudonym).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, Toewijzing>> toew = in.get(Tags.TOEWIJZINGEN)
        .apply("KeyToewijzingen", WithKeys.of(Toewijzing::getPseudonym).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, ZorgMutatie>> mut = in.get(Tags.MUTATIES)
        .apply("KeyMutaties", WithKeys.of(ZorgMutatie::getPseudonym).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, Declaratie>> decl = in.get(Tags.DECLARATIES)
        .apply("KeyDeclaraties", WithKeys.of(Declaratie::getPseudonym).withKeyType(TypeDescriptors.strings()));

    PCollection<KV<String, CoGbkResult>> grouped = KeyedPCollectionTuple.of(REGS, regs)
        .and(TOEW, toew).and(MUT, mut).and(DECL, decl)
        .apply("GroupPerPerson", CoGroupByKey.create());

    PCollectionTuple out = grouped.apply("BuildTrajectories",
        ParDo.of(new LinkFn(config)).withOutputTags(Tags.PERSONS, TupleTagList.of(Tags.DEAD_LETTERS)));
    return PCollectionTuple
        .of(Tags.PERSONS, out.get(Tags.PERSONS).setCoder(AvroCoder.of(PersonHistory.class)))
        .and(Tags.DEAD_LETTERS, out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  static final class LinkFn extends DoFn<KV<String, CoGbkResult>, PersonHistory> {
    private final LinkConfig config;
    private transient PersonLinker linker;

    LinkFn(LinkConfig config) {
      this.config = config;
    }

    @Setup
    public void setup() {
      linker = new PersonLinker(config);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      CoGbkResult r = c.element().getValue();
      List<LocalRegistration> regs = copy(r.getAll(REGS));
      List<Toewijzing> toew = copy(r.getAll(TOEW));
      List<ZorgMutatie> mut = copy(r.getAll(MUT));
      List<Declaratie> decl = copy(r.getAll(DECL));
      Counters.counter("linkage.registraties.in").inc(regs.size());
      Counters.counter("linkage.toewijzingen.in").inc(toew.size());
      Counters.counter("linkage.mutaties.in").inc(mut.size());
      Counters.counter("linkage.declaraties.in").inc(decl.size());
      PersonLinker.Result res = linker.link(c.element().getKey(), regs, toew, mut, decl);
      for (Map.Entry<String, Long> e : res.counts.entrySet()) Counters.counter("linkage." + e.getKey()).inc(e.getValue());
      Counters.counter("linkage.persons").inc();
      Counters.counter("linkage.trajectories").inc(res.history.getTrajecten().size());
      c.output(res.history);
      for (DeadLetter d : res.deadLetters) c.output(Tags.DEAD_LETTERS, d);
    }

    private static <T> List<T> copy(Iterable<T> it) {
      List<T> l = new ArrayList<>();
      for (T t : it) l.add(t);
      return l;
    }
  }

}
