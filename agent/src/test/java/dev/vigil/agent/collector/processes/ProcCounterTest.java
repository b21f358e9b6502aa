package dev.vigil.agent.collector.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

class ProcCounterTest {
  @TempDir Path proc;

  @Test
  void shouldCountPidDirectoriesAndReadThreadsFromLoadavg() throws IOException {
    for (String name : new String[] {"1", "42", "4096", "self", "net", "sys"}) {
      Files.createDirectories(proc.resolve(name));
    }
    Files.writeString(proc.resolve("loadavg"), "0.08 0.03 0.01 1/123 4096\n");
    ProcCounter counter = new ProcCounter(proc);

    assertEquals(3, counter.processes());
    assertEquals(123, counter.threads());
  }

  @Test
  void shouldTakeOnlyAllDigitNamesForPids() {
    assertTrue(ProcCounter.isPid("1"));
    assertTrue(ProcCounter.isPid("4194304"));
    assertFalse(ProcCounter.isPid("self"));
    assertFalse(ProcCounter.isPid("12a"));
    assertFalse(ProcCounter.isPid(""));
  }

  @Test
  void shouldCountWhatOshiCountsOnThisHost() throws IOException {
    OperatingSystem os = new SystemInfo().getOperatingSystem();
    ProcCounter counter = new ProcCounter(Path.of("/proc"));

    // Processes and threads come and go (other builds run here): compare within a margin.
    assertEquals(os.getProcessCount(), counter.processes(), 20);
    assertEquals(os.getThreadCount(), counter.threads(), 200);
  }
}
