package dev.vigil.collector.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.MutableClock;
import dev.vigil.collector.notify.LoopbackHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents raised through the store (nothing evaluates rules yet) reach two webhook tiers on a
 * real loopback server, from a real SQLite file, with the collector reopened between every step.
 */
class AlertingEndToEndTest {
  @TempDir Path dir;
  private TwoTierAlerting tiers;

  @AfterEach
  void close() {
    tiers.close();
  }

  @Test
  void shouldTellEachTierOnceStopOnAcknowledgeAndResolveToEveryoneToldAcrossRestarts()
      throws Exception {
    tiers = new TwoTierAlerting(dir, Instant.parse("2026-11-23T09:00:00Z"), "", host -> Map.of());
    LoopbackHttpServer first = tiers.first;
    LoopbackHttpServer second = tiers.second;
    MutableClock clock = tiers.clock;
    Alerting alerting = tiers.reopen();
    Incident incident =
        alerting
            .store()
            .raise(
                new FiringAlert(
                    IncidentKey.of("ws-042", "HostDown", Map.of("team", "desktop")),
                    Severity.CRITICAL,
                    "ws-042 is down",
                    "https://kb.example.org/host-down"))
            .join();
    alerting.tick();
    assertEquals(List.of("firing/1"), notices(first));
    assertEquals(List.of(), notices(second));

    alerting = tiers.reopen();
    clock.advance(Duration.ofMinutes(14));
    alerting.tick();
    assertEquals(List.of(), notices(second), "tier 2 is told only after 15m");
    clock.advance(Duration.ofMinutes(1));
    alerting.tick();
    alerting.tick();
    assertEquals(List.of("firing/2"), notices(second));

    alerting = tiers.reopen();
    alerting.store().acknowledge(incident.id(), "alice", "on it").join();
    clock.advance(Duration.ofHours(2));
    alerting.tick();
    assertEquals(2, alerting.store().incident(incident.id()).orElseThrow().tier());

    alerting = tiers.reopen();
    alerting.store().resolve(incident.id(), "alice", "replaced the PSU").join();
    alerting.tick();
    alerting = tiers.reopen();
    alerting.tick();

    assertEquals(List.of("firing/1", "resolved/2"), notices(first));
    assertEquals(List.of("firing/2", "resolved/2"), notices(second));
    assertEquals(0, alerting.store().pendingNotifications());
  }

  /** Each request's status and tier, after checking its signature. */
  private static List<String> notices(LoopbackHttpServer server) throws Exception {
    List<String> notices = new java.util.ArrayList<>();
    for (LoopbackHttpServer.Request request : server.requests()) {
      assertTrue(signed(request.header("X-vigil-signature"), request.body()), request.body());
      String status = request.body().contains("\"status\":\"resolved\"") ? "resolved" : "firing";
      String tier = request.body().replaceAll(".*\"tier\":(\\d+).*", "$1");
      notices.add(status + "/" + tier);
    }
    return notices;
  }

  private static boolean signed(String header, String body) throws Exception {
    String t = header.replaceAll("t=(\\d+),.*", "$1");
    String v1 = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(TwoTierAlerting.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(expected).equals(v1);
  }
}
