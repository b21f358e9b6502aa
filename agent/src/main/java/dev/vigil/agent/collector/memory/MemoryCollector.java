package dev.vigil.agent.collector.memory;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    if (meminfo != null) {
      emit(MemInfoParser.parse(Files.readString(meminfo, StandardCharsets.US_ASCII)), sink);
    } else {
      sink.add(MEM_TOTAL, memory.getTotal());
      sink.add(MEM_AVAILABLE, memory.getAvailable());
      VirtualMemory swap = memory.getVirtualMemory();
      sink.add(SWAP_TOTAL, swap.getSwapTotal());
      sink.add(SWAP_FREE, swap.getSwapTotal() - swap.getSwapUsed());
    }
  }

  /** The fields the file has; one it lacks (MemAvailable before Linux 3.14) stays absent. */
  private static void emit(Map<String, Long> fields, MetricSink sink) {
    addIfPresent(fields, "MemTotal", MEM_TOTAL, sink);
    addIfPresent(fields, "MemAvailable", MEM_AVAILABLE, sink);
    addIfPresent(fields, "SwapTotal", SWAP_TOTAL, sink);
    addIfPresent(fields, "SwapFree", SWAP_FREE, sink);
    addIfPresent(fields, "MemFree", MEM_FREE, sink);
  }

  private static void addIfPresent(
      Map<String, Long> fields, String field, Metric metric, MetricSink sink) {
    Long value = fields.get(field);
    if (value != null) {
      sink.add(metric, value);
    }
  }

  private static Metric field(String meminfoField) {
    String name = "node_memory_" + meminfoField + "_bytes";
    return Metric.gauge(name, "Memory information field " + meminfoField + "_bytes.");
  }
}
