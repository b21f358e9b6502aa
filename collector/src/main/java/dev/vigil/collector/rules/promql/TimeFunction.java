package dev.vigil.collector.rules.promql;

/**
 * {@code time()}: the evaluation time in seconds since the epoch, so that a rule can compare a
 * timestamp metric with now, e.g. {@code time() - vigil_updates_last_install_timestamp_seconds > 7
 * * 86400}.
 */
public record TimeFunction() implements Expr {
  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }
}
