package dev.vigil.agent.ship;

import java.time.Duration;
import java.util.Random;

/**
 * Jittered exponential backoff between reconnect attempts: the base delay doubles from {@code
 * initial} up to {@code max}, and each delay is the base scaled by a random factor in [0.5, 1.5),
 * capped at {@code max}, so that a fleet cut off at once does not reconnect in lockstep.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final Random random;
  private long baseMillis;

  Backoff(Duration initial, Duration max, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
    this.baseMillis = initialMillis;
  }

  /** The wait before the next attempt; each call doubles the base for the one after. */
  synchronized Duration nextDelay() {
    long jittered = (long) (baseMillis * (0.5 + random.nextDouble()));
    baseMillis = Math.min(maxMillis, baseMillis * 2);
    return Duration.ofMillis(Math.min(maxMillis, jittered));
  }

  /** Starts over from the initial delay, after a connection proved healthy. */
  synchronized void reset() {
    baseMillis = initialMillis;
  }
}
