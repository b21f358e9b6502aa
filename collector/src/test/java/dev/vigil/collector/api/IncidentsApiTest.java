package dev.vigil.collector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.cli.IncidentsCommand;
import dev.vigil.collector.http.HttpServer;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incidents API and its command line against a real collector HTTP server on loopback and a
 * real SQLite file.
 */
class IncidentsApiTest {
  private static final String WRITER = "ops-writer-token-0123456789";
  private static final String READER = "ops-reader-token-0123456789";
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  @TempDir Path dir;
  private IncidentStore store;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private Incident disk;
  private Incident reboot;

  @BeforeEach
  void start() throws Exception {
    store =
        IncidentStore.open(
            dir.resolve("incidents.db").toString(),
            Duration.ofMinutes(10),
            (incident, tier) -> List.of(),
            Clock.fixed(T0, ZoneOffset.UTC));
    disk =
        store
            .raise(alert("web1", "DiskFull", Severity.CRITICAL, "/ is 97% full"))
            .get(60, TimeUnit.SECONDS);
    reboot =
        store
            .raise(alert("db1", "RebootRequired", Severity.WARNING, "reboot pending"))
            .get(60, TimeUnit.SECONDS);
    ApiTokens tokens =
        ApiTokens.parse(
            "tokens", List.of("# the on-call team", "ana:write:" + WRITER, "wall:read:" + READER));
    server = serve(tokens);
  }

  private HttpServer serve(ApiTokens tokens) throws Exception {
    CollectorConfig config =
        CollectorConfig.defaults()
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    SeriesStore hosts = new SeriesStore(100);
    return HttpServer.start(
        config,
        hosts,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> T0.toEpochMilli(),
        store::unresolved,
        new ApiHandler(
            tokens,
            store,
            hosts,
            Forgetters.of(hosts, store, T0.toEpochMilli()),
            config.staleAfter()));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private static FiringAlert alert(String host, String rule, Severity severity, String summary) {
    return new FiringAlert(
        IncidentKey.of(host, rule, Map.of("severity", severity.label())),
        severity,
        summary,
        "https://kb.example/" + rule);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.address().getPort() + path;
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static String error(HttpResponse<String> response) {
    return json(response).get("error").getAsString();
  }

  private static long[] ids(JsonObject list) {
    JsonArray incidents = list.getAsJsonArray("incidents");
    long[] ids = new long[incidents.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = incidents.get(i).getAsJsonObject().get("id").getAsLong();
    }
    return ids;
  }

  @Test
  void shouldListIncidentsNewestFirstAndFilterThem() throws Exception {
    HttpResponse<String> all = get("/api/v1/incidents", READER);
    assertEquals(200, all.statusCode());
    JsonObject first = json(all).getAsJsonArray("incidents").get(1).getAsJsonObject();
    assertEquals("web1", first.get("host").getAsString());
    assertEquals("critical", first.get("severity").getAsString());
    assertEquals("open", first.get("state").getAsString());
    assertEquals("2026-01-05T09:00:00Z", first.get("opened_at").getAsString());
    assertTrue(first.get("acknowledged_at").isJsonNull());
    assertEquals(List.of(reboot.id(), disk.id()), List.of(ids(json(all))[0], ids(json(all))[1]));

    long[] web1 = ids(json(get("/api/v1/incidents?host=web1", READER)));
    assertEquals(List.of(disk.id()), List.of(web1[0]));
    assertEquals(1, web1.length);
    long[] warning = ids(json(get("/api/v1/incidents?severity=warning&state=open", READER)));
    assertEquals(1, warning.length);
    assertEquals(reboot.id(), warning[0]);
    assertEquals(0, ids(json(get("/api/v1/incidents?state=resolved", READER))).length);
    assertEquals(400, get("/api/v1/incidents?state=sleeping", READER).statusCode());
  }

  @Test
  void shouldAcknowledgeCommentAndResolveWithTheTokensNameAsActor() throws Exception {
    String path = "/api/v1/incidents/" + disk.id();
    HttpResponse<String> acked = post(path + "/ack", WRITER, "{\"comment\":\"on it\"}");
    assertEquals(200, acked.statusCode());
    assertEquals("acknowledged", json(acked).get("state").getAsString());
    assertEquals(
        200, post(path + "/comment", WRITER, "{\"comment\":\"disk ordered\"}").statusCode());
    HttpResponse<String> resolved = post(path + "/resolve", WRITER, "");
    assertEquals("resolved", json(resolved).get("state").getAsString());

    JsonObject shown = json(get(path, READER));
    JsonArray timeline = shown.getAsJsonArray("timeline");
    assertEquals(4, timeline.size());
    assertEquals(
        "opened vigil ,acknowledged ana on it,commented ana disk ordered,resolved ana ",
        timelineText(timeline));
  }

  private static String timelineText(JsonArray timeline) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject e = timeline.get(i).getAsJsonObject();
      text.append(i == 0 ? "" : ",")
          .append(e.get("action").getAsString())
          .append(' ')
          .append(e.get("actor").getAsString())
          .append(' ')
          .append(e.get("comment").getAsString());
    }
    return text.toString();
  }

  @Test
  void shouldAnswerEachRefusalWithItsStatusAndAJsonError() throws Exception {
    String ack = "/api/v1/incidents/" + disk.id() + "/ack";
    assertEquals(401, get("/api/v1/incidents", null).statusCode());
    assertEquals(401, get("/api/v1/incidents", "not-a-known-token-at-all").statusCode());
    HttpResponse<String> readOnly = post(ack, READER, "{}");
    assertEquals(403, readOnly.statusCode());
    assertTrue(error(readOnly).contains("wall may only read"), readOnly.body());
    HttpResponse<String> malformed = post(ack, WRITER, "{\"comment\":");
    assertEquals(400, malformed.statusCode());
    assertTrue(error(malformed).startsWith("the body is not valid JSON"), malformed.body());
    assertEquals(400, post(ack, WRITER, "{\"comment\":7}").statusCode());
    HttpResponse<String> unknown = get("/api/v1/incidents/999", READER);
    assertEquals(404, unknown.statusCode());
    assertEquals("no incident 999", error(unknown));
    assertEquals(404, post("/api/v1/incidents/999/ack", WRITER, "").statusCode());

    assertEquals(200, post(ack, WRITER, "").statusCode());
    HttpResponse<String> twice = post(ack, WRITER, "");
    assertEquals(409, twice.statusCode());
    assertTrue(error(twice).startsWith("incident " + disk.id() + " is already acknowledged"));
    HttpResponse<String> tooLarge =
        post(ack, WRITER, "{\"comment\":\"" + "x".repeat(20_000) + "\"}");
    assertEquals(413, tooLarge.statusCode());
    assertTrue(error(tooLarge).contains("larger than"), tooLarge.body());
  }

  @Test
  void shouldKeepTheApiOffWithoutATokensFile() throws Exception {
    server.close();
    server = serve(null);

    HttpResponse<String> off = get("/api/v1/incidents", READER);
    assertEquals(404, off.statusCode());
    assertTrue(error(off).contains("--api-tokens-file"), off.body());
    assertEquals(404, post("/api/v1/incidents/" + disk.id() + "/ack", WRITER, "").statusCode());
  }

  private record Run(int exit, String out, String err) {}

  private Run cli(String token, String... args) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--url";
    full[args.length + 1] = url("");
    int exit =
        IncidentsCommand.run(
            full,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(IncidentsCommand.TOKEN_FILE_ENV, tokenFile.toString()));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldListAsATableFromTheCommandLine() throws Exception {
    Run list = cli(READER, "list", "--state", "open");

    assertEquals(
        new Run(
            0,
            String.join(
                "\n",
                "ID  STATE  SEVERITY  HOST  RULE            OPENED",
                reboot.id() + "   open   warning   db1   RebootRequired  2026-01-05T09:00:00Z",
                disk.id() + "   open   critical  web1  DiskFull        2026-01-05T09:00:00Z",
                ""),
            ""),
        list);
  }

  @Test
  void shouldAcknowledgeResolveAndShowFromTheCommandLine() throws Exception {
    String id = Long.toString(disk.id());
    assertEquals(0, cli(WRITER, "ack", id, "--comment", "on it").exit());
    assertEquals(0, cli(WRITER, "resolve", id).exit());

    Run shown = cli(READER, "show", id);
    assertEquals(0, shown.exit());
    assertTrue(shown.out().contains("  state            resolved\n"), shown.out());
    assertTrue(
        shown
            .out()
            .endsWith(
                "timeline\n"
                    + "  2026-01-05T09:00:00Z  opened by vigil\n"
                    + "  2026-01-05T09:00:00Z  acknowledged by ana: on it\n"
                    + "  2026-01-05T09:00:00Z  resolved by ana\n"),
        shown.out());
  }

  @Test
  void shouldExitOneWithTheApisMessageWhenRefused() throws Exception {
    Run readOnly = cli(READER, "ack", Long.toString(disk.id()));
    assertEquals(1, readOnly.exit());
    assertTrue(readOnly.err().startsWith("vigil-collector incidents: 403: the token wall"));
    Run unknown = cli(READER, "show", "999");
    assertEquals(new Run(1, "", "vigil-collector incidents: 404: no incident 999\n"), unknown);
    assertEquals(2, cli(READER, "show").exit());
    assertEquals(2, cli(READER, "reopen", "1").exit());
  }
}
