package nl.jeugdkubus.staging;

/**
 * Collects lines into blocks of at most {@code maxLines} lines, newline-separated (no newline at the end): the digest
 * lines of the iJw files travel in such blocks ({@code SourceRecord.digestLines}). The cap keeps each block far below
 * the largest record Flink's sorter takes (a batch bundle on Flink is a whole partition: 650 k files at national
 * scale, 65 MB of lines). Pure logic, not thread-safe (one per DoFn instance).
 */
final class LineBlocks {
  private final int maxLines;
  private final StringBuilder block = new StringBuilder();
  private int lines;

  LineBlocks(int maxLines) {
    if (maxLines < 1) throw new IllegalArgumentException("maxLines " + maxLines);
    this.maxLines = maxLines;
  }

  /** Adds a line; returns the block it completes, or null. */
  String add(String line) {
    if (lines > 0) block.append('\n');
    block.append(line);
    return ++lines == maxLines ? rest() : null;
  }

  /** The lines added since the last block, as a block (and starts a new one); null when there are none. */
  String rest() {
    if (lines == 0) return null;
    String b = block.toString();
    block.setLength(0);
    lines = 0;
    return b;
  }
}
