package dev.vigil.collector.http;

import static dev.vigil.collector.http.StoreFixture.NOW;
import static dev.vigil.collector.http.StoreFixture.connected;
import static dev.vigil.collector.http.StoreFixture.counter;
import static dev.vigil.collector.http.StoreFixture.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exposition, byte for byte, against golden files under src/test/resources. */
class ExpositionGoldenTest {
  private static final long FRESH = NOW - 15_000;
  private static final long STALE = NOW - 6 * 60_000;

  private final SeriesStore store = new SeriesStore(100);
  private EmbeddedHttp http;

  @BeforeEach
  void fillStore() throws Exception {
    HostState alpha = connected(store, "alpha", Map.of());
    alpha.seen(NOW - 1_250);
    gauge(alpha, "node_load1", 0.25, FRESH);
    counter(alpha, "node_cpu_seconds_total", 1234.5, FRESH, "mode", "idle", "cpu", "0");
    counter(alpha, "node_cpu_seconds_total", 17, STALE, "mode", "user", "cpu", "0");
    gauge(
        alpha,
        "node_filesystem_avail_bytes",
        123_456_789_012_345d,
        FRESH,
        "mountpoint",
        "C:\\",
        "device",
        "\\\\?\\Volume{1}",
        "fstype",
        "NTFS");
    gauge(
        alpha,
        "node_hwmon_temp_celsius",
        Double.NaN,
        FRESH,
        "chip",
        "acpi \"tz\"\n0",
        "sensor",
        "temp1");
    gauge(alpha, "node_network_speed_bytes", Double.POSITIVE_INFINITY, FRESH, "device", "lo");
    gauge(alpha, "node_boot_time_seconds", 1_699_990_000, STALE);

    Object stream = new Object();
    HostState beta = connected(store, "beta", Map.of());
    beta.claim(stream, beta.identity(), NOW - 60_000);
    beta.release(stream, true);
    gauge(beta, "node_load1", 1.5, FRESH);
    counter(beta, "node_cpu_seconds_total", 99, FRESH, "cpu", "0", "mode", "idle");
    gauge(beta, "node_hwmon_temp_celsius", 47.125, FRESH, "chip", "coretemp", "sensor", "temp1");
    http = new EmbeddedHttp(store);
  }

  @Test
  void shouldExposeTheFleetWithInstanceAsTheLastLabel() throws IOException {
    EmbeddedHttp.Response response = http.get("/metrics");

    assertEquals(200, response.status());
    assertEquals(Responses.PROMETHEUS_TEXT, response.headers().get("content-type"));
    assertEquals(golden("fleet.prom"), response.body());
  }

  @Test
  void shouldExposeOneHostWithoutTheInstanceLabel() throws IOException {
    EmbeddedHttp.Response response = http.get("/hosts/alpha/metrics");

    assertEquals(200, response.status());
    assertEquals(Responses.PROMETHEUS_TEXT, response.headers().get("content-type"));
    assertEquals(golden("host-alpha.prom"), response.body());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ExpositionGoldenTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no golden file " + name + " next to the test");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
