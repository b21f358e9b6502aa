package dev.vigil.agent.collector.sensors;

/**
 * Hides a reading that has not changed for {@link #limit} consecutive readings. Windows thermal
 * zones often report one constant (27.85 °C) whatever the CPU does: a real sensor moves at least by
 * its resolution over minutes, so a value that never moves is unavailable, not a temperature. The
 * first change lets readings through again.
 */
final class StuckSensorFilter {
  /** Consecutive identical readings after which Windows temperatures are hidden. */
  static final int DEFAULT_LIMIT = 5;

  private final int limit;
  private double last = Double.NaN;
  private int repeats;

  /** Hides a value once it has been read {@code limit} times in a row (at least 2). */
  StuckSensorFilter(int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("stuck sensor limit must be at least 2, got " + limit);
    }
    this.limit = limit;
  }

  /** {@code value}, or NaN once the same value has been read {@code limit} times in a row. */
  double accept(double value) {
    if (Double.isNaN(value)) {
      return value;
    }
    if (Double.compare(value, last) == 0) {
      repeats++;
    } else {
      last = value;
      repeats = 1;
    }
    return stuck() ? Double.NaN : value;
  }

  /** True while the last {@code limit} or more readings were identical. */
  boolean stuck() {
    return repeats >= limit;
  }
}
