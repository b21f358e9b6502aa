package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.delivery.Outbox;
import dev.vigil.collector.notify.delivery.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The dispatcher's {@link Outbox} on the incident store's outbox table, so notices survive a
 * restart. The store stamps claims, deliveries and parking with its own clock (the collector's),
 * and counts attempts itself. Calls wait for the store's writer: the dispatcher runs on its own
 * thread, never on an event loop.
 */
final class StoreOutbox implements Outbox {
  /**
   * How long a claimed entry stays with this collector before another may take it: well beyond a
   * receiver's timeout, so only a collector that died mid-send gives an entry back.
   */
  static final Duration LEASE = Duration.ofMinutes(2);

  private final IncidentStore store;
  private final String owner;

  /**
   * @param owner names this collector's claims among collectors sharing a database
   */
  StoreOutbox(IncidentStore store, String owner) {
    this.store = store;
    this.owner = owner;
  }

  @Override
  public List<OutboxEntry> claimDue(String receiver, Instant now, int limit) {
    return store.claimDue(owner, receiver, limit, LEASE).join().stream()
        .map(e -> new OutboxEntry(e.id(), e.receiver(), OutboxNotification.decode(e), e.attempts()))
        .toList();
  }

  @Override
  public void release(List<Long> ids) {
    store.release(owner, ids).join();
  }

  @Override
  public List<String> parkUnknownReceivers(Set<String> receivers) {
    return store.parkUnknownReceivers(receivers).join();
  }

  @Override
  public void delivered(long id, Instant at) {
    store.markDelivered(id).join();
  }

  @Override
  public void retryLater(long id, int attempts, Instant nextAttemptAt, String reason) {
    store.reschedule(id, nextAttemptAt, reason).join();
  }

  @Override
  public void park(long id, int attempts, String reason) {
    store.park(id, reason).join();
  }

  @Override
  public long pending() {
    return store.pendingNotifications();
  }
}
