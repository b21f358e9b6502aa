package dev.vigil.agent.spool.codec;

/**
 * Finds values that are an integer divided by a power of ten, exactly: {@code k / 10^d} computed in
 * double arithmetic gives back the very same bits. Such values (CPU seconds from milliseconds, a
 * load average of 0.52, bytes) are stored as integer deltas, which is reversible bit for bit.
 */
final class DecimalScale {
  /** Not an exact multiple; outside the range of {@code |k| < 2^53} every scaled value keeps. */
  static final long NONE = Long.MIN_VALUE;

  /** The divisors, indexed by a 3-bit code; 1e9 catches seconds measured in nanoseconds. */
  private static final double[] DIVISORS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e9};

  static final int COUNT = DIVISORS.length;
  private static final double EXACT_LIMIT = 0x1p53;

  private DecimalScale() {}

  /** {@code k} such that {@code k / divisor(index)} is {@code value} bit for bit, else NONE. */
  static long scaled(double value, int index) {
    double divisor = DIVISORS[index];
    double product = value * divisor;
    if (!(Math.abs(product) < EXACT_LIMIT)) {
      return NONE;
    }
    long k = Math.round(product);
    return sameBits(unscaled(k, index), value) ? k : NONE;
  }

  static double unscaled(long k, int index) {
    return k / DIVISORS[index];
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }
}
