package dev.vigil.collector.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * A notification that did not get through, and whether trying again later can help. The message
 * names the receiver's answer (e.g. {@code HTTP 503 from http://am:9093/api/v2/alerts}), since it
 * is what an operator reads in the log and in a parked outbox entry.
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  private DeliveryException(
      String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A failure that may pass: the network, a timeout, an overloaded or restarting receiver. */
  public static DeliveryException retryable(String message, Throwable cause) {
    return new DeliveryException(message, true, Optional.empty(), cause);
  }

  /** A retryable failure whose receiver asked to wait at least {@code retryAfter}. */
  public static DeliveryException retryAfter(String message, Duration retryAfter) {
    return new DeliveryException(message, true, Optional.of(retryAfter), null);
  }

  /** A failure that trying again cannot fix: a wrong address, a refused request or login. */
  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(message, false, Optional.empty(), cause);
  }

  /** Whether a later attempt may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** How long the receiver asked to wait (HTTP {@code Retry-After}), if it did. */
  public Optional<Duration> retryAfterHint() {
    return retryAfter;
  }
}
