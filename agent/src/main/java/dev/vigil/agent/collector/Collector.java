package dev.vigil.agent.collector;

import dev.vigil.agent.metric.MetricSink;

/** Reads one concern of the host (CPU, memory, ...) and reports it as samples. */
public interface Collector {

  /** Short name used as the {@code collector} label of the agent's own metrics. */
  String name();

  /** Adds this tick's readings to {@code sink}; throws when the source cannot be read. */
  void collect(MetricSink sink) throws Exception;
}
