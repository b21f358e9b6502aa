package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.OutboxEntry;
import dev.vigil.collector.incident.OutboxKind;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Alertmanager's copy of every unresolved incident alive. Alertmanager resolves an alert that
 * is not posted again before its {@code endsAt} (or, without one, its {@code resolve_timeout}), so,
 * as Prometheus does, each unresolved incident is posted again every interval to every Alertmanager
 * receiver that was sent it in its current opening, with a fresh {@code endsAt}. A re-post is a
 * state sync, not a notification: it goes straight to the receiver, writes no outbox entry and no
 * audit event, and a failure is logged and tried again at the next interval.
 */
final class AlertmanagerResender {
  private static final Logger log = LoggerFactory.getLogger(AlertmanagerResender.class);

  private final IncidentStore store;
  private final Map<String, Receiver> alertmanagers;
  private final InstantSource clock;
  private final Duration interval;
  private Instant nextAt = Instant.MIN;

  /**
   * @param alertmanagers the Alertmanager receivers by name
   * @param interval how often; the first pass runs at once, so alerts that expired while the
   *     collector was down come back at its start
   */
  AlertmanagerResender(
      IncidentStore store,
      Map<String, Receiver> alertmanagers,
      InstantSource clock,
      Duration interval) {
    this.store = store;
    this.alertmanagers = Map.copyOf(alertmanagers);
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * Re-posts everything when an interval has passed since the last pass; returns the posts made.
   */
  int resendDue() {
    Instant now = clock.instant();
    if (alertmanagers.isEmpty() || now.isBefore(nextAt)) {
      return 0;
    }
    nextAt = now.plus(interval);
    int posted = 0;
    for (Incident incident : store.unresolved()) {
      posted += resend(incident);
    }
    return posted;
  }

  private int resend(Incident incident) {
    List<OutboxEntry> outbox = store.outbox(incident.id());
    int posted = 0;
    for (String name : store.receiversTold(incident.id())) {
      Receiver receiver = alertmanagers.get(name);
      Optional<OutboxEntry> sent = latestFiring(outbox, name).filter(e -> e.deliveredAt() != null);
      if (receiver != null && sent.isPresent()) {
        posted += post(receiver, sent.get());
      }
    }
    return posted;
  }

  /**
   * The receiver's latest firing or escalation entry: the current opening's, since the receiver was
   * told in it. Until the dispatcher has delivered it, the dispatcher's post is the one due.
   */
  private static Optional<OutboxEntry> latestFiring(List<OutboxEntry> outbox, String receiver) {
    for (int i = outbox.size() - 1; i >= 0; i--) {
      OutboxEntry entry = outbox.get(i);
      if (entry.receiver().equals(receiver) && entry.kind() != OutboxKind.RESOLVED) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private static int post(Receiver receiver, OutboxEntry entry) {
    try {
      receiver.deliver(OutboxNotification.decode(entry));
      return 1;
    } catch (DeliveryException e) {
      log.warn(
          "re-posting incident {} to {} failed; trying again at the next interval: {}",
          entry.incidentId(),
          receiver.name(),
          e.getMessage());
      return 0;
    }
  }
}
