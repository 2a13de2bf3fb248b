package nl.jeugdkubus.publish;

import java.util.List;

/**
 * The top-level entries of an output folder and who may read them: the one place that says which
 * output is shareable. Published tables, dimensions and the report (drawn from the tables only) may be
 * shared; the internal cube and the dead letters are owner-only (directories 0700, files 0600, whatever
 * the umask); the manifest and history are not meant for sharing but carry no protected data beyond
 * what history keeps of the entries above (history keeps each entry's own access).
 */
public enum OutputEntry {
  TABLES("tables", Access.SHAREABLE),
  DIMENSIONS("dimensions", Access.SHAREABLE),
  REPORT("report", Access.SHAREABLE),
  INTERNAL("internal", Access.OWNER_ONLY),
  DEADLETTERS("deadletters", Access.OWNER_ONLY),
  MANIFEST("manifest.json", Access.NOT_SHARED),
  /** Per source the SHA-256 of every input file (common/InputDigests): file names and digests only. */
  INPUTS("inputs", Access.NOT_SHARED),
  /**
   * The change report of a rerun (rerun/ChangeReport): published cells only, old and new. Not for sharing: it
   * sets two protected releases of the same cells side by side (docs/runbook.md, "Reruns").
   */
  CHANGES_JSON("changes.json", Access.NOT_SHARED),
  /** The change report's summary for the kennismanager (Dutch). */
  CHANGES_MD("changes.md", Access.NOT_SHARED);

  /** Who may read an entry. */
  public enum Access {
    /** Meant to be shared (published data). */
    SHAREABLE,
    /** Not for sharing, default file modes. */
    NOT_SHARED,
    /** Unprotected or record-level data: owner-only (0700/0600). */
    OWNER_ONLY
  }

  /** Entries of earlier versions of the job that a publish retires (the old published cube). */
  static final List<String> LEGACY = List.of("cube");

  private final String fileName;
  private final Access access;

  OutputEntry(String fileName, Access access) {
    this.fileName = fileName;
    this.access = access;
  }

  public String fileName() {
    return fileName;
  }

  public Access access() {
    return access;
  }

  /**
   * The access of a top-level entry by name; an entry this enum does not know (written by a newer
   * step) is owner-only until it is added here.
   */
  public static Access accessOf(String fileName) {
    for (OutputEntry e : values()) if (e.fileName.equals(fileName)) return e.access;
    return Access.OWNER_ONLY;
  }
}
