package dev.vigil.collector.notify.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: {@code first × 2^(attempts−1)}, capped, of which a random half
 * is taken off ("equal jitter"). The jitter spreads out the retries of many notifications that
 * failed together when a receiver went down; keeping the other half bounds how early any comes.
 */
public final class Backoff {
  private final Duration first;
  private final Duration cap;
  private final RandomGenerator random;

  /**
   * @param first the wait after the first failure, before jitter
   * @param cap the longest wait, before jitter
   * @param random where the jitter comes from (a seeded one in tests)
   */
  public Backoff(Duration first, Duration cap, RandomGenerator random) {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < first <= cap, got first " + first + " and cap " + cap);
    }
    this.first = first;
    this.cap = cap;
    this.random = random;
  }

  /**
   * The wait after the {@code attempts}-th failed attempt (from 1), at least {@code asked} (a
   * receiver's {@code Retry-After}) as long as that stays within the cap.
   */
  public Duration delay(int attempts, Duration asked) {
    Duration backoff = delay(attempts);
    Duration honoured = asked.compareTo(cap) > 0 ? cap : asked;
    return honoured.compareTo(backoff) > 0 ? honoured : backoff;
  }

  /** The wait after the {@code attempts}-th failed attempt (from 1). */
  public Duration delay(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempts);
    }
    long capMillis = cap.toMillis();
    long ceiling = first.toMillis();
    for (int i = 1; i < attempts && ceiling < capMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, capMillis);
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
  }
}
