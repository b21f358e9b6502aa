package dev.vigil.collector.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.NotificationStatus;
import dev.vigil.collector.notify.TestNotifications;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver against a real Alertmanager (Debian package {@code prometheus-alertmanager}) on a
 * loopback port ({@link RealAlertmanager}).
 */
class AlertmanagerReceiverTest {
  private static final String ALERT = "alertname=\"HostFilesystemAlmostFull\"";

  @TempDir Path dir;
  private RealAlertmanager alertmanager;

  @BeforeEach
  void startAlertmanager() throws Exception {
    alertmanager = new RealAlertmanager(dir, "5m");
  }

  @AfterEach
  void stopAlertmanager() throws InterruptedException {
    alertmanager.close();
  }

  private AlertmanagerReceiver receiver() {
    return new AlertmanagerReceiver(
        "alertmanager",
        alertmanager.base(),
        Optional.of(URI.create("https://vigil.example.org:9465/")),
        new JsonPost(Duration.ofSeconds(10)),
        InstantSource.system(),
        AlertmanagerReceiver.FIRING_VALIDITY);
  }

  @Test
  void shouldShowTheAlertWithItsLabelsThenResolveIt() throws Exception {
    Notification firing = TestNotifications.firing("42", "ws-042", 1);
    // The payload carries milliseconds; the clock may have microseconds.
    Instant posted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    receiver().deliver(firing);

    JsonObject alert =
        onlyAlert(
            alertmanager.await(
                "the alert in Alertmanager",
                () -> alertmanager.activeAlerts(ALERT),
                alerts -> alerts.size() == 1));
    JsonObject labels = alert.getAsJsonObject("labels");
    assertEquals("HostFilesystemAlmostFull", labels.get("alertname").getAsString());
    assertEquals("ws-042", labels.get("instance").getAsString());
    assertEquals("warning", labels.get("severity").getAsString());
    assertEquals("/", labels.get("mountpoint").getAsString());
    assertEquals("desktop", labels.get("team").getAsString());
    assertEquals(5, labels.size());
    assertEquals(
        "https://kb.example.org/runbooks/disk-full",
        alert.getAsJsonObject("annotations").get("runbook_url").getAsString());
    assertEquals(
        "https://vigil.example.org:9465/api/v1/incidents/42",
        alert.get("generatorURL").getAsString());
    assertEquals("active", alert.getAsJsonObject("status").get("state").getAsString());
    assertEquals(TestNotifications.OPENED, Instant.parse(alert.get("startsAt").getAsString()));
    Instant endsAt = Instant.parse(alert.get("endsAt").getAsString());
    assertFalse(
        endsAt.isBefore(posted.plus(AlertmanagerReceiver.FIRING_VALIDITY)),
        "a firing alert is valid for four resend intervals: " + endsAt);

    receiver().deliver(firing.resolved(Instant.now()));

    // Alertmanager lists no alert whose endsAt has passed; without the resolve it would keep this
    // one active for four minutes, far beyond the deadline.
    alertmanager.await(
        "the alert to resolve", () -> alertmanager.activeAlerts(ALERT), JsonArray::isEmpty);
  }

  @Test
  void shouldGiveUpWhenAlertmanagerRefusesTheAlert() {
    Notification badLabel =
        new Notification(
            "43",
            "ws-043/x",
            "ws-043",
            "HostFilesystemAlmostFull",
            Map.of("not a label name", "x"),
            Map.of(),
            "warning",
            NotificationStatus.FIRING,
            1,
            TestNotifications.OPENED,
            Optional.empty());

    DeliveryException refused =
        assertThrows(DeliveryException.class, () -> receiver().deliver(badLabel));

    assertFalse(refused.retryable(), refused.getMessage());
    assertTrue(
        refused.getMessage().startsWith("HTTP 400 from " + alertmanager.base() + "/api/v2/alerts"),
        refused.getMessage());
  }

  private static JsonObject onlyAlert(JsonArray alerts) {
    assertEquals(1, alerts.size(), alerts::toString);
    return alerts.get(0).getAsJsonObject();
  }
}
