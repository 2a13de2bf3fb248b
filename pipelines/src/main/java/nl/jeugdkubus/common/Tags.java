package nl.jeugdkubus.common;

import nl.jeugdkubus.model.CbsCell;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.PersonHistory;
import org.apache.beam.sdk.values.TupleTag;

/** The named outputs passed between layers (staging, intermediate, marts). */
public final class Tags {
  private Tags() {}

  /** Every step's rejects. */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>("deadLetters") {};

  /**
   * The person sources' one stream ({@link SourceRecord}): as read by staging (BSN still present, never written
   * anywhere), dead letters and the iJw input digest lines among them.
   */
  public static final TupleTag<SourceRecord> SOURCE_RECORDS = new TupleTag<SourceRecord>("sourceRecords") {};
  /** Each person source's stream of {@link SourceRecord}s, as {@code ReadSources} returns them. */
  public static final TupleTag<SourceRecord> REGISTRATION_SOURCE = new TupleTag<SourceRecord>("registratiesSource") {};
  public static final TupleTag<SourceRecord> IJW_SOURCE = new TupleTag<SourceRecord>("ijwSource") {};
  public static final TupleTag<SourceRecord> DECLARATIONS_CSV_SOURCE = new TupleTag<SourceRecord>("declaratiesCsvSource") {};
  /** The person sources, in this order. */
  public static final java.util.List<TupleTag<SourceRecord>> PERSON_SOURCES =
      java.util.List.of(REGISTRATION_SOURCE, IJW_SOURCE, DECLARATIONS_CSV_SOURCE);
  /** The input digest lines of the iJw files ({@link InputDigests#line}), computed while the files are parsed; an element may hold several lines (newline-separated). */
  public static final TupleTag<String> IJW_INPUT_DIGESTS = new TupleTag<String>("ijwInputDigests") {};
  public static final TupleTag<CbsCell> CBS_CELLS = new TupleTag<CbsCell>("cbsCells") {};

  // intermediate
  public static final TupleTag<PersonHistory> PERSONS = new TupleTag<PersonHistory>("persons") {};
}
