package dev.vigil.collector.http;

import static dev.vigil.collector.http.StoreFixture.counter;
import static dev.vigil.collector.http.StoreFixture.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.Collector;
import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on what a running collector serves over real HTTP. Fails, never
 * skips, when promtool is missing: a skipped check would pass without having checked anything.
 */
class PromtoolCheckTest {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  /**
   * The one lint finding allowed: node_exporter's meminfo names keep the kernel's camelCase, and
   * Vigil keeps node_exporter's names; node_exporter's own checkmetrics.sh skips the same.
   */
  private static final Pattern INHERITED_NAME =
      Pattern.compile(
          "node_memory_\\w+ metric names should be written in 'snake_case' not 'camelCase'");

  private static final int LINT_PROBLEMS = 3;

  @Test
  void shouldServeExpositionsThatPromtoolAccepts() throws Exception {
    assertTrue(
        Files.isExecutable(PROMTOOL),
        PROMTOOL + " is missing; install it with: apt-get install -y prometheus");
    InetSocketAddress anyPort = new InetSocketAddress("127.0.0.1", 0);
    try (Collector collector =
        Collector.start(CollectorConfig.defaults().withListen(anyPort, anyPort))) {
      populate(collector.store(), System.currentTimeMillis());
      URI base = URI.create("http://127.0.0.1:" + collector.httpAddress().getPort());

      String fleet = get(base.resolve("/metrics"));
      assertTrue(fleet.contains("\njvm_memory_used_bytes{"), "self metrics missing");
      assertTrue(fleet.contains(",instance=\"ws-02\"} "), "fleet series missing");
      promtoolAccepts(fleet);
      promtoolAccepts(get(base.resolve("/hosts/ws-01/metrics")));
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
    }
  }

  private static String get(URI uri) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> uri + " answered " + response.body());
    assertEquals(Responses.PROMETHEUS_TEXT, response.headers().firstValue("content-type").get());
    return response.body();
  }

  private static void promtoolAccepts(String exposition) throws Exception {
    Process promtool =
        new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = promtool.getOutputStream()) {
      stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
    int exit = promtool.exitValue();
    boolean onlyInherited =
        exit == LINT_PROBLEMS
            && output.lines().allMatch(line -> INHERITED_NAME.matcher(line).matches());
    assertTrue(
        exit == 0 || onlyInherited,
        "promtool check metrics exited " + exit + ":\n" + output + "\non:\n" + exposition);
  }
}
