package dev.vigil.agent.collector.processes;

import dev.vigil.agent.collector.procfs.TextFileReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Counts processes and threads on Linux from procfs: one listing of {@code /proc} (a directory per
 * process, named by its pid) and one read of {@code /proc/loadavg}. OSHI listed the same directory
 * as File objects and asked sysinfo(2) through JNA for the threads.
 */
final class ProcCounter {
  private final File procDir;
  private final Path loadavg;
  private final TextFileReader file = new TextFileReader(128);
  private final LoadavgParser parser = new LoadavgParser();

  /** Reads below {@code procRoot}. */
  ProcCounter(Path procRoot) {
    this.procDir = procRoot.toFile();
    this.loadavg = procRoot.resolve("loadavg");
  }

  /** Processes now, or -1 when the directory cannot be listed. */
  int processes() {
    String[] names = procDir.list();
    if (names == null) {
      return -1;
    }
    int count = 0;
    for (String name : names) {
      if (isPid(name)) {
        count++;
      }
    }
    return count;
  }

  /** Threads now, or -1 when loadavg does not read as expected. */
  int threads() throws IOException {
    file.read(loadavg);
    return (int) Math.min(Integer.MAX_VALUE, parser.threads(file.buffer(), file.length()));
  }

  static boolean isPid(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return !name.isEmpty();
  }
}
