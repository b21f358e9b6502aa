package dev.vigil.collector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The incident series of {@code /metrics}: their text, and how a scrape serves the snapshot. */
class IncidentExpositionTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private static Incident incident(
      long id,
      String host,
      String rule,
      Severity severity,
      IncidentState state,
      Map<String, String> labels) {
    return new Incident(
        id,
        IncidentKey.of(host, rule, labels),
        severity,
        state,
        "",
        "",
        T0,
        T0,
        state == IncidentState.ACKNOWLEDGED ? T0 : null,
        null,
        0,
        1);
  }

  private static String render(List<Incident> incidents, Instant at) {
    return new String(IncidentExposition.render(incidents, at), StandardCharsets.UTF_8);
  }

  @Test
  void shouldCountEverySeverityAndWriteOneAlertSeriesPerIncident() {
    List<Incident> unresolved =
        List.of(
            incident(
                1,
                "web1",
                "DiskFull",
                Severity.CRITICAL,
                IncidentState.OPEN,
                Map.of("instance", "web1", "mountpoint", "/", "severity", "critical")),
            incident(
                2,
                "db 1",
                "Reboot\"Required",
                Severity.CRITICAL,
                IncidentState.ACKNOWLEDGED,
                Map.of(
                    "alertname",
                    "x",
                    "state",
                    "y",
                    "bad-name",
                    "z",
                    "__meta",
                    "w",
                    "note",
                    "a \"b\"\\\nc")));

    assertEquals(
        String.join(
            "\n",
            "# HELP vigil_incidents_open Incidents open or acknowledged, by severity.",
            "# TYPE vigil_incidents_open gauge",
            "vigil_incidents_open{severity=\"critical\"} 2",
            "vigil_incidents_open{severity=\"warning\"} 0",
            "vigil_incidents_open{severity=\"info\"} 0",
            "# HELP vigil_alerts One series per open or acknowledged incident, like ALERTS.",
            "# TYPE vigil_alerts gauge",
            "vigil_alerts{alertname=\"DiskFull\",instance=\"web1\",severity=\"critical\","
                + "state=\"open\",mountpoint=\"/\"} 1",
            "vigil_alerts{alertname=\"Reboot\\\"Required\",instance=\"db 1\",severity=\"critical\","
                + "state=\"acknowledged\",note=\"a \\\"b\\\"\\\\\\nc\"} 1",
            "# HELP vigil_incidents_read_timestamp_seconds When the incident series were last"
                + " read from the incident store.",
            "# TYPE vigil_incidents_read_timestamp_seconds gauge",
            "vigil_incidents_read_timestamp_seconds 1767603600.000",
            ""),
        render(unresolved, T0));
  }

  @Test
  void shouldWriteZeroCountsAndNoAlertFamilyWithoutIncidents() {
    String text = render(List.of(), T0.plusMillis(1));

    assertTrue(text.contains("vigil_incidents_open{severity=\"warning\"} 0\n"), text);
    assertTrue(text.endsWith("vigil_incidents_read_timestamp_seconds 1767603600.001\n"), text);
    assertTrue(!text.contains("vigil_alerts"), text);
  }

  @Test
  void shouldWriteIncidentsWhoseLabelsAllWereLeftOutOnlyOnce() {
    Map<String, String> reserved = Map.of("state", "a");
    String text =
        render(
            List.of(
                incident(1, "web1", "Down", Severity.INFO, IncidentState.OPEN, Map.of()),
                incident(2, "web1", "Down", Severity.INFO, IncidentState.OPEN, reserved)),
            T0);

    assertEquals(1, text.split("\nvigil_alerts\\{", -1).length - 1, text);
  }

  @Test
  void shouldServeTheLatestSnapshotAfterTheFleetAndKeepItWhenAReadFails() {
    List<List<Incident>> readings = new ArrayList<>();
    readings.add(
        List.of(incident(1, "web1", "Down", Severity.WARNING, IncidentState.OPEN, Map.of())));
    IncidentSeries series =
        new IncidentSeries(
            () -> {
              if (readings.isEmpty()) {
                throw new IllegalStateException("the database is away");
              }
              return readings.remove(0);
            },
            () -> StoreFixture.NOW);
    EmbeddedHttp http =
        new EmbeddedHttp(
            new SeriesStore(100), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), series);
    assertTrue(!http.get("/metrics").body().contains("vigil_incidents_open"));

    series.refresh();
    String first = http.get("/metrics").body();
    series.refresh();
    String second = http.get("/metrics").body();

    assertTrue(first.contains("\nvigil_alerts{alertname=\"Down\",instance=\"web1\","), first);
    assertTrue(first.contains("vigil_incidents_open{severity=\"warning\"} 1\n"), first);
    assertEquals(first, second);
  }
}
