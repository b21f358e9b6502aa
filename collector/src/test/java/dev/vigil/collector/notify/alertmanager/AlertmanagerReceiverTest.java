package dev.vigil.collector.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.ExternalTools;
import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.LoopbackPorts;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.NotificationStatus;
import dev.vigil.collector.notify.TestNotifications;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver against a real Alertmanager (Debian package {@code prometheus-alertmanager}) on a
 * loopback port, with its own configuration and storage in a temporary directory and clustering
 * off.
 */
class AlertmanagerReceiverTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String CONFIG =
      """
      route:
        receiver: nobody
      receivers:
        - name: nobody
      """;

  @TempDir Path dir;
  private Process alertmanager;
  private URI base;

  @BeforeEach
  void startAlertmanager() throws Exception {
    String binary = ExternalTools.require("prometheus-alertmanager", "prometheus-alertmanager");
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
    int port = LoopbackPorts.free();
    base = URI.create("http://127.0.0.1:" + port);
    alertmanager =
        new ProcessBuilder(
                binary,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    await("Alertmanager ready", () -> get("/-/ready"), answer -> answer.statusCode() == 200);
  }

  @AfterEach
  void stopAlertmanager() throws InterruptedException {
    alertmanager.destroy();
    if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
      alertmanager.destroyForcibly();
    }
  }

  private AlertmanagerReceiver receiver() {
    return new AlertmanagerReceiver(
        "alertmanager",
        base,
        Optional.of(URI.create("https://vigil.example.org:9465/")),
        new JsonPost(Duration.ofSeconds(10)));
  }

  @Test
  void shouldShowTheAlertWithItsLabelsThenResolveIt() throws Exception {
    Notification firing = TestNotifications.firing("42", "ws-042", 1);
    receiver().deliver(firing);

    JsonObject alert =
        onlyAlert(
            await("the alert in Alertmanager", this::activeAlerts, alerts -> alerts.size() == 1));
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

    receiver().deliver(firing.resolved(Instant.now()));

    // Alertmanager lists no alert whose endsAt has passed; without the resolve it would keep this
    // one active for its resolve_timeout (5 minutes), far beyond the deadline.
    await("the alert to resolve", this::activeAlerts, JsonArray::isEmpty);
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
        refused.getMessage().startsWith("HTTP 400 from " + base + "/api/v2/alerts"),
        refused.getMessage());
  }

  private static JsonObject onlyAlert(JsonArray alerts) {
    assertEquals(1, alerts.size(), alerts::toString);
    return alerts.get(0).getAsJsonObject();
  }

  /** The active alerts of the test's alertname, as Alertmanager lists them. */
  private JsonArray activeAlerts() throws Exception {
    String filter =
        URLEncoder.encode("alertname=\"HostFilesystemAlmostFull\"", StandardCharsets.UTF_8);
    HttpResponse<String> answer = get("/api/v2/alerts?active=true&filter=" + filter);
    assertEquals(200, answer.statusCode(), answer::body);
    return JsonParser.parseString(answer.body()).getAsJsonArray();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @FunctionalInterface
  private interface Probe<T> {
    T read() throws Exception;
  }

  /** Polls {@code probe} until {@code done} holds, for at most {@link #DEADLINE}. */
  private <T> T await(String what, Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Object last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.read();
        if (done.test(value)) {
          return value;
        }
        last = value;
      } catch (IOException notYet) {
        last = notYet;
      }
      if (!alertmanager.isAlive()) {
        break;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no "
            + what
            + " within "
            + DEADLINE
            + "; last: "
            + last
            + "; log: "
            + Files.readString(dir.resolve("alertmanager.log")));
  }
}
