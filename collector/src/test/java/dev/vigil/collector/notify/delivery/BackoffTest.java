package dev.vigil.collector.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new SplittableRandom(7));

  @Test
  void shouldDoubleFromTheFirstWaitWithAtMostHalfTakenOffByJitter() {
    for (int attempts = 1; attempts <= 6; attempts++) {
      long ceiling = 10_000L << (attempts - 1);
      for (int draw = 0; draw < 200; draw++) {
        long millis = backoff.delay(attempts).toMillis();
        assertTrue(
            millis >= ceiling / 2 && millis <= ceiling,
            "attempt "
                + attempts
                + " waited "
                + millis
                + " ms, outside ["
                + ceiling / 2
                + ", "
                + ceiling
                + "]");
      }
    }
  }

  @Test
  void shouldNeverWaitLongerThanTheCapHoweverManyAttempts() {
    for (int attempts : new int[] {7, 8, 40, Integer.MAX_VALUE}) {
      long millis = backoff.delay(attempts).toMillis();
      assertTrue(millis >= 300_000 && millis <= 600_000, attempts + " attempts waited " + millis);
    }
  }

  @Test
  void shouldSpreadTheWaitsOfNotificationsThatFailedTogether() {
    long distinct =
        java.util.stream.IntStream.range(0, 100)
            .mapToLong(i -> backoff.delay(3).toMillis())
            .distinct()
            .count();
    assertTrue(distinct > 90, "only " + distinct + " distinct waits among 100");
  }

  @Test
  void shouldHonourARetryAfterWithinTheCap() {
    assertEquals(Duration.ofMinutes(5), backoff.delay(1, Duration.ofMinutes(5)));
    assertEquals(Duration.ofMinutes(10), backoff.delay(1, Duration.ofDays(1)));
    assertTrue(backoff.delay(1, Duration.ofSeconds(1)).toMillis() >= 5_000);
  }
}
