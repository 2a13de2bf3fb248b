package nl.jeugdkubus.intermediate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 pseudonyms. The purpose label is part of the MAC input, so the same child gets
 * different pseudonyms in cubes made for different purposes and those cubes cannot be joined.
 * Not thread-safe (holds a Mac): one instance per DoFn instance.
 */
public final class Pseudonymiser {
  private final Mac mac;
  private final byte[] purpose;

  public Pseudonymiser(byte[] key, String purpose) {
    if (purpose == null || purpose.isBlank()) throw new IllegalArgumentException("purpose label is required");
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
    this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
  }

  /** Pseudonym of a valid, normalised 9-digit BSN. */
  public String ofBsn(String nineDigits) {
    return hmac("bsn", nineDigits);
  }

  /**
   * Pseudonym for a record whose BSN is a CBS placeholder (unknown or unborn child): following the
   * CBS protocol the key is then formed from sex, birth date and postcode. Null when those are
   * missing (the record cannot be linked and goes to the dead letters).
   */
  public String ofFallback(String geslacht, String geboortedatum, String postcode) {
    if (geboortedatum == null || geboortedatum.isBlank() || postcode == null || postcode.isBlank()) return null;
    String pc = postcode.replaceAll("\\s", "").toUpperCase();
    return hmac("fallback", (geslacht == null ? "O" : geslacht) + "|" + geboortedatum + "|" + pc);
  }

  private String hmac(String kind, String value) {
    mac.reset();
    mac.update(purpose);
    mac.update((byte) 0);
    mac.update(kind.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}
