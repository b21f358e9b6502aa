package dev.vigil.agent.metric;

/** Where collectors put their readings. */
public interface MetricSink {

  /**
   * Records one reading of {@code metric} with labels given as alternating names and values.
   *
   * @param labelPairs {@code name, value, name, value, ...}; never {@code instance}
   */
  void add(Metric metric, double value, String... labelPairs);
}
