package dev.vigil.agent.collector.procfs;

/**
 * A procfs table, one record per line, parsed in place: {@link #wrap} at every read, then {@link
 * #next} until it answers false, reading the current record through the subclass' accessors.
 */
public abstract class LineParser {
  /** The scanner over the text of the current read. */
  protected final LineScanner scanner = new LineScanner();

  /** Points the parser at {@code buffer[0, length)}, before its first record. */
  public void wrap(byte[] buffer, int length) {
    scanner.wrap(buffer, length);
  }

  /** Moves to the next well-formed record; malformed lines (a header, a short line) are skipped. */
  public boolean next() {
    while (scanner.nextLine()) {
      if (parseLine()) {
        return true;
      }
    }
    return false;
  }

  /** Parses the scanner's current line into the current record; false when it is not one. */
  protected abstract boolean parseLine();
}
