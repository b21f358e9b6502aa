package dev.vigil.collector.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigil_notifications_total{receiver,outcome}} and {@code vigil_notifications_pending}. The
 * backlog is the outbox's count as of the dispatcher's latest cycle, so a scrape never waits on the
 * incident store.
 */
public final class NotificationMetrics {
  private final MeterRegistry registry;
  private final AtomicLong pending = new AtomicLong();

  /** Registers the backlog gauge with {@code registry}; counters appear with their first count. */
  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("vigil.notifications.pending", pending, AtomicLong::get)
        .description("Notifications in the outbox neither delivered nor parked")
        .register(registry);
  }

  void count(String receiver, DeliveryOutcome outcome) {
    Counter.builder("vigil.notifications")
        .description("Notification delivery attempts by receiver and outcome")
        .tag("receiver", receiver)
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment();
  }

  void pending(long count) {
    pending.set(count);
  }
}
