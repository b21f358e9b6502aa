package dev.vigil.agent.collector.memory;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.procfs.TextFileReader;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.util.PlatformEnum;

/**
 * Reports memory and swap totals: on Linux from one read of /proc/meminfo, as node_exporter does
 * (OSHI read the same file up to three times a tick for the same numbers), elsewhere through OSHI.
 */
public final class MemoryCollector implements Collector {
  static final Metric MEM_TOTAL = field("MemTotal");
  static final Metric MEM_AVAILABLE = field("MemAvailable");
  static final Metric MEM_FREE = field("MemFree");
  static final Metric SWAP_TOTAL = field("SwapTotal");
  static final Metric SWAP_FREE = field("SwapFree");

  /** What Linux reports, in this order; the fields are the metrics' names in /proc/meminfo. */
  private static final List<String> LINUX_FIELDS =
      List.of("MemTotal", "MemAvailable", "SwapTotal", "SwapFree", "MemFree");

  private static final List<Metric> LINUX_METRICS =
      List.of(MEM_TOTAL, MEM_AVAILABLE, SWAP_TOTAL, SWAP_FREE, MEM_FREE);

  private final GlobalMemory memory;
  private final Path meminfo;
  private final TextFileReader file = new TextFileReader(4096);
  private final MemInfoParser parser = new MemInfoParser(LINUX_FIELDS);

  /** Reads the memory of {@code context}'s host. */
  public MemoryCollector(CollectorContext context) {
    this.memory = context.systemInfo().getHardware().getMemory();
    // Only Linux exposes a free-memory figure with MemFree's meaning; elsewhere it stays absent.
    this.meminfo =
        context.platform() == PlatformEnum.LINUX ? context.procRoot().resolve("meminfo") : null;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    if (meminfo != null) {
      file.read(meminfo);
      parser.parse(file.buffer(), file.length());
      emitLinux(sink);
    } else {
      sink.add(MEM_TOTAL, memory.getTotal());
      sink.add(MEM_AVAILABLE, memory.getAvailable());
      VirtualMemory swap = memory.getVirtualMemory();
      sink.add(SWAP_TOTAL, swap.getSwapTotal());
      sink.add(SWAP_FREE, swap.getSwapTotal() - swap.getSwapUsed());
    }
  }

  /** The fields the file has; one it lacks (MemAvailable before Linux 3.14) stays absent. */
  private void emitLinux(MetricSink sink) {
    for (int i = 0; i < LINUX_METRICS.size(); i++) {
      long value = parser.value(i);
      if (value >= 0) {
        sink.add(LINUX_METRICS.get(i), value);
      }
    }
  }

  private static Metric field(String meminfoField) {
    String name = "node_memory_" + meminfoField + "_bytes";
    return Metric.gauge(name, "Memory information field " + meminfoField + "_bytes.");
  }
}
