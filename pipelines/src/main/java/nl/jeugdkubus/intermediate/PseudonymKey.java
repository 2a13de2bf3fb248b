package nl.jeugdkubus.intermediate;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Where the secret pseudonymisation key comes from: a key file or an environment variable, never the
 * repository. The key itself is not serialisable state of this object: only its location is; workers
 * read the key in their own setup, so it is never part of a job graph or a log line.
 */
public final class PseudonymKey implements Serializable {
  /** Minimum key length in bytes (a 9-digit number space must not be brute-forceable). */
  public static final int MIN_KEY_BYTES = 32;

  private static final Set<PosixFilePermission> NOT_ALLOWED = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final String keyFile;
  private final String keyEnv;

  private PseudonymKey(String keyFile, String keyEnv) {
    this.keyFile = keyFile;
    this.keyEnv = keyEnv;
  }

  /** A key source: the file when given, else the environment variable. */
  public static PseudonymKey from(String keyFile, String keyEnv) {
    if ((keyFile == null || keyFile.isBlank()) && (keyEnv == null || keyEnv.isBlank())) {
      throw new KeyException("No pseudonymisation key: give --keyFile=<file> or set the variable named by --keyEnv");
    }
    return new PseudonymKey(keyFile == null || keyFile.isBlank() ? null : keyFile, keyEnv);
  }

  /** Reads and checks the key; throws {@link KeyException} with a clear message (never the key). */
  public byte[] read() {
    byte[] key;
    if (keyFile != null) {
      Path p = Path.of(keyFile);
      if (!Files.isRegularFile(p)) throw new KeyException("Key file not found: " + keyFile);
      try {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        for (PosixFilePermission bad : NOT_ALLOWED) {
          if (perms.contains(bad)) {
            throw new KeyException("Key file " + keyFile + " is readable or writable by group or others ("
                + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); refusing it. Run: chmod 600 " + keyFile);
          }
        }
        key = Files.readString(p, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
      } catch (UnsupportedOperationException e) {
        throw new KeyException("Cannot check the permissions of key file " + keyFile + " (no POSIX file system)");
      } catch (IOException e) {
        throw new KeyException("Cannot read key file " + keyFile + ": " + e.getClass().getSimpleName());
      }
    } else {
      String v = System.getenv(keyEnv);
      if (v == null || v.isBlank()) {
        throw new KeyException("No pseudonymisation key: --keyFile not given and environment variable " + keyEnv + " is not set");
      }
      key = v.strip().getBytes(StandardCharsets.UTF_8);
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new KeyException("Pseudonymisation key is too short: at least " + MIN_KEY_BYTES + " bytes are required "
          + "(generate one with: openssl rand -hex 32)");
    }
    return key;
  }

  /** Where the key comes from, for the manifest (a path or a variable name, never the key). */
  public String describe() {
    return keyFile != null ? "file:" + keyFile : "env:" + keyEnv;
  }

  /**
   * A key identifier: the first 16 hex digits of SHA-256 over a fixed label and the key. It proves two
   * runs used the same key without revealing it.
   */
  public static String keyId(byte[] key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("jeugdkubus-key-id:".getBytes(StandardCharsets.UTF_8));
      md.update(key);
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A problem with the key, with a message fit for the console. */
  public static final class KeyException extends RuntimeException {
    public KeyException(String message) {
      super(message);
    }
  }
}
