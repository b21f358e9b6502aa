package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.alertmanager.AlertmanagerReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Alertmanager's copy of every unresolved incident alive. Alertmanager resolves an alert
 * that is not posted again before its {@code endsAt} (or, without one, its {@code
 * resolve_timeout}), so, as Prometheus does, each unresolved incident whose firing or escalation
 * notice this Alertmanager was delivered in its current opening is posted again every interval with
 * a fresh {@code endsAt}. A re-post is a state sync, not a notification: it goes straight to the
 * receiver, writes no outbox entry and no audit event. The incidents are read in one query and
 * posted {@link AlertmanagerReceiver#REPOST_BATCH} to a request; after a failed request the rest
 * wait for the next interval (an Alertmanager that is down costs one timeout an interval).
 */
final class AlertmanagerResender {
  private static final Logger log = LoggerFactory.getLogger(AlertmanagerResender.class);

  private final IncidentStore store;
  private final AlertmanagerReceiver alertmanager;
  private final InstantSource clock;
  private final Duration interval;
  private Instant nextAt = Instant.MIN;

  /**
   * @param interval how often; the first pass runs at once, so alerts that expired while the
   *     collector was down come back at its start
   */
  AlertmanagerResender(
      IncidentStore store,
      AlertmanagerReceiver alertmanager,
      InstantSource clock,
      Duration interval) {
    this.store = store;
    this.alertmanager = alertmanager;
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * Re-posts everything when an interval has passed since the last pass; returns how many incidents
   * it posted.
   */
  int resendDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextAt)) {
      return 0;
    }
    nextAt = now.plus(interval);
    List<Notification> firing =
        store.latestFiringDelivered(alertmanager.name()).stream()
            .map(OutboxNotification::decode)
            .toList();
    int posted = 0;
    while (posted < firing.size()) {
      List<Notification> batch =
          firing.subList(
              posted, Math.min(firing.size(), posted + AlertmanagerReceiver.REPOST_BATCH));
      try {
        alertmanager.repost(batch);
      } catch (DeliveryException e) {
        log.warn(
            "re-posting {} incidents to {} failed after {}; trying again at the next interval: {}",
            firing.size() - posted,
            alertmanager.name(),
            posted,
            e.getMessage());
        break;
      }
      posted += batch.size();
    }
    return posted;
  }
}
