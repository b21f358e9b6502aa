package dev.vigil.agent.collector;

import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.util.List;

/**
 * Runs every collector once per tick. A collector that throws loses only its own samples: the
 * others still report, and each run adds its success and duration gauges.
 */
public final class CollectorRunner implements AutoCloseable {
  static final Metric SUCCESS =
      Metric.gauge("vigil_agent_collector_success", "vigil_agent: Whether a collector succeeded.");
  static final Metric DURATION =
      Metric.gauge(
          "vigil_agent_collector_duration_seconds", "vigil_agent: Duration of a collector run.");

  private final List<Collector> collectors;
  private final FailureLog failures = new FailureLog();

  /** Runs {@code collectors} in list order. */
  public CollectorRunner(List<Collector> collectors) {
    this.collectors = List.copyOf(collectors);
  }

  /** Runs all registered collectors against {@code context}. */
  public static CollectorRunner forContext(CollectorContext context) {
    return new CollectorRunner(Collectors.create(context));
  }

  /** Collects one tick: every collector's samples, then the per-collector self metrics. */
  public List<Sample> collect() {
    SampleList out = new SampleList();
    SampleList self = new SampleList();
    for (Collector collector : collectors) {
      long start = System.nanoTime();
      boolean ok = runOne(collector, out);
      double seconds = (System.nanoTime() - start) / 1e9;
      self.add(DURATION, seconds, "collector", collector.name());
      self.add(SUCCESS, ok ? 1 : 0, "collector", collector.name());
    }
    out.addAll(self.samples());
    return out.samples();
  }

  /**
   * Closes the collectors that hold threads or handles of their own (such as the patch scanner).
   */
  @Override
  public void close() {
    for (Collector collector : collectors) {
      if (collector instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          failures.report(collector.name(), e);
        }
      }
    }
  }

  /** Collects into a private buffer so a half-finished collector adds nothing. */
  private boolean runOne(Collector collector, SampleList out) {
    SampleList own = new SampleList();
    try {
      collector.collect(own);
    } catch (Exception e) {
      failures.report(collector.name(), e);
      return false;
    }
    out.addAll(own.samples());
    return true;
  }
}
