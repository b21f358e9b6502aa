package dev.vigil.agent.collector.load;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import oshi.hardware.CentralProcessor;
import oshi.util.PlatformEnum;

/** Reports {@code node_load1}, {@code node_load5} and {@code node_load15}. */
public final class LoadCollector implements Collector {
  static final Metric LOAD1 = Metric.gauge("node_load1", "1m load average.");
  static final Metric LOAD5 = Metric.gauge("node_load5", "5m load average.");
  static final Metric LOAD15 = Metric.gauge("node_load15", "15m load average.");
  private static final Metric[] LOADS = {LOAD1, LOAD5, LOAD15};

  private final CentralProcessor processor;
  private final boolean supported;

  /** Reads the load of {@code context}'s host. */
  public LoadCollector(CollectorContext context) {
    this.processor = context.systemInfo().getHardware().getProcessor();
    // Windows has no load average; OSHI would return negatives, which are not a reading.
    this.supported = context.platform() != PlatformEnum.WINDOWS;
  }

  @Override
  public String name() {
    return "load";
  }

  @Override
  public void collect(MetricSink sink) {
    if (supported) {
      emit(processor.getSystemLoadAverage(LOADS.length), sink);
    }
  }

  /** Emits each average OSHI could read; a negative value means unavailable. */
  static void emit(double[] averages, MetricSink sink) {
    for (int i = 0; i < LOADS.length && i < averages.length; i++) {
      if (averages[i] >= 0) {
        sink.add(LOADS[i], averages[i]);
      }
    }
  }
}
