package nl.jeugdkubus.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/** A {@link SourceRecord}: one byte for its kind, then the record in its kind's coder (Avro, or UTF-8 for a digest line). */
public final class SourceRecordCoder extends CustomCoder<SourceRecord> {
  private static final SourceRecordCoder INSTANCE = new SourceRecordCoder();
  private static final SourceRecord.Kind[] KINDS = SourceRecord.Kind.values();

  private transient Map<SourceRecord.Kind, Coder<Object>> coders;

  private SourceRecordCoder() {}

  public static SourceRecordCoder of() {
    return INSTANCE;
  }

  @SuppressWarnings("unchecked")
  private Coder<Object> coder(SourceRecord.Kind kind) {
    if (coders == null) {
      Map<SourceRecord.Kind, Coder<Object>> m = new EnumMap<>(SourceRecord.Kind.class);
      for (SourceRecord.Kind k : KINDS) {
        m.put(k, (Coder<Object>) (k.type == String.class ? StringUtf8Coder.of() : AvroCoder.of(k.type)));
      }
      coders = m;
    }
    return coders.get(kind);
  }

  @Override
  public void encode(SourceRecord r, OutputStream out) throws IOException {
    out.write(r.kind().ordinal());
    coder(r.kind()).encode(r.value(), out);
  }

  @Override
  public SourceRecord decode(InputStream in) throws IOException {
    int tag = in.read();
    if (tag < 0 || tag >= KINDS.length) throw new CoderException("not a SourceRecord kind: " + tag);
    SourceRecord.Kind kind = KINDS[tag];
    return SourceRecord.of(kind, coder(kind).decode(in));
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "Avro records are not encoded deterministically (maps); never a key");
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
