package nl.jeugdkubus.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the software that produced an output, as written into the manifest: the Maven version
 * and the git commit the jar was built from ({@code jeugdkubus-version.properties}, written at build time by
 * the exec-maven-plugin in pipelines/pom.xml; "unknown" when built outside a git checkout).
 */
public record SoftwareVersion(String version, String commit) {
  public static final String RESOURCE = "/jeugdkubus-version.properties";

  public static SoftwareVersion current() {
    Properties p = new Properties();
    try (InputStream in = SoftwareVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // reported as unknown below
    }
    return new SoftwareVersion(p.getProperty("version", "unknown"), p.getProperty("commit", "unknown"));
  }

  @Override
  public String toString() {
    return version + " (" + commit + ")";
  }
}
