package dev.vigil.collector;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.collector.ingest.IngestMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Set;

/** The collector's own metrics: the ingest counters and the JVM's, in one Prometheus registry. */
final class SelfMetrics implements AutoCloseable {
  /**
   * Micrometer meters that {@code promtool check metrics} rejects: {@code
   * process_cpu_time_ns_total} (abbreviated unit) and {@code system_cpu_count} (a gauge ending in
   * {@code _count}).
   */
  private static final Set<String> FAILING_LINT = Set.of("process.cpu.time", "system.cpu.count");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Holds GC notification listeners, which must be removed again. */
  private final JvmGcMetrics gc = new JvmGcMetrics();

  SelfMetrics(IngestMetrics ingest) {
    registry.config().meterFilter(MeterFilter.deny(id -> FAILING_LINT.contains(id.getName())));
    ingest.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    bindProcessCpuSeconds();
  }

  /**
   * The CPU time counter in Prometheus' own name and unit, in place of Micrometer's nanoseconds.
   */
  private void bindProcessCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
          .baseUnit("seconds")
          .description("CPU time the collector's process has used")
          .register(registry);
    }
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
