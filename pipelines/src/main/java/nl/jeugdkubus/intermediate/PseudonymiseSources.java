package nl.jeugdkubus.intermediate;

import nl.jeugdkubus.common.Counters;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.RegistrationRow;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Step 2 of the job: every BSN becomes a keyed pseudonym, right after parsing. Input: the staging
 * tuple (Tags.REGISTRATION_ROWS, IJW_TOEWIJZINGEN, IJW_START_STOP, DECLARATIE_REGELS). Output:
 * Tags.REGISTRATIONS, TOEWIJZINGEN, MUTATIES, DECLARATIES and Tags.DEAD_LETTERS (invalid BSNs and
 * placeholders that cannot be linked). The key is read by each worker in its setup from the key file
 * or environment variable; only the key's location travels with the job.
 */
public final class PseudonymiseSources extends PTransform<PCollectionTuple, PCollectionTuple> {
  private final PseudonymKey key;
  private final String purpose;

  public PseudonymiseSources(PseudonymKey key, String purpose) {
    this.key = key;
    this.purpose = purpose;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    PCollectionTuple regs = in.get(Tags.REGISTRATION_ROWS)
        .apply("Registrations", ParDo.of(new RegistrationFn(key, purpose))
            .withOutputTags(Tags.REGISTRATIONS, TupleTagList.of(Tags.DEAD_LETTERS)));
    PCollectionTuple toew = in.get(Tags.IJW_TOEWIJZINGEN)
        .apply("Toewijzingen", ParDo.of(new ToewijzingFn(key, purpose))
            .withOutputTags(Tags.TOEWIJZINGEN, TupleTagList.of(Tags.DEAD_LETTERS)));
    PCollectionTuple mut = in.get(Tags.IJW_START_STOP)
        .apply("StartStop", ParDo.of(new StartStopFn(key, purpose))
            .withOutputTags(Tags.MUTATIES, TupleTagList.of(Tags.DEAD_LETTERS)));
    PCollectionTuple decl = in.get(Tags.DECLARATIE_REGELS)
        .apply("Declaraties", ParDo.of(new DeclaratieFn(key, purpose))
            .withOutputTags(Tags.DECLARATIES, TupleTagList.of(Tags.DEAD_LETTERS)));

    PCollection<DeadLetter> dead = PCollectionList.of(regs.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)))
        .and(toew.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)))
        .and(mut.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)))
        .and(decl.get(Tags.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)))
        .apply("AllRejects", Flatten.pCollections());

    return PCollectionTuple
        .of(Tags.REGISTRATIONS, regs.get(Tags.REGISTRATIONS).setCoder(AvroCoder.of(LocalRegistration.class)))
        .and(Tags.TOEWIJZINGEN, toew.get(Tags.TOEWIJZINGEN).setCoder(AvroCoder.of(Toewijzing.class)))
        .and(Tags.MUTATIES, mut.get(Tags.MUTATIES).setCoder(AvroCoder.of(ZorgMutatie.class)))
        .and(Tags.DECLARATIES, decl.get(Tags.DECLARATIES).setCoder(AvroCoder.of(Declaratie.class)))
        .and(Tags.DEAD_LETTERS, dead);
  }

  /** Shared setup: reads the key on the worker. */
  abstract static class BaseFn<I, O> extends DoFn<I, O> {
    private final PseudonymKey key;
    private final String purpose;
    private final String source;
    transient Minimisation minimisation;
    private final Counter in;
    private final Counter ok;
    private final Counter dead;

    BaseFn(PseudonymKey key, String purpose, String source) {
      this.key = key;
      this.purpose = purpose;
      this.source = source;
      this.in = Counters.counter("pseudonymisation." + source + ".in");
      this.ok = Counters.counter("pseudonymisation." + source + ".out");
      this.dead = Counters.counter("pseudonymisation." + source + ".dead");
    }

    @Setup
    public void setup() {
      minimisation = new Minimisation(new Pseudonymiser(key.read(), purpose));
    }

    Minimisation.Out<O> out(ProcessContext c, TupleTag<O> mainTag) {
      in.inc();
      return new Minimisation.Out<>() {
        @Override
        public void ok(O record) {
          ok.inc();
          c.output(mainTag, record);
        }

        @Override
        public void dead(DeadLetter deadLetter) {
          dead.inc();
          c.output(Tags.DEAD_LETTERS, deadLetter);
        }
      };
    }
  }

  static final class RegistrationFn extends BaseFn<RegistrationRow, LocalRegistration> {
    RegistrationFn(PseudonymKey key, String purpose) {
      super(key, purpose, "registraties");
    }

    @ProcessElement
    public void process(ProcessContext c) {
      minimisation.registration(c.element(), out(c, Tags.REGISTRATIONS));
    }
  }

  static final class ToewijzingFn extends BaseFn<IjwToewijzing, Toewijzing> {
    ToewijzingFn(PseudonymKey key, String purpose) {
      super(key, purpose, "toewijzingen");
    }

    @ProcessElement
    public void process(ProcessContext c) {
      minimisation.toewijzing(c.element(), out(c, Tags.TOEWIJZINGEN));
    }
  }

  static final class StartStopFn extends BaseFn<IjwStartStop, ZorgMutatie> {
    StartStopFn(PseudonymKey key, String purpose) {
      super(key, purpose, "mutaties");
    }

    @ProcessElement
    public void process(ProcessContext c) {
      minimisation.startStop(c.element(), out(c, Tags.MUTATIES));
    }
  }

  static final class DeclaratieFn extends BaseFn<DeclaratieRegel, Declaratie> {
    DeclaratieFn(PseudonymKey key, String purpose) {
      super(key, purpose, "declaraties");
    }

    @ProcessElement
    public void process(ProcessContext c) {
      minimisation.declaratie(c.element(), out(c, Tags.DECLARATIES));
    }
  }
}
