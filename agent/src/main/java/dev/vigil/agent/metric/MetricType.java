package dev.vigil.agent.metric;

/** Kind of a metric family, as in the Prometheus text format. */
public enum MetricType {
  GAUGE,
  COUNTER
}
