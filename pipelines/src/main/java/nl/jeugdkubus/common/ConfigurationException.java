package nl.jeugdkubus.common;

/**
 * A problem with the command line or the configuration tables, with a one-line message fit for the
 * console. The job ends with exit code 2 and has not touched its output folder.
 */
public final class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }
}
