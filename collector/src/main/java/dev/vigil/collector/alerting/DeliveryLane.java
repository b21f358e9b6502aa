package dev.vigil.collector.alerting;

import dev.vigil.collector.notify.delivery.NotificationDispatcher;
import java.util.Optional;

/**
 * One receiver's deliveries, which the collector runs on a thread of their own so that a receiver
 * that hangs holds up neither the others nor escalation: for an Alertmanager its re-posts, then the
 * receiver's due outbox entries (so a resolve queued meanwhile is posted after the re-post).
 *
 * @param receiver the receiver's name, which names the thread
 */
record DeliveryLane(
    String receiver, Optional<AlertmanagerResender> resender, NotificationDispatcher dispatcher) {
  /** One cycle; returns how many incidents it re-posted and entries it tried. */
  int run() {
    return resender.map(AlertmanagerResender::resendDue).orElse(0) + dispatcher.dispatchDue();
  }
}
