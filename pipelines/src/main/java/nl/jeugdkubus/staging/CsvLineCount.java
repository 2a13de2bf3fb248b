package nl.jeugdkubus.staging;

import java.io.Serializable;

/**
 * What became of every physical line of one CSV file: the header line, lines of rows that became
 * records, blank lines, and lines of rows (or of a whole file) that became dead letters. The file
 * reconciles when {@code read = header + records + blank + rejected}; the CSV readers publish these
 * as counters {@code staging.<source>.lines.*} and the run summary checks the equation per source, so
 * a line lost between the tokenizer and the sinks makes the run fail. {@code transcoded} counts the
 * lines read as Windows-1252 (a note in the run summary, not part of the equation).
 */
public record CsvLineCount(long read, long header, long records, long blank, long rejected, long transcoded)
    implements Serializable {

  public boolean reconciles() {
    return read == header + records + blank + rejected;
  }
}
