package nl.jeugdkubus.staging;

import nl.jeugdkubus.common.SourceRecord;
import nl.jeugdkubus.common.Tags;
import nl.jeugdkubus.model.DeadLetter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Test side: the records of one kind from the staging layer's person streams. */
final class SourceStreams {
  private SourceStreams() {}

  /** The three person streams of a {@link ReadSources} tuple as one. */
  static PCollection<SourceRecord> all(PCollectionTuple staged) {
    PCollectionList<SourceRecord> l = PCollectionList.empty(staged.getPipeline());
    for (var tag : Tags.PERSON_SOURCES) l = l.and(staged.get(tag));
    return l.apply("AllPersonSources" + NAMES.incrementAndGet(), Flatten.pCollections());
  }

  private static final java.util.concurrent.atomic.AtomicInteger NAMES = new java.util.concurrent.atomic.AtomicInteger();

  static <T extends SpecificRecord> PCollection<T> of(PCollection<SourceRecord> stream, SourceRecord.Kind kind, Class<T> type) {
    int n = NAMES.incrementAndGet();
    return stream
        .apply("Only" + kind + n, Filter.by((SourceRecord r) -> r.kind() == kind))
        .apply("As" + kind + n, MapElements.into(TypeDescriptor.of(type)).via((SourceRecord r) -> r.as(type)))
        .setCoder(AvroCoder.of(type));
  }

  /** The dead letters of the person streams and of the CBS and finance readers together. */
  static PCollection<DeadLetter> deadLetters(PCollectionTuple staged) {
    return PCollectionList.of(of(all(staged), SourceRecord.Kind.DEAD_LETTER, DeadLetter.class))
        .and(staged.get(Tags.DEAD_LETTERS))
        .apply("AllDead", Flatten.pCollections());
  }
}
