package nl.jeugdkubus.common;

import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.PersonHistory;
import nl.jeugdkubus.model.RegistrationRow;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;
import org.apache.beam.sdk.values.TupleTag;

/** The named outputs passed between layers (staging, intermediate, marts). */
public final class Tags {
  private Tags() {}

  /** Every step's rejects. */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>("deadLetters") {};

  // staging: typed records as read, BSN still present (never written anywhere)
  public static final TupleTag<RegistrationRow> REGISTRATION_ROWS = new TupleTag<RegistrationRow>("registrationRows") {};
  public static final TupleTag<IjwToewijzing> IJW_TOEWIJZINGEN = new TupleTag<IjwToewijzing>("ijwToewijzingen") {};
  public static final TupleTag<IjwStartStop> IJW_START_STOP = new TupleTag<IjwStartStop>("ijwStartStop") {};
  public static final TupleTag<DeclaratieRegel> DECLARATIE_REGELS = new TupleTag<DeclaratieRegel>("declaratieRegels") {};
  /** The input digest lines of the iJw files ({@link InputDigests#line}), computed while the files are parsed. */
  public static final TupleTag<String> IJW_INPUT_DIGESTS = new TupleTag<String>("ijwInputDigests") {};
  public static final TupleTag<CbsCell> CBS_CELLS = new TupleTag<CbsCell>("cbsCells") {};

  // intermediate: pseudonymised
  public static final TupleTag<LocalRegistration> REGISTRATIONS = new TupleTag<LocalRegistration>("registrations") {};
  public static final TupleTag<Toewijzing> TOEWIJZINGEN = new TupleTag<Toewijzing>("toewijzingen") {};
  public static final TupleTag<ZorgMutatie> MUTATIES = new TupleTag<ZorgMutatie>("mutaties") {};
  public static final TupleTag<Declaratie> DECLARATIES = new TupleTag<Declaratie>("declaraties") {};
  public static final TupleTag<PersonHistory> PERSONS = new TupleTag<PersonHistory>("persons") {};
}
