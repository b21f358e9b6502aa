package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian package {@code prometheus}) finds this host through the collector's
 * HTTP service discovery, using the shipped {@code deploy/prometheus/prometheus.yml}, scrapes it,
 * and answers a query for the host's {@code node_uname_info}; then for an incident of that host as
 * {@code vigil_alerts}, from the collector's own job; then every query of the shipped Grafana
 * dashboard, {@code deploy/grafana/vigil-fleet.json}, as Grafana sends it with every host selected:
 * each one evaluates, and those of the fleet and the tick's readings return this host's data.
 */
class PrometheusEndToEndTest {
  private static final Path SHIPPED_CONFIG = Path.of("../deploy/prometheus/prometheus.yml");
  private static final Path DASHBOARD = Path.of("../deploy/grafana/vigil-fleet.json");
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /**
   * Panels that must show data for any host with an agent: the rest depend on the machine (sensors,
   * a battery, a package manager's dates) or on something having failed.
   */
  private static final Set<String> ALWAYS_DATA =
      Set.of("Hosts up", "Open incidents", "CPU busy", "Memory available");

  @TempDir Path dir;

  @Test
  void shouldLetPrometheusDiscoverScrapeAndQueryThisHost() throws Exception {
    String prometheusBinary = ExternalTools.require("prometheus", "prometheus");
    try (Collector collector = Collector.start(TestConfigs.loopback(dir.resolve("collector")));
        Agent agent =
            Agent.start(
                AgentConfig.builder()
                    .collector("127.0.0.1:" + collector.ingestAddress().getPort())
                    .interval(Duration.ofSeconds(1))
                    .stateDir(dir.resolve("agent-state"))
                    .build())) {
      agent.tickNow();
      String host = awaitHost(collector);
      int webPort = freePort();
      Path config = configFor(collector.httpAddress().getPort());
      Process prometheus =
          new ProcessBuilder(
                  prometheusBinary,
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + webPort)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        String query = "node_uname_info{job=\"vigil\",instance=\"" + host + "\"}";
        String answer = awaitResult(webPort, query);
        assertTrue(answer.contains("\"nodename\""), answer);
        collector
            .alerting()
            .store()
            .raise(
                new FiringAlert(
                    IncidentKey.of(host, "HostDown", Map.of()), Severity.CRITICAL, "", ""))
            .get(60, TimeUnit.SECONDS);
        String alert =
            awaitResult(
                webPort,
                "vigil_alerts{job=\"vigil-collector\",instance=\""
                    + host
                    + "\",alertname=\"HostDown\",state=\"open\"}");
        assertTrue(alert.contains("\"severity\":\"critical\""), alert);
        assertTrue(alert.contains("\"collector\":\"127.0.0.1:"), "whose copy: " + alert);
        assertDashboardQueriesWork(webPort);
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly();
        }
      }
    }
  }

  private void assertDashboardQueriesWork(int webPort) throws Exception {
    JsonObject dashboard = JsonParser.parseString(Files.readString(DASHBOARD)).getAsJsonObject();
    int queries = 0;
    for (JsonElement element : dashboard.getAsJsonArray("panels")) {
      JsonObject panel = element.getAsJsonObject();
      if (!panel.has("targets")) {
        continue;
      }
      String title = panel.get("title").getAsString();
      for (JsonElement target : panel.getAsJsonArray("targets")) {
        // As Grafana sends them with Host = All (allValue .*) and a 1 s scrape interval.
        String expr =
            target
                .getAsJsonObject()
                .get("expr")
                .getAsString()
                .replace("$instance", ".*")
                .replace("$__rate_interval", "1m");
        String answer =
            ALWAYS_DATA.contains(title) ? awaitResult(webPort, expr) : query(webPort, expr);
        assertTrue(
            answer.contains("\"status\":\"success\""), title + ": " + expr + " -> " + answer);
        queries++;
      }
    }
    assertTrue(queries >= 10, "the dashboard has only " + queries + " queries");
  }

  private static String query(int webPort, String expr) throws Exception {
    return TestHttp.get(queryUri(webPort, expr)).body();
  }

  private static URI queryUri(int webPort, String query) {
    return URI.create(
        "http://127.0.0.1:"
            + webPort
            + "/api/v1/query?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  /** The shipped configuration, pointed at this collector and made to refresh every second. */
  private Path configFor(int httpPort) throws IOException {
    String shipped = Files.readString(SHIPPED_CONFIG);
    String config =
        replaceOnce(shipped, "scrape_interval: 15s", "scrape_interval: 1s")
            .replace("127.0.0.1:9465", "127.0.0.1:" + httpPort);
    config = replaceOnce(config, "refresh_interval: 30s", "refresh_interval: 1s");
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    return file;
  }

  private static String replaceOnce(String text, String from, String to) {
    assertTrue(text.contains(from), "deploy/prometheus/prometheus.yml no longer has " + from);
    return text.replace(from, to);
  }

  private static String awaitHost(Collector collector) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      var hosts = collector.store().hosts();
      if (hosts.length > 0 && hosts[0].lastAppliedSeq() > 0) {
        return hosts[0].name();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no host reported to the collector within " + DEADLINE);
  }

  private String awaitResult(int webPort, String query) throws Exception {
    URI uri = queryUri(webPort, query);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = TestHttp.get(uri).body();
        if (last.contains("\"result\":[{")) {
          return last;
        }
      } catch (IOException | AssertionError notYet) {
        last = String.valueOf(notYet);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "Prometheus had no "
            + query
            + " within "
            + DEADLINE
            + "; last answer: "
            + last
            + "; log: "
            + Files.readString(dir.resolve("prometheus.log")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
