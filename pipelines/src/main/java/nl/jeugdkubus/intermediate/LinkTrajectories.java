package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
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
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Step 3: groups the one pseudonymised stream per person (key = pseudonym; groups stay small) and builds
 * each person's trajectories and cost lines with {@link PersonLinker}. Output: Tags.PERSONS,
 * Tags.DEAD_LETTERS (those of the earlier steps, which reach this step under their own keys ({@link StreamKeys}),
 * and this step's: duplicate prestaties, inconsistent messages) and Tags.IJW_INPUT_DIGESTS (passed through: blocks
 * of digest lines, {@link SourceRecord#digestLines}, written as they are). Counters "linkage.*" reconcile
 * every record: in = linked + unlinked (with reason) + dead (with reason).
 */
public final class LinkTrajectories extends PTransform<PCollection<KV<String, SourceRecord>>, PCollectionTuple> {
  private final LinkConfig config;

  public LinkTrajectories(LinkConfig config) {
    this.config = config;
  }

  /** The dead letters (of every step so far) and the digest lines, together: one small second output. */
  private static final TupleTag<SourceRecord> PASSED = new TupleTag<>("passed") {};

  @Override
  public PCollectionTuple expand(PCollection<KV<String, SourceRecord>> in) {
    PCollectionTuple out = in.apply("GroupPerPerson", GroupByKey.create())
        .apply("BuildTrajectories", ParDo.of(new LinkFn(config)).withOutputTags(Tags.PERSONS, TupleTagList.of(PASSED)));
    // Two outputs, not three: each consumer of a step's outputs on Flink's batch runtime decodes all of them
    PCollection<SourceRecord> passed = out.get(PASSED).setCoder(SourceRecordCoder.of());
    return PCollectionTuple
        .of(Tags.PERSONS, out.get(Tags.PERSONS).setCoder(AvroCoder.of(PersonHistory.class)))
        .and(Tags.DEAD_LETTERS, passed.apply("DeadLetters", ParDo.of(new Only<>(SourceRecord.Kind.DEAD_LETTER, DeadLetter.class)))
            .setCoder(AvroCoder.of(DeadLetter.class)))
        .and(Tags.IJW_INPUT_DIGESTS, passed.apply("DigestLines", ParDo.of(new Only<>(SourceRecord.Kind.INPUT_DIGEST, String.class)))
            .setCoder(StringUtf8Coder.of()));
  }

  /** The records of one kind. */
  static final class Only<T> extends DoFn<SourceRecord, T> {
    private final SourceRecord.Kind kind;
    private final Class<T> type;

    Only(SourceRecord.Kind kind, Class<T> type) {
      this.kind = kind;
      this.type = type;
    }

    @ProcessElement
    public void process(@Element SourceRecord r, OutputReceiver<T> out) {
      if (r.kind() == kind) out.output(r.as(type));
    }
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
          if (r.kind() != SourceRecord.Kind.DEAD_LETTER && r.kind() != SourceRecord.Kind.INPUT_DIGEST) {
            throw new IllegalStateException("a " + r.kind() + " under a pass-through key");
          }
          c.output(PASSED, r);
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
      for (DeadLetter d : res.deadLetters) c.output(PASSED, SourceRecord.of(d));
    }
  }
}
