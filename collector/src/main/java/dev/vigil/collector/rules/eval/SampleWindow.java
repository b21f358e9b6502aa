package dev.vigil.collector.rules.eval;

/**
 * The recent samples of one counter series, oldest first, for {@code rate} and {@code increase}: a
 * ring of parallel timestamp and value arrays that grows (doubling) until it holds the longest
 * range read over the series at the host's sample rate, and then only overwrites.
 */
final class SampleWindow {
  private static final int INITIAL_CAPACITY = 8;

  private long[] times = new long[INITIAL_CAPACITY];
  private double[] values = new double[INITIAL_CAPACITY];
  private int oldest;
  private int count;
  private long lastTaken;
  private long keepMillis;

  /**
   * Keeps samples up to {@code millis} older than the newest: the longest range over the series.
   */
  void keep(long millis) {
    keepMillis = millis;
  }

  /** Timestamp of the newest sample taken; 0 before the first. */
  long lastTaken() {
    return lastTaken;
  }

  /**
   * Appends a sample newer than {@link #lastTaken()}, dropping those that fell out of every range.
   */
  void take(long atMillis, double value) {
    lastTaken = atMillis;
    long cutoff = atMillis - keepMillis;
    while (count > 0 && times[oldest] < cutoff) {
      oldest = (oldest + 1) & (times.length - 1);
      count--;
    }
    if (count == times.length) {
      grow();
    }
    int at = (oldest + count) & (times.length - 1);
    times[at] = atMillis;
    values[at] = value;
    count++;
  }

  private void grow() {
    int capacity = times.length * 2;
    long[] t = new long[capacity];
    double[] v = new double[capacity];
    for (int i = 0; i < count; i++) {
      t[i] = time(i);
      v[i] = value(i);
    }
    times = t;
    values = v;
    oldest = 0;
  }

  /** Timestamp of the {@code i}-th sample, oldest first. */
  long time(int i) {
    return times[(oldest + i) & (times.length - 1)];
  }

  /** Value of the {@code i}-th sample, oldest first. */
  double value(int i) {
    return values[(oldest + i) & (times.length - 1)];
  }

  /** Index of the first sample at or after {@code millis}; the number held when none. */
  int firstAtOrAfter(long millis) {
    int i = 0;
    while (i < count && time(i) < millis) {
      i++;
    }
    return i;
  }

  /** Index just past the last sample at or before {@code millis}. */
  int endAtOrBefore(long millis) {
    int end = count;
    while (end > 0 && time(end - 1) > millis) {
      end--;
    }
    return end;
  }
}
