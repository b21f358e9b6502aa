package dev.vigil.collector.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.alertmanager.AlertmanagerReceiver;
import dev.vigil.collector.notify.alertmanager.RealAlertmanager;
import dev.vigil.collector.notify.delivery.Backoff;
import dev.vigil.collector.notify.delivery.NotificationDispatcher;
import dev.vigil.collector.notify.delivery.NotificationMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager with a 2-second {@code resolve_timeout} keeps an incident's alert firing for
 * as long as the collector re-posts it, while an alert posted once expires; Prometheus' rule scaled
 * down: a re-post every second, each valid for four.
 */
class AlertmanagerResendTest {
  private static final Duration RESEND_INTERVAL = Duration.ofSeconds(1);
  private static final Duration VALIDITY = RESEND_INTERVAL.multipliedBy(4);
  private static final String ALERT = "alertname=\"DiskFull\"";

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private RealAlertmanager alertmanager;
  private IncidentStore store;

  @BeforeEach
  void start() throws Exception {
    alertmanager = new RealAlertmanager(dir, "2s");
    // Host ws-kept goes to the receiver the resender knows; ws-once to one it does not.
    store =
        IncidentStore.open(
            dir.resolve("incidents.db").toString(),
            Duration.ofMinutes(10),
            (incident, tier) -> List.of(incident.key().host().equals("ws-kept") ? "kept" : "once"),
            clock);
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    alertmanager.close();
  }

  @Test
  void shouldKeepARepostedAlertFiringPastResolveTimeoutUntilItsIncidentResolves() throws Exception {
    AlertmanagerReceiver kept = receiver("kept");
    NotificationDispatcher dispatcher = dispatcher(kept);
    AlertmanagerResender resender = resender(kept);
    Incident incident = raise("ws-kept");
    raise("ws-once");
    dispatcher.dispatchDue();
    dispatcher(receiver("once")).dispatchDue();
    alertmanager.await(
        "both alerts", () -> alertmanager.activeAlerts(ALERT), alerts -> alerts.size() == 2);

    // The alert posted once expires after its validity, far past the resolve_timeout; the one
    // re-posted meanwhile must still be there then.
    JsonArray active =
        alertmanager.await(
            "the alert posted once to expire",
            () -> {
              resender.resendDue();
              return alertmanager.activeAlerts(ALERT);
            },
            alerts -> instances(alerts).equals(List.of("ws-kept")));
    assertEquals(List.of("ws-kept"), instances(active));
    assertEquals(1, resender(kept).resendDue(), "only the incident sent to a known Alertmanager");

    store.resolve(incident.id(), "ana", "disk cleaned").join();
    dispatcher.dispatchDue();
    assertEquals(0, resender(kept).resendDue(), "a resolved incident is not re-posted");
    alertmanager.await(
        "the alert to resolve", () -> alertmanager.activeAlerts(ALERT), JsonArray::isEmpty);
  }

  private NotificationDispatcher dispatcher(AlertmanagerReceiver receiver) {
    return new NotificationDispatcher(
        new StoreOutbox(store, "test"),
        receiver,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), RandomGenerator.getDefault()),
        clock,
        new NotificationMetrics(new SimpleMeterRegistry()),
        10);
  }

  /** A resender that has not run yet, so its first pass is due at once. */
  private AlertmanagerResender resender(AlertmanagerReceiver alertmanager) {
    return new AlertmanagerResender(store, alertmanager, clock, RESEND_INTERVAL);
  }

  private AlertmanagerReceiver receiver(String name) {
    return new AlertmanagerReceiver(
        name,
        alertmanager.base(),
        Optional.empty(),
        new JsonPost(Duration.ofSeconds(10)),
        clock,
        VALIDITY);
  }

  private Incident raise(String host) {
    return store
        .raise(
            new FiringAlert(
                IncidentKey.of(host, "DiskFull", Map.of()), Severity.WARNING, "disk full", ""))
        .join();
  }

  private static List<String> instances(JsonArray alerts) {
    return alerts.asList().stream()
        .map(JsonElement::getAsJsonObject)
        .map(a -> a.getAsJsonObject("labels").get("instance").getAsString())
        .sorted()
        .toList();
  }
}
