package dev.vigil.agent.collector.memory;

import dev.vigil.agent.collector.procfs.LineScanner;
import java.util.Arrays;
import java.util.List;

/**
 * Parses /proc/meminfo in place for a fixed list of fields, in bytes. Lines read {@code MemFree:
 * 123 kB}; a value without a unit (HugePages_Total) is a count and kept as it is.
 */
final class MemInfoParser {
  private static final long KIB = 1024;

  private final List<String> fields;
  private final long[] values;
  private final LineScanner scanner = new LineScanner();

  /** A parser that picks {@code fields} (names as the file spells them, without the colon). */
  MemInfoParser(List<String> fields) {
    this.fields = List.copyOf(fields);
    this.values = new long[fields.size()];
    scanner.alsoSeparateAt(':');
  }

  /** Reads the text of one read of the file; a field it lacks reads -1 until the next parse. */
  void parse(byte[] buffer, int length) {
    Arrays.fill(values, -1);
    scanner.wrap(buffer, length);
    while (scanner.nextLine()) {
      if (scanner.nextToken()) {
        int field = fieldOfToken();
        if (field >= 0) {
          values[field] = valueOfLine();
        }
      }
    }
  }

  /** The value of {@code fields.get(index)} in the last parse, -1 when absent or malformed. */
  long value(int index) {
    return values[index];
  }

  private int fieldOfToken() {
    for (int i = 0; i < fields.size(); i++) {
      if (scanner.tokenIs(fields.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private long valueOfLine() {
    long number = scanner.nextLong();
    if (number >= 0 && scanner.nextToken() && scanner.tokenIs("kB")) {
      return number * KIB;
    }
    return number;
  }
}
