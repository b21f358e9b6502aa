package dev.vigil.collector.rules.eval;

/** {@code time()}: the evaluation time in seconds, as Prometheus computes it from milliseconds. */
final class TimeScalar implements ScalarNode {
  @Override
  public double value(long atMillis) {
    return atMillis / 1000.0;
  }
}
