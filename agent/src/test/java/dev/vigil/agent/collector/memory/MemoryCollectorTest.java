package dev.vigil.agent.collector.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
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

  /**
   * The head of /proc/meminfo of the Debian 12 VM this was written on, which has no swap: its two
   * swap lines carry a small swap file's numbers instead, so that they differ.
   */
  private static final String MEMINFO =
      """
      MemTotal:       24684084 kB
      MemFree:        22487844 kB
      MemAvailable:   23440436 kB
      Buffers:           19492 kB
      Cached:          1049876 kB
      SwapCached:            0 kB
      Active:           378104 kB
      SwapTotal:         65536 kB
      SwapFree:          61440 kB
      """;

  @TempDir Path procRoot;

  private List<Sample> collect(PlatformEnum platform) throws Exception {
    Files.writeString(procRoot.resolve("meminfo"), MEMINFO);
    CollectorContext context =
        new CollectorContext(SYSTEM_INFO, Clock.systemUTC(), platform, procRoot);
    SampleList sink = new SampleList();
    new MemoryCollector(context).collect(sink);
    return sink.samples();
  }

  @Test
  void shouldReadEveryFieldFromOneReadOfTheConfiguredProcRootOnLinux() throws Exception {
    List<Sample> samples = collect(PlatformEnum.LINUX);

    assertEquals(
        List.of(
            MemoryCollector.MEM_TOTAL,
            MemoryCollector.MEM_AVAILABLE,
            MemoryCollector.SWAP_TOTAL,
            MemoryCollector.SWAP_FREE,
            MemoryCollector.MEM_FREE),
        samples.stream().map(Sample::metric).toList());
    assertEquals(24684084.0 * 1024, value(samples, MemoryCollector.MEM_TOTAL));
    assertEquals(23440436.0 * 1024, value(samples, MemoryCollector.MEM_AVAILABLE));
    assertEquals(65536.0 * 1024, value(samples, MemoryCollector.SWAP_TOTAL));
    assertEquals(61440.0 * 1024, value(samples, MemoryCollector.SWAP_FREE));
    assertEquals(22487844.0 * 1024, value(samples, MemoryCollector.MEM_FREE));
  }

  @Test
  void shouldLeaveOutWhatAnOldKernelsMeminfoLacks() throws Exception {
    Files.writeString(procRoot.resolve("meminfo"), "MemTotal: 2048 kB\nMemFree: 512 kB\n");
    CollectorContext context =
        new CollectorContext(SYSTEM_INFO, Clock.systemUTC(), PlatformEnum.LINUX, procRoot);
    SampleList sink = new SampleList();

    new MemoryCollector(context).collect(sink);

    assertEquals(
        List.of(MemoryCollector.MEM_TOTAL, MemoryCollector.MEM_FREE),
        sink.samples().stream().map(Sample::metric).toList());
  }

  @Test
  void shouldReadWhatOshiReadsFromThisHostsMeminfo() throws Exception {
    CollectorContext context =
        new CollectorContext(SYSTEM_INFO, Clock.systemUTC(), PlatformEnum.LINUX, Path.of("/proc"));
    SampleList sink = new SampleList();

    new MemoryCollector(context).collect(sink);

    assertEquals(
        SYSTEM_INFO.getHardware().getMemory().getTotal(),
        value(sink.samples(), MemoryCollector.MEM_TOTAL));
    assertEquals(
        SYSTEM_INFO.getHardware().getMemory().getVirtualMemory().getSwapTotal(),
        value(sink.samples(), MemoryCollector.SWAP_TOTAL));
  }

  private static double value(List<Sample> samples, Metric metric) {
    return samples.stream().filter(s -> s.metric() == metric).findFirst().orElseThrow().value();
  }

  @Test
  void shouldOmitMemFreeWhereThePlatformHasNoHonestEquivalent() throws Exception {
    List<Sample> samples = collect(PlatformEnum.WINDOWS);

    assertFalse(samples.stream().anyMatch(s -> s.metric() == MemoryCollector.MEM_FREE));
    assertEquals(4, samples.size());
  }
}
