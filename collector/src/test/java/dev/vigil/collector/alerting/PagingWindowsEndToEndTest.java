package dev.vigil.collector.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.MutableClock;
import dev.vigil.collector.notify.LoopbackHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business hours and a maintenance window in Europe/Paris decide when incidents page, on a fake
 * clock across the window edges of the weekend clocks go forward (29 March 2026, 02:00 CET to 03:00
 * CEST), with a real SQLite file and two webhook tiers on loopback.
 */
class PagingWindowsEndToEndTest {
  private static final String CONFIG =
      """
      time_windows:
        business-hours: {zone: Europe/Paris, days: [mon, tue, wed, thu, fri], hours: [08:00-18:00]}
        patch-nights: {zone: Europe/Paris, days: [sat], hours: [22:00-02:00]}
      paging:
        - hosts: {role: workstation}
          only_in: business-hours
      maintenance:
        patch-saturday:
          hosts: {site: paris, role: server}
          during: patch-nights
          reason: monthly patching
      """;
  private static final Map<String, Map<String, String>> HOSTS =
      Map.of(
          "ws-042", Map.of("site", "paris", "role", "workstation"),
          "srv-paris", Map.of("site", "paris", "role", "server"),
          "srv-lyon", Map.of("site", "lyon", "role", "server"));

  @TempDir Path dir;
  private TwoTierAlerting tiers;
  private LoopbackHttpServer first;
  private LoopbackHttpServer second;
  private MutableClock clock;
  private Alerting alerting;

  @BeforeEach
  void start() throws Exception {
    tiers =
        new TwoTierAlerting(
            dir,
            Instant.parse("2026-03-28T10:00:00Z"),
            CONFIG,
            host -> HOSTS.getOrDefault(host, Map.of()));
    first = tiers.first;
    second = tiers.second;
    clock = tiers.clock;
  }

  @AfterEach
  void close() {
    tiers.close();
  }

  @Test
  void shouldPageAWorkstationAtEightOnMondayAndEscalateFromThen() throws Exception {
    alerting = tiers.reopen();
    Incident workstation = raise("ws-042", "DiskFull");
    Incident server = raise("srv-lyon", "DiskFull");
    alerting.tick();
    assertEquals(List.of("srv-lyon firing/1"), notices(first), "servers page at any time");
    alerting.store().acknowledge(server.id(), "ana", "on it").join();
    assertEquals(
        new IncidentEvent(
            clock.instant(),
            "vigil",
            EventAction.NOT_PAGED,
            "outside time window 'business-hours' (role=workstation page only then)"
                + " until 2026-03-30T08:00:00+02:00"),
        last(workstation));

    clock.advanceTo(Instant.parse("2026-03-30T05:59:00Z"));
    alerting.tick();
    assertEquals(List.of("srv-lyon firing/1"), notices(first), "07:59 CEST, still held");
    alerting = tiers.reopen();
    clock.advance(Duration.ofMinutes(1));
    alerting.tick();
    assertEquals(List.of("srv-lyon firing/1", "ws-042 firing/1"), notices(first));
    assertEquals(EventAction.PAGED, last(workstation).action());

    clock.advance(Duration.ofMinutes(14));
    alerting.tick();
    assertEquals(List.of(), notices(second), "escalation counts from 08:00 Monday");
    clock.advance(Duration.ofMinutes(1));
    alerting.tick();
    alerting.tick();
    assertEquals(List.of("ws-042 firing/2"), notices(second));
  }

  @Test
  void shouldTellNobodyOfAnIncidentThatResolvedInMaintenanceAndPageOneStillOpenWhenItEnds()
      throws Exception {
    clock.advanceTo(Instant.parse("2026-03-28T21:30:00Z"));
    alerting = tiers.reopen();
    Incident cleared = raise("srv-paris", "DiskFull");
    Incident stillOpen = raise("srv-paris", "HostDown");
    alerting.tick();
    assertEquals(
        "maintenance window 'patch-saturday' (role=server, site=paris: monthly patching)"
            + " until 2026-03-29T03:00:00+02:00",
        last(cleared).comment(),
        "the window ends at 02:00 CET, which is 03:00 CEST once the clocks jump");
    clock.advance(Duration.ofMinutes(30));
    alerting.store().clear(cleared.key()).join();

    clock.advanceTo(Instant.parse("2026-03-29T00:59:00Z"));
    alerting.tick();
    assertEquals(List.of(), notices(first));
    clock.advance(Duration.ofMinutes(1));
    alerting.tick();
    alerting = tiers.reopen();
    alerting.tick();

    assertEquals(List.of("srv-paris firing/1"), notices(first));
    assertEquals(
        "HostDown",
        JsonParser.parseString(first.requests().get(0).body())
            .getAsJsonObject()
            .get("alertname")
            .getAsString());
    assertEquals(List.of(), alerting.store().outbox(cleared.id()), "no lone resolved notice");
    assertEquals(
        List.of(EventAction.OPENED, EventAction.NOT_PAGED, EventAction.RESOLVED),
        alerting.store().timeline(cleared.id()).stream().map(IncidentEvent::action).toList());
    assertEquals(EventAction.PAGED, last(stillOpen).action());
  }

  private Incident raise(String host, String rule) {
    return alerting
        .store()
        .raise(
            new FiringAlert(
                IncidentKey.of(host, rule, Map.of()), Severity.CRITICAL, host + " " + rule, ""))
        .join();
  }

  private IncidentEvent last(Incident incident) {
    List<IncidentEvent> timeline = alerting.store().timeline(incident.id());
    return timeline.get(timeline.size() - 1);
  }

  /** Each webhook request's host, status and tier. */
  private static List<String> notices(LoopbackHttpServer server) {
    List<String> notices = new ArrayList<>();
    for (LoopbackHttpServer.Request request : server.requests()) {
      JsonObject body = JsonParser.parseString(request.body()).getAsJsonObject();
      notices.add(
          body.get("host").getAsString()
              + " "
              + body.get("status").getAsString()
              + "/"
              + body.get("tier").getAsInt());
    }
    return notices;
  }
}
