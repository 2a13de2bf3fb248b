package nl.jeugdkubus.intermediate;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.SourceRecordCoder;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Step 2 of the job: every BSN becomes a keyed pseudonym, right after parsing, chained behind each person source's
 * reader (input: the staging tuple's {@link Tags#PERSON_SOURCES}). Output: one stream keyed for the per-person
 * grouping ({@link StreamKeys}): each pseudonymised record ({@link Minimisation}) under its pseudonym; the readers'
 * dead letters, this step's own (invalid BSNs, placeholders that cannot be linked) and the iJw input digest lines
 * under pass-through keys. One output, not one per kind ({@link SourceRecord} says why). The key is read by each
 * worker in its setup from the key file or environment variable; only the key's location travels with the job.
 * Counters: pseudonymisation.&lt;registraties|toewijzingen|mutaties|declaraties&gt;.in, .out, .dead.
 */
public final class PseudonymiseSources extends PTransform<PCollectionTuple, PCollection<KV<String, SourceRecord>>> {
  private final PseudonymKey key;
  private final String purpose;

  public PseudonymiseSources(PseudonymKey key, String purpose) {
    this.key = key;
    this.purpose = purpose;
  }

  @Override
  public PCollection<KV<String, SourceRecord>> expand(PCollectionTuple in) {
    KvCoder<String, SourceRecord> coder = KvCoder.of(StringUtf8Coder.of(), SourceRecordCoder.of());
    List<PCollection<KV<String, SourceRecord>>> keyed = new ArrayList<>();
    for (TupleTag<SourceRecord> source : Tags.PERSON_SOURCES) {
      keyed.add(in.get(source).apply("Pseudonymise-" + source.getId(), ParDo.of(new PseudonymiseFn(key, purpose)))
          .setCoder(coder));
    }
    return PCollectionList.of(keyed).apply("AllSources", Flatten.pCollections()).setCoder(coder);
  }

  /** One source record in, its keyed pseudonymised form (or its dead letter, or the record as it passes) out. */
  static final class PseudonymiseFn extends DoFn<SourceRecord, KV<String, SourceRecord>> {
    private final PseudonymKey key;
    private final String purpose;
    private final Source registraties = new Source("registraties");
    private final Source toewijzingen = new Source("toewijzingen");
    private final Source mutaties = new Source("mutaties");
    private final Source declaraties = new Source("declaraties");
    private transient Minimisation minimisation;

    PseudonymiseFn(PseudonymKey key, String purpose) {
      this.key = key;
      this.purpose = purpose;
    }

    @Setup
    public void setup() {
      minimisation = new Minimisation(new Pseudonymiser(key.read(), purpose));
    }

    @ProcessElement
    public void process(@Element SourceRecord r, OutputReceiver<KV<String, SourceRecord>> out) {
      switch (r.kind()) {
        case REGISTRATION_ROW -> minimisation.registration(r.as(RegistrationRow.class),
            registraties.out(out, ok -> KV.of(ok.getPseudonym(), SourceRecord.of(ok))));
        case IJW_TOEWIJZING -> minimisation.toewijzing(r.as(IjwToewijzing.class),
            toewijzingen.out(out, ok -> KV.of(ok.getPseudonym(), SourceRecord.of(ok))));
        case IJW_START_STOP -> minimisation.startStop(r.as(IjwStartStop.class),
            mutaties.out(out, ok -> KV.of(ok.getPseudonym(), SourceRecord.of(ok))));
        case DECLARATIE_REGEL -> minimisation.declaratie(r.as(DeclaratieRegel.class),
            declaraties.out(out, ok -> KV.of(ok.getPseudonym(), SourceRecord.of(ok))));
        case DEAD_LETTER -> out.output(KV.of(StreamKeys.deadLetter(r.as(DeadLetter.class)), r));
        case INPUT_DIGEST -> out.output(KV.of(StreamKeys.digestLines(r.as(String.class)), r));
        default -> throw new IllegalArgumentException("already pseudonymised: " + r.kind());
      }
    }
  }

  /** A source's counters, and the receiver of its outcomes. */
  private static final class Source implements java.io.Serializable {
    private final Counter in;
    private final Counter ok;
    private final Counter dead;

    Source(String name) {
      this.in = Counters.counter("pseudonymisation." + name + ".in");
      this.ok = Counters.counter("pseudonymisation." + name + ".out");
      this.dead = Counters.counter("pseudonymisation." + name + ".dead");
    }

    <T> Minimisation.Out<T> out(DoFn.OutputReceiver<KV<String, SourceRecord>> out,
        java.util.function.Function<T, KV<String, SourceRecord>> keyed) {
      in.inc();
      return new Minimisation.Out<>() {
        @Override
        public void ok(T record) {
          ok.inc();
          out.output(keyed.apply(record));
        }

        @Override
        public void dead(DeadLetter deadLetter) {
          dead.inc();
          out.output(KV.of(StreamKeys.deadLetter(deadLetter), SourceRecord.of(deadLetter)));
        }
      };
    }
  }
}
