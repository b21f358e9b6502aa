package dev.vigil.agent.collector.cpu;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.util.Locale;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;

/** Reports {@code node_cpu_seconds_total{cpu,mode}} from OSHI's cumulative per-CPU ticks. */
public final class CpuCollector implements Collector {
  static final Metric CPU_SECONDS =
      Metric.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.");

  private static final TickType[] MODES = TickType.values();

  private final CentralProcessor processor;

  /** Reads the processor of {@code context}'s host. */
  public CpuCollector(CollectorContext context) {
    this.processor = context.systemInfo().getHardware().getProcessor();
  }

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public void collect(MetricSink sink) {
    emit(processor.getProcessorCpuLoadTicks(), sink);
  }

  /**
   * OSHI ticks are cumulative milliseconds indexed by {@link TickType#getIndex()}; on Windows OSHI
   * has already folded privileged, interrupt and DPC time into system, irq and softirq.
   */
  static void emit(long[][] ticksPerCpu, MetricSink sink) {
    for (int cpu = 0; cpu < ticksPerCpu.length; cpu++) {
      String cpuLabel = Integer.toString(cpu);
      for (TickType mode : MODES) {
        double seconds = ticksPerCpu[cpu][mode.getIndex()] / 1000.0;
        sink.add(CPU_SECONDS, seconds, "cpu", cpuLabel, "mode", modeLabel(mode));
      }
    }
  }

  private static String modeLabel(TickType mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }
}
