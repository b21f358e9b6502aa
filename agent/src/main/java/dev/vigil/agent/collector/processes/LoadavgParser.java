package dev.vigil.agent.collector.processes;

import dev.vigil.agent.collector.procfs.LineScanner;

/**
 * Reads the thread count out of {@code /proc/loadavg}, {@code 4.73 9.98 9.17 7/386 24805}: the
 * fourth field is runnable/total scheduling entities, and the total is every thread on the host,
 * the kernel's nr_threads that sysinfo(2) (and so OSHI) reported, there cut to 16 bits.
 */
final class LoadavgParser {
  private final LineScanner scanner = new LineScanner();

  LoadavgParser() {
    scanner.alsoSeparateAt('/');
  }

  /** The total after the slash of the fourth field, or -1 when the text is not loadavg's. */
  long threads(byte[] buffer, int length) {
    scanner.wrap(buffer, length);
    if (!scanner.nextLine()) {
      return -1;
    }
    for (int i = 0; i < 3; i++) {
      if (!scanner.nextToken()) {
        return -1;
      }
    }
    long runnable = scanner.nextLong();
    return runnable < 0 ? -1 : scanner.nextLong();
  }
}
