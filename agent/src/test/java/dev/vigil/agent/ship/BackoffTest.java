package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  /** A Random whose nextDouble() always returns {@code value}. */
  private static Random fixed(double value) {
    return new Random() {
      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  private static Backoff backoff(double random) {
    return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), fixed(random));
  }

  @Test
  void shouldDoubleTheBaseUpToTheCap() {
    Backoff backoff = backoff(0.5);

    long[] millis = new long[9];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = backoff.nextDelay().toMillis();
    }

    assertEquals(
        "[1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]",
        java.util.Arrays.toString(millis));
  }

  @Test
  void shouldJitterByHalfTheBaseEitherWay() {
    assertEquals(Duration.ofMillis(500), backoff(0.0).nextDelay());
    assertEquals(Duration.ofMillis(1499), backoff(0.999).nextDelay());
  }

  @Test
  void shouldNeverExceedTheCapAfterJitter() {
    Backoff backoff = backoff(0.999);
    for (int i = 0; i < 10; i++) {
      backoff.nextDelay();
    }

    assertEquals(Duration.ofSeconds(60), backoff.nextDelay());
  }

  @Test
  void shouldStartOverAfterReset() {
    Backoff backoff = backoff(0.5);
    backoff.nextDelay();
    backoff.nextDelay();

    backoff.reset();

    assertEquals(Duration.ofSeconds(1), backoff.nextDelay());
  }

  @Test
  void shouldRejectAnInitialDelayAboveTheCap() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
  }
}
