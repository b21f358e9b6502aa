package dev.vigil.agent.metric;

import java.util.Objects;

/**
 * One metric family: its name, help text and type, declared once as a constant by the collector
 * that emits it.
 */
public record Metric(String name, String help, MetricType type) {

  /** Validates that counters follow the {@code _total} naming rule at declaration time. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(type, "type");
    if (type == MetricType.COUNTER && !name.endsWith("_total")) {
      throw new IllegalArgumentException("counter name must end in _total: " + name);
    }
  }

  /** A family whose value goes up and down. */
  public static Metric gauge(String name, String help) {
    return new Metric(name, help, MetricType.GAUGE);
  }

  /** A family whose value only increases until its source restarts. */
  public static Metric counter(String name, String help) {
    return new Metric(name, help, MetricType.COUNTER);
  }
}
