package nl.jeugdkubus.intermediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.RegistrationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymisationTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

  @Test
  void pseudonymIsHmacSha256OverPurposeAndBsn() throws Exception {
    // independent computation with the JDK: HMAC(key, purpose 0x00 "bsn" 0x00 bsn)
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    mac.update("beleid".getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update("bsn".getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal("123456782".getBytes(StandardCharsets.UTF_8))) hex.append(String.format("%02x", b));
    assertEquals(hex.toString(), new Pseudonymiser(KEY, "beleid").ofBsn("123456782"));
  }

  @Test
  void sameKeySamePseudonymOtherKeyOrPurposeDifferent() {
    String a = new Pseudonymiser(KEY, "beleid").ofBsn("123456782");
    assertEquals(a, new Pseudonymiser(KEY, "beleid").ofBsn("123456782"));
    assertNotEquals(a, new Pseudonymiser(OTHER_KEY, "beleid").ofBsn("123456782"));
    assertNotEquals(a, new Pseudonymiser(KEY, "onderzoek").ofBsn("123456782"));
    assertNotEquals(a, new Pseudonymiser(KEY, "beleid").ofBsn("111222333"));
    assertEquals(64, a.length());
    assertFalse(a.contains("123456782"));
  }

  @Test
  void keyFileReadableByOthersIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("key");
    Files.writeString(f, "0123456789abcdef0123456789abcdef\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    PseudonymKey.KeyException e = assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.from(f.toString(), null).read());
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    assertFalse(e.getMessage().contains("0123456789abcdef"));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    byte[] key = PseudonymKey.from(f.toString(), null).read();
    assertEquals(32, key.length); // trailing newline stripped
    assertEquals(PseudonymKey.keyId(KEY), PseudonymKey.keyId(key));
    assertNotEquals(PseudonymKey.keyId(KEY), PseudonymKey.keyId(OTHER_KEY));
  }

  @Test
  void shortKeyAndMissingKeyAreRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("key");
    Files.writeString(f, "short");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.from(f.toString(), null).read());
    assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.from(null, "JEUGDKUBUS_TEST_VARIABLE_THAT_IS_NOT_SET").read());
    assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.from(dir.resolve("absent").toString(), null).read());
  }

  private static RegistrationRow row(String bsn, String postcode) {
    return RegistrationRow.newBuilder().setSourceFile("r.csv").setPosition("line 2").setRegistratieId("R1")
        .setBsn(bsn).setGeboortedatum("2012-03-15").setGeslacht("V").setPostcode(postcode).setGemeenteCode("GM0197")
        .setWijk("Centrum").setSoort("lokaal_team").setAanmelddatum("2023-01-02").setStartdatum("2023-01-10").build();
  }

  @Test
  void registrationIsMinimised() {
    List<LocalRegistration> ok = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    Minimisation m = new Minimisation(new Pseudonymiser(KEY, "beleid"));
    m.registration(row("123456782", "7121AB"), sink(ok, dead));
    assertEquals(1, ok.size());
    LocalRegistration r = ok.get(0);
    assertEquals(new Pseudonymiser(KEY, "beleid").ofBsn("123456782"), r.getPseudonym());
    assertEquals(2012, r.getGeboortejaar());
    // born 2012-03-15, started 2023-01-10: 10 years old (11th birthday not yet reached)
    assertEquals(10, r.getLeeftijdBijStart());
    String all = r.toString();
    assertFalse(all.contains("123456782"));
    assertFalse(all.contains("2012-03-15"));
    assertFalse(all.contains("7121AB"));
  }

  @Test
  void invalidBsnAndPlaceholdersGoToDeadLettersMasked() {
    List<LocalRegistration> ok = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    Minimisation m = new Minimisation(new Pseudonymiser(KEY, "beleid"));
    m.registration(row("123456781", "7121AB"), sink(ok, dead));
    assertEquals(0, ok.size());
    assertEquals("INVALID_BSN", dead.get(0).getReason());
    assertEquals("*******81", dead.get(0).getMaskedId());
    assertFalse(dead.get(0).toString().contains("123456781"));

    // unknown placeholder with birth date and postcode: the CBS fallback key links it
    m.registration(row("999999999", "7121AB"), sink(ok, dead));
    assertEquals(1, ok.size());
    assertEquals(new Pseudonymiser(KEY, "beleid").ofFallback("V", "2012-03-15", "7121AB"), ok.get(0).getPseudonym());
    // without a postcode it cannot be linked
    m.registration(row("000000000", null), sink(ok, dead));
    assertEquals(1, ok.size());
    assertEquals("PLACEHOLDER_BSN_UNBORN", dead.get(1).getReason());
    assertNull(new Pseudonymiser(KEY, "beleid").ofFallback("V", null, "7121AB"));
  }

  private static <T> Minimisation.Out<T> sink(List<T> ok, List<DeadLetter> dead) {
    return new Minimisation.Out<>() {
      @Override
      public void ok(T record) {
        ok.add(record);
      }

      @Override
      public void dead(DeadLetter d) {
        dead.add(d);
      }
    };
  }
}
