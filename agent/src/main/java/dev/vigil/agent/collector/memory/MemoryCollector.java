package dev.vigil.agent.collector.memory;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.util.PlatformEnum;

/** Reports memory and swap totals through OSHI, plus MemFree from /proc/meminfo on Linux. */
public final class MemoryCollector implements Collector {
  static final Metric MEM_TOTAL = field("MemTotal");
  static final Metric MEM_AVAILABLE = field("MemAvailable");
  static final Metric MEM_FREE = field("MemFree");
  static final Metric SWAP_TOTAL = field("SwapTotal");
  static final Metric SWAP_FREE = field("SwapFree");

  private final GlobalMemory memory;
  private final Path meminfo;

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
    sink.add(MEM_TOTAL, memory.getTotal());
    sink.add(MEM_AVAILABLE, memory.getAvailable());
    VirtualMemory swap = memory.getVirtualMemory();
    sink.add(SWAP_TOTAL, swap.getSwapTotal());
    sink.add(SWAP_FREE, swap.getSwapTotal() - swap.getSwapUsed());
    if (meminfo != null) {
      String text = Files.readString(meminfo, StandardCharsets.US_ASCII);
      Long memFree = MemInfoParser.parse(text).get("MemFree");
      if (memFree != null) {
        sink.add(MEM_FREE, memFree);
      }
    }
  }

  private static Metric field(String meminfoField) {
    String name = "node_memory_" + meminfoField + "_bytes";
    return Metric.gauge(name, "Memory information field " + meminfoField + "_bytes.");
  }
}
