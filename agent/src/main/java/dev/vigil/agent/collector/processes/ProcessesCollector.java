package dev.vigil.agent.collector.processes;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import oshi.software.os.OperatingSystem;
import oshi.util.PlatformEnum;

/**
 * Reports {@code vigil_processes} and {@code vigil_threads}: on Linux counted from procfs,
 * elsewhere from OSHI's counts. It never lists the processes themselves: OSHI's {@code
 * getProcesses()} allocates megabytes per call.
 */
public final class ProcessesCollector implements Collector {
  static final Metric PROCESSES =
      Metric.gauge("vigil_processes", "Number of processes on the host.");
  static final Metric THREADS = Metric.gauge("vigil_threads", "Number of threads on the host.");

  private final OperatingSystem os;
  private final ProcCounter proc;

  /** Reads the process table size of {@code context}'s host. */
  public ProcessesCollector(CollectorContext context) {
    this.os = context.systemInfo().getOperatingSystem();
    this.proc =
        context.platform() == PlatformEnum.LINUX ? new ProcCounter(context.procRoot()) : null;
  }

  @Override
  public String name() {
    return "processes";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    if (proc != null) {
      emit(proc.processes(), proc.threads(), sink);
    } else {
      emit(os.getProcessCount(), os.getThreadCount(), sink);
    }
  }

  /** A count that could not be read (zero or negative) is left out rather than reported. */
  static void emit(int processes, int threads, MetricSink sink) {
    if (processes > 0) {
      sink.add(PROCESSES, processes);
    }
    if (threads > 0) {
      sink.add(THREADS, threads);
    }
  }
}
