package nl.jeugdkubus.common;

import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.CostLine;
import nl.jeugdkubus.model.CubeRow;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.RegistrationRow;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.Trajectory;
import nl.jeugdkubus.model.ZorgMutatie;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/** Registers an AvroCoder for every record type generated from schemas/*.avsc. */
public final class ModelCoders {
  private ModelCoders() {}

  public static void register(Pipeline p) {
    CoderRegistry r = p.getCoderRegistry();
    r.registerCoderForClass(DeadLetter.class, AvroCoder.of(DeadLetter.class));
    r.registerCoderForClass(RegistrationRow.class, AvroCoder.of(RegistrationRow.class));
    r.registerCoderForClass(IjwToewijzing.class, AvroCoder.of(IjwToewijzing.class));
    r.registerCoderForClass(IjwStartStop.class, AvroCoder.of(IjwStartStop.class));
    r.registerCoderForClass(DeclaratieRegel.class, AvroCoder.of(DeclaratieRegel.class));
    r.registerCoderForClass(CbsCell.class, AvroCoder.of(CbsCell.class));
    r.registerCoderForClass(LocalRegistration.class, AvroCoder.of(LocalRegistration.class));
    r.registerCoderForClass(Toewijzing.class, AvroCoder.of(Toewijzing.class));
    r.registerCoderForClass(ZorgMutatie.class, AvroCoder.of(ZorgMutatie.class));
    r.registerCoderForClass(Declaratie.class, AvroCoder.of(Declaratie.class));
    r.registerCoderForClass(Trajectory.class, AvroCoder.of(Trajectory.class));
    r.registerCoderForClass(CostLine.class, AvroCoder.of(CostLine.class));
    r.registerCoderForClass(PersonHistory.class, AvroCoder.of(PersonHistory.class));
    r.registerCoderForClass(CubeRow.class, AvroCoder.of(CubeRow.class));
    r.registerCoderForClass(SourceRecord.class, SourceRecordCoder.of());
  }
}
