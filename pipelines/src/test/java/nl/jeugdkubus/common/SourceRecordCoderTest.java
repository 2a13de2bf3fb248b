package nl.jeugdkubus.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.RegistrationRow;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class SourceRecordCoderTest {
  static final SourceRecordCoder CODER = SourceRecordCoder.of();

  static List<SourceRecord> examples() {
    return List.of(
        SourceRecord.of(RegistrationRow.newBuilder().setSourceFile("r.csv").setPosition("line 2").setRegistratieId("R1")
            .setBsn("123456782").setGeboortedatum("2012-03-15").setGeslacht("V").setPostcode("7121AB")
            .setGemeenteCode("GM0197").setWijk("Centrum").setSoort("lokaal_team").setAanmelddatum("2023-01-02")
            .setStartdatum("2023-01-10").build()),
        SourceRecord.of(Declaratie.newBuilder().setPseudonym("ab").setSourceFile("d.csv").setPosition("line 2")
            .setSourceFormat("CSV").setGemeenteCode("GM0197").setAanbiederCode("12345678").setDeclaratieNummer("D1")
            .setReferentieNummer("RN1").setProductCategorie("45").setPeriodeBegin("2024-01-01")
            .setPeriodeEind("2024-01-31").setBedragCenten(-1250L).setDebetCredit("C").build()),
        SourceRecord.of(DeadLetters.of("ijw", "JW315.xml", "file", "staging", "UNSUPPORTED_MESSAGE", "JW315", null, "IJW")),
        SourceRecord.digestLines("ab12  100  ijw/JW301.xml\ncd34  200  ijw/JW305.xml"),
        SourceRecord.digestLines(""));
  }

  @Test
  void everyKindComesBackAsItWentInAlsoWhenNestedInAStream() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (SourceRecord r : examples()) CODER.encode(r, b);
    ByteArrayInputStream in = new ByteArrayInputStream(b.toByteArray());
    List<SourceRecord> back = new ArrayList<>();
    for (int i = 0; i < examples().size(); i++) back.add(CODER.decode(in));
    assertEquals(examples(), back);
    assertEquals(-1, in.read(), "each record read exactly its own bytes");
    // and as the value of the grouping's KV
    KvCoder<String, SourceRecord> kv = KvCoder.of(StringUtf8Coder.of(), CODER);
    KV<String, SourceRecord> e = KV.of("!dead JW315.xml file", examples().get(2));
    assertEquals(e, CoderUtils.decodeFromByteArray(kv, CoderUtils.encodeToByteArray(kv, e)));
  }

  @Test
  void theFirstByteIsTheKindAndAnUnknownKindIsRefused() throws Exception {
    byte[] line = CoderUtils.encodeToByteArray(CODER, SourceRecord.digestLines("x"));
    assertEquals(SourceRecord.Kind.INPUT_DIGEST.ordinal(), line[0]);
    // then StringUtf8Coder's nested form: length 1, 'x'
    assertEquals(3, line.length);
    assertEquals(1, line[1]);
    assertEquals('x', line[2]);
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {99}));
  }

  @Test
  void aRecordOfTheWrongKindIsRefused() {
    DeadLetter d = DeadLetters.of("ijw", "f", "file", "staging", "R", "d", null, "IJW");
    assertThrows(IllegalStateException.class, () -> SourceRecord.of(d).as(String.class));
    assertThrows(IllegalArgumentException.class, () -> SourceRecord.of(SourceRecord.Kind.TOEWIJZING, d));
  }
}
