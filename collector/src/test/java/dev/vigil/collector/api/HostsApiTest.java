package dev.vigil.collector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.cli.HostsCommand;
import dev.vigil.collector.http.HttpServer;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts API and {@code vigil-collector hosts} against a real collector HTTP server on loopback,
 * a series store filled the way the ingest fills it, and a real SQLite incident store.
 */
class HostsApiTest {
  private static final String WRITER = "ops-writer-token-0123456789";
  private static final String READER = "ops-reader-token-0123456789";
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final long NOW = T0.toEpochMilli();
  private static final long MINUTE = 60_000;

  @TempDir Path dir;
  private final SeriesStore fleet = new SeriesStore(100);
  private IncidentStore incidents;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    fillFleet();
    incidents =
        IncidentStore.open(
            dir.resolve("incidents.db").toString(),
            Duration.ofMinutes(10),
            (incident, tier) -> List.of(),
            Clock.fixed(T0, ZoneOffset.UTC));
    long disk = raise("web1", "DiskFull", "/");
    raise("web1", "DiskFull", "/var");
    incidents.acknowledge(disk, "ana", "").get(60, TimeUnit.SECONDS);
    raise("db1", "RebootRequired", "");
    incidents.clear(key("db1", "RebootRequired", "")).get(60, TimeUnit.SECONDS);
    CollectorConfig config =
        CollectorConfig.defaults()
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    ApiTokens tokens =
        ApiTokens.parse("tokens", List.of("ana:write:" + WRITER, "wall:read:" + READER));
    server =
        HttpServer.start(
            config,
            fleet,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> NOW,
            incidents::unresolved,
            new ApiHandler(
                tokens,
                incidents,
                fleet,
                Forgetters.of(fleet, incidents, NOW),
                config.staleAfter()));
  }

  @AfterEach
  void stop() {
    server.close();
    incidents.close();
  }

  /**
   * web1 is up with a full patch summary; db1 said Goodbye and never reported patches; ws7's stream
   * broke ten minutes ago, after its security count had stopped coming an hour before.
   */
  private void fillFleet() throws Exception {
    HostState web1 = connected("web1", "1.2.0", "linux", Map.of("site", "paris", "role", "web"));
    gauge(web1, "vigil_updates_pending", 3, NOW, "class", "security");
    gauge(web1, "vigil_updates_pending", 12, NOW, "class", "other");
    gauge(web1, "node_reboot_required", 1, NOW);
    gauge(web1, "vigil_reboot_required", 1, NOW, "reason", "packages");
    gauge(web1, "vigil_reboot_required", 0, NOW, "reason", "kernel");
    gauge(web1, "vigil_reboot_required", 1, NOW, "reason", "a \"quoted\" one");
    gauge(web1, "vigil_updates_last_install_timestamp_seconds", 1767517200.5, NOW);
    gauge(web1, "vigil_updates_last_refresh_timestamp_seconds", 1767603600, NOW);
    gauge(web1, "vigil_patch_scan_success", 1, NOW);
    gauge(web1, "vigil_patch_scan_timestamp_seconds", 1767603000, NOW);

    HostState db1 = connected("db1", "1.1.0", "linux", Map.of("site", "paris", "role", "db"));
    gauge(db1, "node_load1", 0.5, NOW);
    db1.release(this, true);

    HostState ws7 = connected("ws7", "1.2.0", "windows", Map.of("site", "lyon"));
    gauge(ws7, "node_load1", 0.5, NOW - 10 * MINUTE);
    gauge(ws7, "vigil_updates_pending", 4, NOW - 70 * MINUTE, "class", "security");
    gauge(ws7, "vigil_updates_pending", 0, NOW - 10 * MINUTE, "class", "other");
    gauge(ws7, "vigil_patch_scan_success", 0, NOW - 10 * MINUTE);
    ws7.release(this, false);
  }

  private HostState connected(String name, String version, String os, Map<String, String> labels) {
    HostState host = fleet.host(name);
    host.claim(this, new HostIdentity("agent-" + name, version, "boot", os, labels), NOW);
    return host;
  }

  private static void gauge(HostState host, String metric, double value, long at, String... labels)
      throws Exception {
    int slot = host.define(metric, MetricFamily.Type.GAUGE, "", labels);
    SeriesSlots slots = host.slots();
    slots.values()[slot] = value;
    slots.updatedAtMillis()[slot] = at;
  }

  private long raise(String host, String rule, String mountpoint) throws Exception {
    return incidents
        .raise(new FiringAlert(key(host, rule, mountpoint), Severity.WARNING, "", ""))
        .get(60, TimeUnit.SECONDS)
        .id();
  }

  private static IncidentKey key(String host, String rule, String mountpoint) {
    return IncidentKey.of(
        host, rule, mountpoint.isEmpty() ? Map.of() : Map.of("mountpoint", mountpoint));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.address().getPort() + path;
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private List<String> names(String query) throws Exception {
    HttpResponse<String> response = get("/api/v1/hosts" + query, READER);
    assertEquals(200, response.statusCode(), response.body());
    List<String> names = new ArrayList<>();
    for (var host : json(response).getAsJsonArray("hosts")) {
      names.add(host.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  @Test
  void shouldDescribeAnUpHostWithItsPatchSummaryAndUnresolvedIncidents() throws Exception {
    HttpResponse<String> response = get("/api/v1/hosts/web1", READER);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        JsonParser.parseString(
            """
            {"name": "web1", "state": "up", "last_seen": "2026-01-05T09:00:00Z",
             "labels": {"role": "web", "site": "paris"}, "agent_version": "1.2.0", "os": "linux",
             "patch": {"security_updates_pending": 3, "other_updates_pending": 12,
                       "reboot_required": true, "reboot_reasons": ["a \\"quoted\\" one", "packages"],
                       "last_install": "2026-01-04T09:00:00.500Z",
                       "last_refresh": "2026-01-05T09:00:00Z", "scan_success": true,
                       "last_scan": "2026-01-05T08:50:00Z"},
             "unresolved_incidents": 2}
            """),
        json(response));
  }

  @Test
  void shouldReportAbsentAndNoLongerSentPatchValuesAsNullNeverZero() throws Exception {
    JsonObject db1 = json(get("/api/v1/hosts/db1", READER));
    assertEquals("shut_down", db1.get("state").getAsString());
    assertEquals(0, db1.get("unresolved_incidents").getAsLong());
    for (var field : db1.getAsJsonObject("patch").entrySet()) {
      assertTrue(field.getValue().isJsonNull(), field.getKey() + " should be null");
    }

    JsonObject ws7 = json(get("/api/v1/hosts/ws7", READER));
    assertEquals("lost", ws7.get("state").getAsString());
    JsonObject patch = ws7.getAsJsonObject("patch");
    assertTrue(patch.get("security_updates_pending").isJsonNull(), patch.toString());
    assertEquals(0, patch.get("other_updates_pending").getAsLong());
    assertEquals(false, patch.get("scan_success").getAsBoolean());
    assertTrue(patch.get("reboot_reasons").isJsonNull(), patch.toString());
  }

  @Test
  void shouldFilterByStateAndLabelsAndPageByName() throws Exception {
    assertEquals(List.of("db1", "web1", "ws7"), names(""));
    assertEquals(List.of("ws7"), names("?state=lost"));
    assertEquals(List.of("web1"), names("?state=up"));
    assertEquals(List.of("db1", "web1"), names("?label=site:paris"));
    assertEquals(List.of("db1"), names("?label=site:paris&label=role:db"));
    assertEquals(List.of(), names("?label=site:paris&state=lost"));

    JsonObject first = json(get("/api/v1/hosts?limit=2", READER));
    assertEquals(2, first.getAsJsonArray("hosts").size());
    assertEquals("web1", first.get("next_after").getAsString());
    JsonObject rest = json(get("/api/v1/hosts?limit=2&after=web1", READER));
    JsonArray last = rest.getAsJsonArray("hosts");
    assertEquals("ws7", last.get(0).getAsJsonObject().get("name").getAsString());
    assertTrue(rest.get("next_after").isJsonNull());
  }

  @Test
  void shouldAnswerEachRefusalWithItsStatusAndAJsonError() throws Exception {
    assertEquals(401, get("/api/v1/hosts", null).statusCode());
    HttpResponse<String> unknown = get("/api/v1/hosts/nope", READER);
    assertEquals(404, unknown.statusCode());
    assertEquals("no host nope", json(unknown).get("error").getAsString());
    for (String query :
        List.of("?state=asleep", "?label=site", "?limit=0", "?limit=1001", "?host=web1")) {
      HttpResponse<String> bad = get("/api/v1/hosts" + query, READER);
      assertEquals(400, bad.statusCode(), query);
      assertTrue(json(bad).get("error").getAsString().startsWith("bad query: "), bad.body());
    }
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url("/api/v1/hosts")))
            .header("Authorization", "Bearer " + WRITER)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertEquals(405, client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  private record Run(int exit, String out, String err) {}

  private Run cli(String... args) throws Exception {
    return cliWith(READER, args);
  }

  private Run cliWith(String token, String... args) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> full = new ArrayList<>(List.of(args));
    full.addAll(List.of("--url", url("")));
    int exit =
        HostsCommand.run(
            full.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("VIGIL_API_TOKEN_FILE", tokenFile.toString()));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldListHostsAsATableFromTheCommandLine() throws Exception {
    assertEquals(
        new Run(
            0,
            String.join(
                "\n",
                "NAME  STATE      LAST SEEN             OS     AGENT  SECURITY  OTHER  REBOOT"
                    + "                          INCIDENTS",
                "db1   shut_down  2026-01-05T09:00:00Z  linux  1.1.0  -         -      -"
                    + "                               0",
                "web1  up         2026-01-05T09:00:00Z  linux  1.2.0  3         12     yes"
                    + " (a \"quoted\" one, packages)  2",
                "more: --after web1",
                ""),
            ""),
        cli("list", "--limit", "2"));
  }

  @Test
  void shouldShowOneHostAndExitWithTheApisRefusal() throws Exception {
    Run shown = cli("show", "ws7");
    assertEquals(0, shown.exit(), shown.err());
    assertEquals(
        String.join(
            "\n",
            "host ws7",
            "  state                    lost",
            "  last_seen                2026-01-05T09:00:00Z",
            "  os                       windows",
            "  agent_version            1.2.0",
            "  labels                   site=lyon",
            "  unresolved               0 incidents",
            "patch",
            "  security_updates_pending -",
            "  other_updates_pending    0",
            "  reboot_required          -",
            "  reboot_reasons           -",
            "  last_install             -",
            "  last_refresh             -",
            "  scan_success             false",
            "  last_scan                -",
            ""),
        shown.out());
    assertEquals(new Run(1, "", "vigil-collector hosts: 404: no host nope\n"), cli("show", "nope"));
    assertEquals(2, cli("show").exit());
    assertEquals(2, cli("list", "--state", "up", "--state", "lost").exit());
    assertEquals(2, cli("reboot", "web1").exit());
  }

  @Test
  void shouldShowAHostUpOnAnotherCollectorAsElsewhereAndKeepIt() throws Exception {
    fleet.find("ws7").upElsewhere(true);

    assertEquals(List.of("ws7"), names("?state=elsewhere"));
    assertEquals(List.of(), names("?state=lost"));
    assertEquals("elsewhere", json(get("/api/v1/hosts/ws7", READER)).get("state").getAsString());
    assertEquals(409, delete("/api/v1/hosts/ws7", WRITER).statusCode());
  }

  @Test
  void shouldForgetALostHostResolvingItsIncidentsAndRefuseAConnectedOne() throws Exception {
    long offline = raise("ws7", "HostOffline", "");

    HttpResponse<String> connected = delete("/api/v1/hosts/web1", WRITER);
    assertEquals(409, connected.statusCode());
    assertEquals(
        "host web1 is connected; stop its agent (or wait until it is lost) first",
        json(connected).get("error").getAsString());
    assertEquals(403, delete("/api/v1/hosts/ws7", READER).statusCode());
    assertEquals(404, delete("/api/v1/hosts/nope", WRITER).statusCode());

    HttpResponse<String> forgotten = delete("/api/v1/hosts/ws7", WRITER);

    assertEquals(200, forgotten.statusCode(), forgotten.body());
    assertEquals(
        "{\"name\":\"ws7\",\"resolved_incidents\":[" + offline + "]}", forgotten.body().strip());
    var timeline = incidents.timeline(offline);
    var resolved = timeline.get(timeline.size() - 1);
    assertEquals(
        List.of("RESOLVED", "ana", "host forgotten"),
        List.of(resolved.action().name(), resolved.actor(), resolved.comment()));
    assertEquals(List.of("db1", "web1"), names(""));
    assertEquals(404, get("/api/v1/hosts/ws7", READER).statusCode());
  }

  @Test
  void shouldForgetAHostFromTheCommandLine() throws Exception {
    assertEquals(
        new Run(0, "forgot db1; it had no unresolved incidents\n", ""),
        cliWith(WRITER, "forget", "db1"));
    assertEquals(
        new Run(
            1,
            "",
            "vigil-collector hosts: 409: host web1 is connected; stop its agent (or wait until it"
                + " is lost) first\n"),
        cliWith(WRITER, "forget", "web1"));
    assertEquals(1, cli("forget", "ws7").exit(), "a read token may not forget");
    assertEquals(2, cliWith(WRITER, "forget").exit());
    assertEquals(List.of("web1", "ws7"), names(""));
  }
}
