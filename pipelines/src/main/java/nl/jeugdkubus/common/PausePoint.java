package nl.jeugdkubus.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only hook that makes the job stop at a named moment, so a crash test can kill it at exactly
 * that point instead of relying on timing. Inactive unless the JVM runs with
 * {@code -Djeugdkubus.test.pauseAt=<point>} and {@code -Djeugdkubus.test.pauseDir=<folder>}: on reaching
 * that point the job writes {@code <folder>/<point>.reached} and waits until it is killed.
 * Points: {@code reading} (first staged record), {@code writing} (first cube row written),
 * {@code before-manifest} (everything written aside except the manifest), {@code before-switch}
 * (new version in place, not yet visible), {@code after-switch} (new version visible, clean-up pending).
 */
public final class PausePoint {
  public static final String PROPERTY = "jeugdkubus.test.pauseAt";
  public static final String DIR_PROPERTY = "jeugdkubus.test.pauseDir";

  private PausePoint() {}

  /** True when the JVM was asked to pause at this point. */
  public static boolean requested(String point) {
    return point.equals(System.getProperty(PROPERTY));
  }

  /** Pauses for good (until the process is killed) when asked to at this point; returns at once otherwise. */
  public static void reach(String point) {
    if (!requested(point)) return;
    try {
      Path dir = Path.of(System.getProperty(DIR_PROPERTY, "."));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(point + ".reached"), point);
      while (true) Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at pause point " + point, e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal pause point " + point, e);
    }
  }
}
