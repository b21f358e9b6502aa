package dev.vigil.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-linear buckets (16 per power of two, so a percentile is within about 4%),
 * recorded from any thread without locks; from 1 µs to about 17 minutes.
 */
final class LatencyHistogram {
  private static final int SUB_BUCKETS = 16;
  private static final int POWERS = 40;

  private final AtomicLongArray counts = new AtomicLongArray(POWERS * SUB_BUCKETS);

  void record(long nanos) {
    counts.incrementAndGet(bucket(Math.max(1, nanos / 1000)));
  }

  long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency in microseconds below which {@code fraction} of the recordings fall. */
  long percentileMicros(double fraction) {
    long rank = (long) Math.ceil(fraction * count());
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank && seen > 0) {
        return upperBound(i);
      }
    }
    return 0;
  }

  private static int bucket(long micros) {
    int power = 63 - Long.numberOfLeadingZeros(micros);
    if (power < 4) {
      return (int) micros;
    }
    int sub = (int) ((micros >>> (power - 4)) & (SUB_BUCKETS - 1));
    return Math.min((power - 3) * SUB_BUCKETS + sub, POWERS * SUB_BUCKETS - 1);
  }

  private static long upperBound(int bucket) {
    if (bucket < SUB_BUCKETS) {
      return bucket;
    }
    int power = bucket / SUB_BUCKETS + 3;
    int sub = bucket % SUB_BUCKETS;
    return ((long) (SUB_BUCKETS + sub + 1) << (power - 4)) - 1;
  }
}
