package nl.jeugdkubus.staging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The messages of one input file: the file itself, or every entry of a {@code .zip} archive (iJw messages as
 * downloaded in bulk). Entries are streamed one after the other, never unpacked to disk or held in memory; an
 * entry is named {@code <archive>!<entry>} in records and dead letters. Pure: no Beam.
 */
final class MessageArchive {
  /** One message: its name and a stream of its bytes (closing it does not close the archive). */
  interface Visitor {
    void message(String name, InputStream in) throws IOException;
  }

  private MessageArchive() {}

  static boolean isArchive(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /**
   * Calls the visitor for every file entry of the archive (folders skipped), in archive order.
   *
   * @return the number of entries visited
   * @throws IOException when the archive is damaged (after the entries before the damage were visited) or holds
   *     no entry at all (not a zip archive, or an empty one: never silently nothing)
   */
  static int forEachEntry(String archiveName, InputStream in, Visitor visitor) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    int n = 0;
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      if (e.isDirectory()) continue;
      n++;
      visitor.message(archiveName + "!" + e.getName(), new FilterInputStream(zip) {
        @Override
        public void close() {
          // the next entry follows in the same stream
        }
      });
    }
    if (n == 0) throw new IOException("no message in the archive (not a zip file, or an empty one)");
    return n;
  }
}
