package dev.vigil.collector.notify.delivery;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due entries from the outbox and hands each to its receiver, once per cycle: a delivered
 * entry is done, a retryable failure comes back after the backoff, a permanent one is parked with
 * its reason. Receivers are called one after another on the caller's thread, so a slow receiver
 * delays the cycle by at most its own timeout.
 */
public final class NotificationDispatcher {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Outbox outbox;
  private final Map<String, Receiver> receivers;
  private final Backoff backoff;
  private final InstantSource clock;
  private final NotificationMetrics metrics;
  private final int batchSize;

  /**
   * @param receivers every configured receiver by name
   * @param batchSize the most entries one cycle claims
   */
  public NotificationDispatcher(
      Outbox outbox,
      Map<String, Receiver> receivers,
      Backoff backoff,
      InstantSource clock,
      NotificationMetrics metrics,
      int batchSize) {
    this.outbox = outbox;
    this.receivers = Map.copyOf(receivers);
    this.backoff = backoff;
    this.clock = clock;
    this.metrics = metrics;
    this.batchSize = batchSize;
  }

  /** One cycle: tries every due entry (up to the batch size) once; returns how many it tried. */
  public int dispatchDue() {
    List<OutboxEntry> due = outbox.claimDue(clock.instant(), batchSize);
    for (OutboxEntry entry : due) {
      attempt(entry);
    }
    metrics.pending(outbox.pending());
    return due.size();
  }

  private void attempt(OutboxEntry entry) {
    int attempts = entry.attempts() + 1;
    Receiver receiver = receivers.get(entry.receiver());
    if (receiver == null) {
      park(entry, attempts, "no receiver named \"" + entry.receiver() + "\" is configured");
      return;
    }
    try {
      receiver.deliver(entry.notification());
      outbox.delivered(entry.id(), clock.instant());
      metrics.count(entry.receiver(), DeliveryOutcome.DELIVERED);
    } catch (DeliveryException e) {
      if (e.retryable()) {
        retry(entry, attempts, e.getMessage(), e.retryAfterHint().orElse(Duration.ZERO));
      } else {
        park(entry, attempts, e.getMessage());
      }
    } catch (RuntimeException e) {
      // A receiver's own bug: keep the entry and retry, since parking would lose the notice.
      log.error("receiver {} threw on outbox entry {}", entry.receiver(), entry.id(), e);
      retry(entry, attempts, "receiver error: " + e, Duration.ZERO);
    }
  }

  private void retry(OutboxEntry entry, int attempts, String reason, Duration asked) {
    Instant next = clock.instant().plus(backoff.delay(attempts, asked));
    outbox.retryLater(entry.id(), attempts, next, reason);
    metrics.count(entry.receiver(), DeliveryOutcome.RETRY);
    log.warn(
        "notification {} to {} failed (attempt {}), retrying at {}: {}",
        entry.id(),
        entry.receiver(),
        attempts,
        next,
        reason);
  }

  private void park(OutboxEntry entry, int attempts, String reason) {
    outbox.park(entry.id(), attempts, reason);
    metrics.count(entry.receiver(), DeliveryOutcome.FAILED);
    log.error("notification {} to {} failed for good: {}", entry.id(), entry.receiver(), reason);
  }
}
