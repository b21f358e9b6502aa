package dev.vigil.agent.collector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

class MemoryCollectorTest {
  private static final SystemInfo SYSTEM_INFO = new SystemInfo();

  @TempDir Path procRoot;

  private List<Sample> collect(PlatformEnum platform) throws Exception {
    Files.writeString(procRoot.resolve("meminfo"), "MemTotal: 2048 kB\nMemFree: 512 kB\n");
    CollectorContext context =
        new CollectorContext(SYSTEM_INFO, Clock.systemUTC(), platform, procRoot);
    SampleList sink = new SampleList();
    new MemoryCollector(context).collect(sink);
    return sink.samples();
  }

  @Test
  void shouldReadMemFreeFromTheConfiguredProcRootOnLinux() throws Exception {
    List<Sample> samples = collect(PlatformEnum.LINUX);

    Sample memFree =
        samples.stream().filter(s -> s.metric() == MemoryCollector.MEM_FREE).findFirst().get();
    assertEquals(512 * 1024, memFree.value());
    assertTrue(samples.stream().anyMatch(s -> s.metric() == MemoryCollector.MEM_TOTAL));
    assertTrue(samples.stream().anyMatch(s -> s.metric() == MemoryCollector.SWAP_FREE));
  }

  @Test
  void shouldOmitMemFreeWhereThePlatformHasNoHonestEquivalent() throws Exception {
    List<Sample> samples = collect(PlatformEnum.WINDOWS);

    assertFalse(samples.stream().anyMatch(s -> s.metric() == MemoryCollector.MEM_FREE));
    assertEquals(4, samples.size());
  }
}
