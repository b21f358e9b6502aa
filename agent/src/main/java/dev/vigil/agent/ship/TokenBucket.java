package dev.vigil.agent.ship;

import java.time.Clock;

/**
 * The collector's replay pace as a token bucket: {@code rate} tokens a second, at most one second's
 * worth saved up, none at the start; a rate of 0 means no limit. Used by one thread.
 */
final class TokenBucket {
  private final Clock clock;
  private long rate;
  private double tokens;
  private long refilledAtMs;

  TokenBucket(Clock clock) {
    this.clock = clock;
    this.refilledAtMs = clock.millis();
  }

  /** Applies a new rate from now on; tokens saved up under the old rate stay, up to the new cap. */
  void setRate(long perSecond) {
    refill();
    rate = perSecond;
    tokens = Math.min(tokens, capacity());
  }

  /** Takes a token if one is there; always succeeds without a limit. */
  boolean tryTake() {
    if (rate == 0) {
      return true;
    }
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token, at least 1. */
  long millisUntilNextToken() {
    if (rate == 0) {
      return 1;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / rate));
  }

  private void refill() {
    long now = clock.millis();
    long elapsed = now - refilledAtMs;
    refilledAtMs = now;
    if (elapsed > 0 && rate > 0) {
      tokens = Math.min(capacity(), tokens + elapsed * rate / 1000.0);
    }
  }

  private double capacity() {
    return Math.max(1, rate);
  }
}
