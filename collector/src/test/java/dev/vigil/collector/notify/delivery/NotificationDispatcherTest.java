package dev.vigil.collector.notify.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.Receiver;
import dev.vigil.collector.notify.TestNotifications;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {
  private static final Instant START = Instant.parse("2026-11-23T09:15:00Z");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private Instant now = START;

  /** A receiver that fails with the given failures, in turn, then takes every notification. */
  private static final class ScriptedReceiver implements Receiver {
    final List<Notification> delivered = new ArrayList<>();
    private final List<DeliveryException> failures;

    ScriptedReceiver(DeliveryException... failures) {
      this.failures = new ArrayList<>(List.of(failures));
    }

    @Override
    public String name() {
      return "webhook";
    }

    @Override
    public void deliver(Notification notification) throws DeliveryException {
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      delivered.add(notification);
    }
  }

  private NotificationDispatcher dispatcher(Receiver receiver) {
    return new NotificationDispatcher(
        outbox,
        receiver,
        new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new SplittableRandom(1)),
        () -> now,
        new NotificationMetrics(registry),
        16);
  }

  private double counted(String receiver, String outcome) {
    return registry
        .get("vigil.notifications")
        .tag("receiver", receiver)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private double pendingGauge() {
    return registry.get("vigil.notifications.pending").gauge().value();
  }

  @Test
  void shouldDeliverExactlyOnceAfterTwoRetriesWithGrowingWaits() {
    ScriptedReceiver receiver =
        new ScriptedReceiver(
            DeliveryException.retryable("HTTP 503", null),
            DeliveryException.retryable("connection refused", null));
    NotificationDispatcher dispatcher = dispatcher(receiver);
    long id = outbox.add("webhook", TestNotifications.firing("42", "ws-042", 1), START);

    assertEquals(1, dispatcher.dispatchDue());
    Instant firstRetry = outbox.row(id).nextAttemptAt();
    assertTrue(
        !firstRetry.isBefore(START.plusSeconds(5)) && !firstRetry.isAfter(START.plusSeconds(10)),
        "first retry at " + firstRetry);
    assertEquals(1, pendingGauge());

    now = firstRetry.minusMillis(1);
    assertEquals(0, dispatcher.dispatchDue(), "nothing is due before the backoff has passed");

    now = firstRetry;
    assertEquals(1, dispatcher.dispatchDue());
    Instant secondRetry = outbox.row(id).nextAttemptAt();
    assertTrue(
        !secondRetry.isBefore(now.plusSeconds(10)) && !secondRetry.isAfter(now.plusSeconds(20)),
        "second retry at " + secondRetry);
    assertEquals("connection refused", outbox.row(id).reason());

    now = secondRetry;
    assertEquals(1, dispatcher.dispatchDue());
    now = now.plus(Duration.ofHours(1));
    assertEquals(0, dispatcher.dispatchDue());

    assertEquals(List.of(TestNotifications.firing("42", "ws-042", 1)), receiver.delivered);
    assertEquals("delivered", outbox.row(id).state());
    assertEquals(2, counted("webhook", "retry"));
    assertEquals(1, counted("webhook", "delivered"));
    assertEquals(0, pendingGauge());
    String exposition = registry.scrape();
    assertTrue(
        exposition.contains(
            "vigil_notifications_total{outcome=\"retry\",receiver=\"webhook\"} 2.0\n"),
        exposition);
    assertTrue(
        exposition.contains(
            "vigil_notifications_total{outcome=\"delivered\",receiver=\"webhook\"} 1.0\n"),
        exposition);
    assertTrue(exposition.contains("vigil_notifications_pending 0.0\n"), exposition);
  }

  @Test
  void shouldParkAPermanentFailureWithItsReasonAndNeverTryItAgain() {
    ScriptedReceiver receiver =
        new ScriptedReceiver(
            DeliveryException.permanent("HTTP 404 from http://127.0.0.1/hook", null));
    NotificationDispatcher dispatcher = dispatcher(receiver);
    long id = outbox.add("webhook", TestNotifications.firing("7", "ws-007", 1), START);

    dispatcher.dispatchDue();
    now = now.plus(Duration.ofDays(1));
    assertEquals(0, dispatcher.dispatchDue());

    assertEquals("parked", outbox.row(id).state());
    assertEquals("HTTP 404 from http://127.0.0.1/hook", outbox.row(id).reason());
    assertEquals(1, outbox.row(id).entry().attempts());
    assertEquals(1, counted("webhook", "failed"));
    assertEquals(List.of(), receiver.delivered);
  }

  @Test
  void shouldWaitAsLongAsTheReceiverAsks() {
    NotificationDispatcher dispatcher =
        dispatcher(
            new ScriptedReceiver(DeliveryException.retryAfter("HTTP 429", Duration.ofMinutes(2))));
    long id = outbox.add("webhook", TestNotifications.firing("8", "ws-008", 1), START);

    dispatcher.dispatchDue();

    assertEquals(START.plus(Duration.ofMinutes(2)), outbox.row(id).nextAttemptAt());
  }

  @Test
  void shouldParkTheEntriesOfReceiversThatAreNoLongerConfigured() {
    long gone = outbox.add("old-pager", TestNotifications.firing("9", "ws-009", 2), START);
    long kept = outbox.add("webhook", TestNotifications.firing("9", "ws-009", 1), START);

    NotificationDispatcher.parkUnknownReceivers(
        outbox, Set.of("webhook"), new NotificationMetrics(registry));

    assertEquals("parked", outbox.row(gone).state());
    assertEquals("no receiver named \"old-pager\" is configured", outbox.row(gone).reason());
    assertEquals(1, counted("old-pager", "failed"));
    assertEquals("pending", outbox.row(kept).state());
  }

  @Test
  void shouldTakeOnlyItsOwnReceiversEntries() {
    ScriptedReceiver receiver = new ScriptedReceiver();
    long other = outbox.add("email", TestNotifications.firing("11", "ws-011", 1), START);
    long own = outbox.add("webhook", TestNotifications.firing("11", "ws-011", 1), START);

    assertEquals(1, dispatcher(receiver).dispatchDue());

    assertEquals("pending", outbox.row(other).state());
    assertEquals(false, outbox.row(other).claimed());
    assertEquals("delivered", outbox.row(own).state());
  }

  @Test
  void shouldHandTheRestBackUntriedOnceTheReceiverFailsForAPassingReason() {
    ScriptedReceiver receiver =
        new ScriptedReceiver(
            DeliveryException.permanent("HTTP 400 from http://127.0.0.1/hook", null),
            DeliveryException.retryable("HTTP request timed out", null));
    NotificationDispatcher dispatcher = dispatcher(receiver);
    long refused = outbox.add("webhook", TestNotifications.firing("12", "ws-012", 1), START);
    long timedOut = outbox.add("webhook", TestNotifications.firing("13", "ws-013", 1), START);
    long untried = outbox.add("webhook", TestNotifications.firing("14", "ws-014", 1), START);

    assertEquals(
        2, dispatcher.dispatchDue(), "a refusal is the notice's, a timeout the receiver's");

    assertEquals("parked", outbox.row(refused).state());
    assertEquals(1, outbox.row(timedOut).entry().attempts());
    assertEquals(START, outbox.row(untried).nextAttemptAt());
    assertEquals(false, outbox.row(untried).claimed());
    assertEquals(0, outbox.row(untried).entry().attempts(), "no attempt counted");
    assertEquals(1, dispatcher.dispatchDue(), "the next cycle tries it");
    assertEquals(List.of(TestNotifications.firing("14", "ws-014", 1)), receiver.delivered);
  }

  @Test
  void shouldKeepAnEntryWhoseReceiverThrowsABug() {
    Receiver broken =
        new Receiver() {
          @Override
          public String name() {
            return "webhook";
          }

          @Override
          public void deliver(Notification notification) {
            throw new IllegalStateException("bug");
          }
        };
    long id = outbox.add("webhook", TestNotifications.firing("10", "ws-010", 1), START);

    dispatcher(broken).dispatchDue();

    assertEquals("pending", outbox.row(id).state());
    assertEquals("receiver error: java.lang.IllegalStateException: bug", outbox.row(id).reason());
  }
}
