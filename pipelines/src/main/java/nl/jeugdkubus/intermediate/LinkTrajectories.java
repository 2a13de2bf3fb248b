package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Step 3: groups the one pseudonymised stream per person (key = pseudonym; groups stay small) and builds
 * each person's trajectories and cost lines with {@link PersonLinker}. Output: Tags.PERSONS,
 * Tags.DEAD_LETTERS (those of the earlier steps, which reach this step under their own keys ({@link StreamKeys}),
 * and this step's: duplicate prestaties, inconsistent messages) and Tags.IJW_INPUT_DIGESTS (passed through). Counters "linkage.*" reconcile
 * every record: in = linked + unlinked (with reason) + dead (with reason).
 */
public final class LinkTrajectories extends PTransform<PCollection<KV<String, SourceRecord>>, PCollectionTuple> {
  private final LinkConfig config;

  public LinkTrajectories(LinkConfig config) {
    this.config = config;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, SourceRecord>> in) {
    PCollectionTuple out = in.apply("GroupPerPerson", GroupByKey.create())
        .apply("BuildTrajectories", ParDo.of(new LinkFn(config))
            .withOutputTags(Tags.PERSONS, TupleTagList.of(Tags.DEAD_LETTERS).and(Tags.IJW_INPUT_DIGESTS)));
    return PCollectionTuple
        .of(Tags.PERSONS, out.get(Tags.PERSONS).setCoder(AvroCoder.of(PersonHistory.class)))
        .and(Tags.DEAD_LETTERS, out.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)))
        .and(Tags.IJW_INPUT_DIGESTS, out.get(Tags.IJW_INPUT_DIGESTS).setCoder(StringUtf8Coder.of()));
  }

  static final class LinkFn extends DoFn<KV<String, Iterable<SourceRecord>>, PersonHistory> {
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
      String key = c.element().getKey();
      if (!StreamKeys.isPerson(key)) {
        // the dead letters of the earlier steps and the digest lines pass through
        for (SourceRecord r : c.element().getValue()) {
          switch (r.kind()) {
            case DEAD_LETTER -> c.output(Tags.DEAD_LETTERS, r.as(DeadLetter.class));
            case INPUT_DIGEST -> c.output(Tags.IJW_INPUT_DIGESTS, r.as(String.class));
            default -> throw new IllegalStateException("a " + r.kind() + " under a pass-through key");
          }
        }
        return;
      }
      List<LocalRegistration> regs = new ArrayList<>();
      List<Toewijzing> toew = new ArrayList<>();
      List<ZorgMutatie> mut = new ArrayList<>();
      List<Declaratie> decl = new ArrayList<>();
      for (SourceRecord r : c.element().getValue()) {
        switch (r.kind()) {
          case REGISTRATION -> regs.add(r.as(LocalRegistration.class));
          case TOEWIJZING -> toew.add(r.as(Toewijzing.class));
          case MUTATIE -> mut.add(r.as(ZorgMutatie.class));
          case DECLARATIE -> decl.add(r.as(Declaratie.class));
          default -> throw new IllegalStateException("a " + r.kind() + " under a person's key");
        }
      }
      Counters.counter("linkage.registraties.in").inc(regs.size());
      Counters.counter("linkage.toewijzingen.in").inc(toew.size());
      Counters.counter("linkage.mutaties.in").inc(mut.size());
      Counters.counter("linkage.declaraties.in").inc(decl.size());
      PersonLinker.Result res = linker.link(key, regs, toew, mut, decl);
      for (Map.Entry<String, Long> e : res.counts.entrySet()) Counters.counter("linkage." + e.getKey()).inc(e.getValue());
      Counters.counter("linkage.persons").inc();
      Counters.counter("linkage.trajectories").inc(res.history.getTrajecten().size());
      c.output(res.history);
      for (DeadLetter d : res.deadLetters) c.output(Tags.DEAD_LETTERS, d);
    }
  }
}
