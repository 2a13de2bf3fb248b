package nl.jeugdkubus.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.PausePoint;

/**
 * The one atomic publish of an output folder (docs/reliability.md, "Crash safety and atomic publish").
 *
 * <pre>
 *   &lt;output&gt;/.lock                       held (fcntl lock) while a run uses the folder
 *   &lt;output&gt;/.pending-&lt;run_id&gt;/          the run writes its new output here, aside
 *   &lt;output&gt;/.versions/&lt;version&gt;/        published versions: the current one and the one before it
 *   &lt;output&gt;/.current -&gt; .versions/&lt;v&gt;    THE switch: one symbolic link
 *   &lt;output&gt;/tables -&gt; .current/tables    one link per top-level entry (tables, dimensions, internal,
 *   &lt;output&gt;/manifest.json -&gt; .current/manifest.json          deadletters, report, manifest.json, ...)
 *   &lt;output&gt;/history/&lt;run_id&gt;/...       previous versions of replaced period partitions
 * </pre>
 *
 * A publish turns the pending folder into a new version and then replaces the {@code .current} link by
 * one rename(2) of a new link over it: at every instant a reader that resolves {@code tables/...}
 * sees the complete previous version or the complete new one, never none and never a mix. A reader
 * that wants one consistent snapshot across several reads resolves {@code .current} once and reads
 * below {@code .versions/<version>}: a version is never changed, and the previous one is kept until
 * the next publish.
 *
 * <p>{@link #publish()} replaces the whole output; {@link #publishPeriods} replaces only the partitions
 * of some periods ({@code .../periode=2023H2/...} at any depth) and keeps every other file of the
 * current version byte-identical (hard links), moving the replaced files to {@code history/<run_id>/}.
 */
public final class Publisher implements AutoCloseable {
  static final String PENDING_PREFIX = ".pending-";
  static final String VERSIONS = ".versions";
  static final String CURRENT = ".current";
  static final String LOCK = ".lock";
  static final String NEW_LINK_PREFIX = ".current.new-";
  public static final String HISTORY = "history";
  /** A period-exact publish stages the replaced files here (hidden) and moves them to history/ after the switch. */
  static final String HISTORY_PENDING_PREFIX = ".history-";
  /** In every history/&lt;run_id&gt;/: the publish's sequence number, for retention (newest = highest). */
  static final String HISTORY_ORDER = ".order";
  /** The folder segment of a period partition. */
  public static final String PERIOD_SEGMENT = "periode=";
  /** Beam's FileIO temporary folders (.temp-beam-&lt;uuid&gt;), never published. */
  static final String BEAM_TEMP_PREFIX = ".temp-beam";

  /** What a publish did. */
  public record Publication(Path version, List<String> replaced, Path history) {}

  private final Path output;
  private final String runId;
  private final Path pending;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean done;
  /** Set by {@link #preparePeriods}: the current files the new version replaces, and where they wait for history/. */
  private List<String> staged = List.of();
  private Path stagedHistory;
  private int keepHistory = Integer.MAX_VALUE;
  /** Called at each named step of a publish; by default the test-only {@link PausePoint}. */
  private Consumer<String> checkpoint = PausePoint::reach;

  private Publisher(Path output, String runId, Path pending, FileChannel lockChannel, FileLock lock) {
    this.output = output;
    this.runId = runId;
    this.pending = pending;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Takes the output folder for a run: creates it if needed, locks it (a second run on the same folder
   * is a {@link ConfigurationException}), removes what crashed runs left aside, and creates an empty
   * {@code .pending-<runId>/}. Nothing a reader sees changes.
   */
  public static Publisher open(Path output, String runId) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    Files.createDirectories(out);
    FileChannel ch = FileChannel.open(out.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      ch.close();
      throw new ConfigurationException("another run is using the output folder " + out + " (it holds " + out.resolve(LOCK) + ")");
    }
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(PENDING_PREFIX) || n.startsWith(NEW_LINK_PREFIX) || n.startsWith(HISTORY_PENDING_PREFIX)) {
          deleteRecursively(p);
        }
      }
    }
    Path pending = out.resolve(PENDING_PREFIX + runId);
    Files.createDirectories(pending);
    return new Publisher(out, runId, pending, ch, l);
  }

  /** For tests: observe (or fail at) each step: version-in-place, before-switch, after-switch, done. */
  Publisher withCheckpoints(Consumer<String> observer) {
    this.checkpoint = observer;
    return this;
  }

  public Path output() {
    return output;
  }

  /** The folder the run writes its new output into. */
  public Path pending() {
    return pending;
  }

  /** The version readers see now (a folder below .versions), or null when nothing was published yet. */
  public Path current() throws IOException {
    return currentVersion(output);
  }

  /**
   * The version readers of an output folder see now, or null when nothing was published there yet (also for
   * a folder written by an older version of the job, without {@code .current}). Reads only.
   */
  public static Path currentVersion(Path output) throws IOException {
    Path c = output.toAbsolutePath().normalize().resolve(CURRENT);
    return Files.isDirectory(c) ? c.toRealPath() : null;
  }

  /**
   * The periods that have a partition ({@code periode=<P>} folder, any depth) in a version: what it publishes.
   */
  public static Set<String> periodsOf(Path version) throws IOException {
    Set<String> out = new TreeSet<>();
    if (version == null || !Files.isDirectory(version)) return out;
    try (Stream<Path> s = Files.walk(version)) {
      s.filter(Files::isDirectory).map(d -> d.getFileName() == null ? "" : d.getFileName().toString())
          .filter(n -> n.startsWith(PERIOD_SEGMENT)).forEach(n -> out.add(n.substring(PERIOD_SEGMENT.length())));
    }
    return out;
  }

  /**
   * Retention of history/: after a publish, keep only the {@code n} newest history runs (by the order of their
   * publishes). Default: keep all.
   */
  public Publisher keepingHistory(int n) {
    if (n < 1) throw new IllegalArgumentException("keep at least one history run: " + n);
    this.keepHistory = n;
    return this;
  }

  /**
   * Publishes the pending folder as the new output. Without {@link #preparePeriods} it is the whole new output:
   * every entry of the previous one is replaced or retired; after it, the pending folder already holds the
   * merged version (the untouched files of the current one, hard-linked) and the replaced files go to
   * {@code history/<run_id>/} right after the switch.
   */
  public Publication publish() throws IOException {
    return switchTo(staged, stagedHistory);
  }

  /**
   * Publishes the pending folder as a replacement of the given periods only: {@link #preparePeriods} and
   * {@link #publish}.
   */
  public Publication publishPeriods(Collection<String> periods) throws IOException {
    preparePeriods(periods);
    return publish();
  }

  /**
   * Turns the pending folder into the new version of a period-exact replacement, without publishing it yet (so
   * that steps such as the report can read the merged tables before the manifest and the switch). Every file of
   * the current version is hard-linked into the pending folder (so it stays byte-identical, the same inode)
   * unless the new version replaces it:
   * <ul>
   *   <li>it lies below a folder {@code periode=<P>} (any depth) for P in periods;
   *   <li>the pending folder has a file at the same path;
   *   <li>it lies below no {@code periode=} folder (dimensions/, deadletters/, inputs/, report/, manifest.json,
   *       ...): such files describe the run that wrote them, so the new version has the rerun's (written into
   *       the pending folder before or after this call), never a mix of two runs' files.
   * </ul>
   * Only partition files are hard-linked, so a step that writes into the pending folder after this call (the
   * report, the manifest) writes new files and can never change a published one through a shared inode.
   * The replaced files are staged (hidden) and moved to {@code history/<run_id>/} (same relative path;
   * owner-only entries stay owner-only) right after the switch. The pending folder must not hold a partition
   * of a period outside {@code periods} (it would mix with the current files of that partition).
   */
  public List<String> preparePeriods(Collection<String> periods) throws IOException {
    if (periods.isEmpty()) throw new IllegalArgumentException("no periods to replace");
    if (stagedHistory != null || done) throw new IllegalStateException("already prepared, published or abandoned");
    Path current = current();
    if (current == null) throw new IllegalStateException("nothing published yet in " + output + ": publish the whole output first");
    Set<String> wanted = new TreeSet<>(periods);
    Set<String> foreign = new TreeSet<>(periodsOf(pending));
    foreign.removeAll(wanted);
    if (!foreign.isEmpty()) {
      throw new IllegalStateException("the pending folder holds partitions of periods it does not replace: " + foreign);
    }
    Set<String> segments = new TreeSet<>();
    for (String p : wanted) segments.add(PERIOD_SEGMENT + p);
    List<String> replaced = new ArrayList<>();
    Path history = output.resolve(HISTORY_PENDING_PREFIX + runId);
    deleteRecursively(history);
    List<Path> files;
    try (Stream<Path> s = Files.walk(current)) {
      files = s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : files) {
      Path rel = current.relativize(f);
      Path target = pending.resolve(rel);
      if (inAny(rel, segments) || !inAnyPeriod(rel) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        replaced.add(rel.toString());
        Path h = history.resolve(rel);
        Files.createDirectories(h.getParent());
        linkOrCopy(f, h);
      } else {
        Files.createDirectories(target.getParent());
        linkOrCopy(f, target);
      }
    }
    applyAccess(history);
    this.staged = List.copyOf(replaced);
    this.stagedHistory = history;
    return staged;
  }

  /** Leaves the pending folder unpublished (kept for inspection; the next run on this folder removes it). */
  public void abandon() {
    done = true;
  }

  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) lock.release();
    } finally {
      lockChannel.close();
    }
  }

  private Publication switchTo(List<String> replaced, Path history) throws IOException {
    if (done) throw new IllegalStateException("already published or abandoned");
    done = true;
    removeBeamTemp(pending);
    applyAccess(pending);
    Path previous = current();
    Path versions = Files.createDirectories(output.resolve(VERSIONS));
    Path version = freshFolder(versions, runId);
    Files.move(pending, version, StandardCopyOption.ATOMIC_MOVE);
    fsync(versions);
    checkpoint.accept("version-in-place");
    retireRealEntries(version, previous);
    Set<String> entries = entries(version);
    for (String e : entries) ensureEntryLink(e);
    fsync(output);
    checkpoint.accept("before-switch");
    Path newLink = output.resolve(NEW_LINK_PREFIX + runId);
    Files.deleteIfExists(newLink);
    Files.createSymbolicLink(newLink, Path.of(VERSIONS, version.getFileName().toString()));
    Files.move(newLink, output.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    fsync(output);
    checkpoint.accept("after-switch");
    Path kept = keepHistory(history, replaced);
    removeDanglingEntryLinks(entries);
    removeOldVersions(versions, version, previous);
    checkpoint.accept("done");
    return new Publication(version, List.copyOf(replaced), kept);
  }

  /**
   * Moves the staged replaced files to {@code history/<run_id>/} (with the publish's sequence number) and applies
   * the retention; returns the history folder, or null when nothing was replaced.
   */
  private Path keepHistory(Path staged, List<String> replaced) throws IOException {
    if (staged == null) return null;
    if (replaced.isEmpty()) {
      deleteRecursively(staged);
      return null;
    }
    Path root = Files.createDirectories(output.resolve(HISTORY));
    List<Path> runs = historyRuns(root);
    long order = runs.isEmpty() ? 1 : historyOrder(runs.get(runs.size() - 1)) + 1;
    Files.writeString(staged.resolve(HISTORY_ORDER), Long.toString(order) + "\n");
    Path into = freshFolder(root, runId);
    Files.move(staged, into, StandardCopyOption.ATOMIC_MOVE);
    fsync(root);
    List<Path> all = historyRuns(root);
    for (int i = 0; i < all.size() - keepHistory; i++) deleteRecursively(all.get(i));
    return into;
  }

  /** The history runs below history/, oldest first (by their publish order; without one: oldest, by name). */
  static List<Path> historyRuns(Path root) throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory)
          .sorted(Comparator.comparingLong(Publisher::historyOrder).thenComparing(p -> p.getFileName().toString())).toList();
    }
  }

  private static long historyOrder(Path run) {
    try {
      return Long.parseLong(Files.readString(run.resolve(HISTORY_ORDER)).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** A new folder name/runId, or name/runId~2, ~3 ... when that exists (the same run id published twice). */
  private static Path freshFolder(Path parent, String runId) {
    Path p = parent.resolve(runId);
    for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) p = parent.resolve(runId + "~" + i);
    return p;
  }

  private static boolean inAnyPeriod(Path rel) {
    for (Path part : rel) if (part.toString().startsWith(PERIOD_SEGMENT)) return true;
    return false;
  }

  private static boolean inAny(Path rel, Set<String> segments) {
    for (Path part : rel) if (segments.contains(part.toString())) return true;
    return false;
  }

  private static Set<String> entries(Path version) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(version)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
    }
    return names;
  }

  /** Owner-only modes on every entry that is owner-only ({@link OutputEntry#accessOf}). */
  private static void applyAccess(Path root) throws IOException {
    if (!Files.isDirectory(root)) return;
    for (String e : entries(root)) {
      if (OutputEntry.accessOf(e) == OutputEntry.Access.OWNER_ONLY) OwnerOnly.apply(root.resolve(e));
    }
  }

  /**
   * Entries that are real files or folders (an output written by an earlier version of the job) move into
   * the previous version, or a legacy version when there is none; legacy entries (cube/) retire with it.
   * This is the only step with a moment (one rename and one link creation) in which an entry is absent;
   * it happens once per output folder.
   */
  private void retireRealEntries(Path version, Path previous) throws IOException {
    Set<String> names = new LinkedHashSet<>(entries(version));
    for (OutputEntry e : OutputEntry.values()) names.add(e.fileName());
    names.addAll(OutputEntry.LEGACY);
    Path into = previous;
    for (String n : names) {
      Path p = output.resolve(n);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) continue;
      if (into == null) {
        into = Files.createDirectories(freshFolder(output.resolve(VERSIONS), "legacy-" + Instant.now().toEpochMilli()));
        Path link = output.resolve(NEW_LINK_PREFIX + "legacy");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(VERSIONS, into.getFileName().toString()));
        Files.move(link, output.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(p, into.resolve(n), StandardCopyOption.ATOMIC_MOVE);
      if (!OutputEntry.LEGACY.contains(n)) ensureEntryLink(n);
    }
  }

  /** Makes output/name a link to .current/name (it resolves once .current holds that entry). */
  private void ensureEntryLink(String name) throws IOException {
    Path link = output.resolve(name);
    Path target = Path.of(CURRENT, name);
    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) return;
    Path tmp = output.resolve(NEW_LINK_PREFIX + name);
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, target);
    Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Links to .current/&lt;entry&gt; for entries the new version does not have. */
  private void removeDanglingEntryLinks(Set<String> entries) throws IOException {
    try (Stream<Path> s = Files.list(output)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (entries.contains(n) || !Files.isSymbolicLink(p)) continue;
        if (Files.readSymbolicLink(p).startsWith(CURRENT)) Files.delete(p);
      }
    }
  }

  /** Keeps the new version and the one readers saw before it; removes older and orphaned versions. */
  private static void removeOldVersions(Path versions, Path version, Path previous) throws IOException {
    try (Stream<Path> s = Files.list(versions)) {
      for (Path v : s.toList()) {
        // by name: the output path given may differ from the real one (a link in its parents)
        String n = v.getFileName().toString();
        if (n.equals(version.getFileName().toString()) || (previous != null && n.equals(previous.getFileName().toString()))) continue;
        deleteRecursively(v);
      }
    }
  }

  private static void removeBeamTemp(Path root) throws IOException {
    List<Path> temps;
    try (Stream<Path> s = Files.walk(root)) {
      temps = s.filter(p -> p.getFileName().toString().startsWith(BEAM_TEMP_PREFIX)).toList();
    }
    for (Path t : temps) deleteRecursively(t);
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** Flushes a directory's entries to disk (best effort: not every platform can open a directory). */
  private static void fsync(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // not supported here; the renames are still atomic, only their durability after a power cut is not forced
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
    if (Files.isSymbolicLink(p)) {
      Files.delete(p);
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!Files.isSymbolicLink(f) && Files.isDirectory(f)) f.toFile().setWritable(true);
        Files.delete(f);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
