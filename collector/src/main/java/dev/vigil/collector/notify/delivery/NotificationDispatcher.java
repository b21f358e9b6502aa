package dev.vigil.collector.notify.delivery;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one receiver's due entries from the outbox and hands them to it in order, once per cycle: a
 * delivered entry is done, a retryable failure comes back after the backoff, a permanent one is
 * parked with its reason. Each receiver has a dispatcher of its own (and the collector a thread per
 * dispatcher), so a receiver that hangs delays no other receiver. Once an entry fails for a passing
 * reason (the receiver is down, timing out or overloaded), the rest of the cycle's entries are
 * handed back untried, so a receiver that is down costs one timeout a cycle, not one per entry.
 */
public final class NotificationDispatcher {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Outbox outbox;
  private final Receiver receiver;
  private final Backoff backoff;
  private final InstantSource clock;
  private final NotificationMetrics metrics;
  private final int batchSize;

  /**
   * @param batchSize the most entries one cycle claims
   */
  public NotificationDispatcher(
      Outbox outbox,
      Receiver receiver,
      Backoff backoff,
      InstantSource clock,
      NotificationMetrics metrics,
      int batchSize) {
    this.outbox = outbox;
    this.receiver = receiver;
    this.backoff = backoff;
    this.clock = clock;
    this.metrics = metrics;
    this.batchSize = batchSize;
  }

  /**
   * Parks every pending entry whose receiver is not among {@code receivers} (one an earlier
   * configuration had): no dispatcher would ever claim it. Counted as failed for its receiver.
   */
  public static void parkUnknownReceivers(
      Outbox outbox, Set<String> receivers, NotificationMetrics metrics) {
    List<String> parked = outbox.parkUnknownReceivers(receivers);
    parked.forEach(name -> metrics.count(name, DeliveryOutcome.FAILED));
    parked.stream()
        .distinct()
        .forEach(
            name ->
                log.error(
                    "{} notifications to {} parked: no receiver by that name is configured",
                    Collections.frequency(parked, name),
                    name));
  }

  /**
   * One cycle: tries the receiver's due entries (up to the batch size) in order, until one fails
   * for a passing reason; returns how many it tried.
   */
  public int dispatchDue() {
    List<OutboxEntry> due = outbox.claimDue(receiver.name(), clock.instant(), batchSize);
    int tried = 0;
    for (OutboxEntry entry : due) {
      tried++;
      if (!attempt(entry)) {
        handBack(due.subList(tried, due.size()));
        break;
      }
    }
    metrics.pending(outbox.pending());
    return tried;
  }

  private void handBack(List<OutboxEntry> untried) {
    if (!untried.isEmpty()) {
      outbox.release(untried.stream().map(OutboxEntry::id).toList());
    }
  }

  /** Returns false when the entry failed for a passing reason and comes back later. */
  private boolean attempt(OutboxEntry entry) {
    int attempts = entry.attempts() + 1;
    try {
      receiver.deliver(entry.notification());
      outbox.delivered(entry.id(), clock.instant());
      metrics.count(entry.receiver(), DeliveryOutcome.DELIVERED);
      return true;
    } catch (DeliveryException e) {
      if (!e.retryable()) {
        park(entry, attempts, e.getMessage());
        return true;
      }
      retry(entry, attempts, e.getMessage(), e.retryAfterHint().orElse(Duration.ZERO));
      return false;
    } catch (RuntimeException e) {
      // A receiver's own bug: keep the entry and retry, since parking would lose the notice.
      log.error("receiver {} threw on outbox entry {}", entry.receiver(), entry.id(), e);
      retry(entry, attempts, "receiver error: " + e, Duration.ZERO);
      return false;
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
