package dev.vigil.collector.http;

import static dev.vigil.collector.http.StoreFixture.counter;
import static dev.vigil.collector.http.StoreFixture.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.Collector;
import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.Promtool;
import dev.vigil.collector.TestConfigs;
import dev.vigil.collector.TestHttp;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool check metrics} on what a running collector serves over real HTTP. Fails, never
 * skips, when promtool is missing: a skipped check would pass without having checked anything.
 */
class PromtoolCheckTest {
  @TempDir Path dataDir;

  @Test
  void shouldServeExpositionsThatPromtoolAccepts() throws Exception {
    CollectorConfig config = TestConfigs.loopback(dataDir);
    raiseIncidents(config.incidentStore());
    try (Collector collector = Collector.start(config)) {
      populate(collector.store(), System.currentTimeMillis());
      URI base = URI.create("http://127.0.0.1:" + collector.httpAddress().getPort());

      String fleet = get(base.resolve("/metrics"));
      assertTrue(fleet.contains("\njvm_memory_used_bytes{"), "self metrics missing");
      assertTrue(fleet.contains(",instance=\"ws-02\"} "), "fleet series missing");
      assertTrue(fleet.contains("\nvigil_incidents_open{severity=\"critical\"} 2\n"), fleet);
      assertTrue(fleet.contains("\nvigil_alerts{alertname=\"Disk \\\"full\\\"\","), fleet);
      assertTrue(!fleet.contains("\nvigil_alerts{instance="), "an agent's vigil_alerts was served");
      Promtool.assertAccepts(fleet);
      Promtool.assertAccepts(get(base.resolve("/hosts/ws-01/metrics")));
    }
  }

  /** Incidents in the store the collector opens, so that its first reading of them shows. */
  private static void raiseIncidents(String location) throws Exception {
    try (IncidentStore store =
        IncidentStore.open(
            location, Duration.ofMinutes(10), (i, tier) -> List.of(), Clock.systemUTC())) {
      for (String mountpoint : List.of("/", "/var\n\"x\"")) {
        IncidentKey key =
            IncidentKey.of(
                "ws-01", "Disk \"full\"", Map.of("mountpoint", mountpoint, "odd-name", "1"));
        store.raise(new FiringAlert(key, Severity.CRITICAL, "", "")).get(60, TimeUnit.SECONDS);
      }
    }
  }

  private static void populate(SeriesStore store, long now) throws Exception {
    for (String name : new String[] {"ws-01", "ws-02"}) {
      HostState host = store.host(name);
      host.claim(new Object(), new HostIdentity(name, "0.1.0", "b", "linux", Map.of()), now);
      counter(host, "node_cpu_seconds_total", 1234.56, now, "cpu", "0", "mode", "idle");
      counter(host, "node_cpu_seconds_total", 0.000_001 * 33, now, "cpu", "0", "mode", "steal");
      gauge(host, "node_load1", 0.37, now);
      gauge(host, "node_memory_MemTotal_bytes", 16_000_000_000d, now);
      gauge(host, "node_hwmon_temp_celsius", Double.NaN, now, "chip", "a\"b\\c\nd", "sensor", "t");
      gauge(host, "node_network_speed_bytes", Double.POSITIVE_INFINITY, now, "device", "lo");
      gauge(host, "vigil_patches_pending", 3, now - Duration.ofHours(1).toMillis());
      gauge(host, "vigil_alerts", 1, now);
    }
  }

  private static String get(URI uri) throws Exception {
    HttpResponse<String> response = TestHttp.get(uri);
    assertEquals(Responses.PROMETHEUS_TEXT, response.headers().firstValue("content-type").get());
    return response.body();
  }
}
