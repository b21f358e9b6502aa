package dev.vigil.collector.http;

import static dev.vigil.collector.http.StoreFixture.NOW;
import static dev.vigil.collector.http.StoreFixture.connected;
import static dev.vigil.collector.http.StoreFixture.counter;
import static dev.vigil.collector.http.StoreFixture.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each route on an {@link EmbeddedChannel}: status, headers and body. */
class HttpRoutesTest {
  private static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE);

  private final SeriesStore store = new SeriesStore(100);
  private final EmbeddedHttp http = new EmbeddedHttp(store);

  @Test
  void shouldAnswerHealthzWithOk() {
    EmbeddedHttp.Response response = http.get("/healthz");

    assertEquals(200, response.status());
    assertEquals("ok\n", response.body());
  }

  @Test
  void shouldAnswer404ForAnUnknownPathWhateverTheMethod() {
    assertEquals(404, http.get("/nope").status());
    assertEquals(404, http.send(HttpMethod.POST, "/nope").status());
    assertTrue(http.get("/nope?x=1").body().startsWith("not found: /nope;"));
  }

  @Test
  void shouldRefuseOtherMethodsOnARouteWith405() {
    EmbeddedHttp.Response response = http.send(HttpMethod.POST, "/metrics");

    assertEquals(405, response.status());
    assertEquals("GET", response.headers().get("allow"));
  }

  @Test
  void shouldIgnoreTheQueryString() {
    assertEquals(200, http.get("/healthz?verbose=1").status());
  }

  @Test
  void shouldAnswer404ForAnUnknownHost() {
    EmbeddedHttp.Response response = http.get("/hosts/ghost/metrics");

    assertEquals(404, response.status());
    assertEquals("unknown host ghost\n", response.body());
  }

  @Test
  void shouldFindAHostWhoseNameNeedsEscapingHoweverThePathIsEscaped() throws Exception {
    HostState host = connected(store, "lab pc/7+a%", Map.of());
    gauge(host, "node_load1", 2, NOW);

    // Escaped fully, and as Prometheus escapes a __metrics_path__: slash and plus left alone.
    for (String path :
        new String[] {"/hosts/lab%20pc%2F7%2Ba%25/metrics", "/hosts/lab%20pc/7+a%25/metrics"}) {
      EmbeddedHttp.Response response = http.get(path);
      assertEquals(200, response.status(), path);
      assertTrue(response.body().contains("\nnode_load1 2\n"), path);
    }
  }

  @Test
  void shouldAnswer400ForAMalformedEscape() {
    assertEquals(400, http.get("/hosts/a%zz/metrics").status());
  }

  @Test
  void shouldAnswer400AndCloseWhenTheRequestCouldNotBeDecoded() {
    DefaultFullHttpRequest broken =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad");
    broken.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("header too long")));
    EmbeddedChannel channel = new EmbeddedChannel(new BadRequestHandler());

    channel.writeInbound(broken);
    FullHttpResponse response = channel.readOutbound();

    assertEquals(400, response.status().code());
    assertFalse(channel.isOpen());
    response.release();
  }

  @Test
  void shouldListOneTargetGroupPerHostForServiceDiscovery() throws Exception {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("site", "Lyon \"HQ\"\n\u0001");
    labels.put("role", "laptop");
    labels.put("instance", "spoofed");
    labels.put("job", "spoofed");
    labels.put("__address__", "spoofed");
    labels.put("bad-name", "dropped");
    connected(store, "beta", labels);
    connected(store, "alpha one", Map.of());

    EmbeddedHttp.Response response = http.get("/sd");

    assertEquals(200, response.status());
    assertEquals(Responses.JSON, response.headers().get("content-type"));
    JsonArray groups = JsonParser.parseString(response.body()).getAsJsonArray();
    assertEquals(2, groups.size());
    JsonObject alpha = groups.get(0).getAsJsonObject();
    assertEquals("[\"127.0.0.1:9465\"]", alpha.get("targets").toString());
    assertEquals(
        Map.of("instance", "alpha one", "__metrics_path__", "/hosts/alpha one/metrics"),
        strings(alpha.getAsJsonObject("labels")));
    assertEquals(
        Map.of(
            "instance", "beta",
            "__metrics_path__", "/hosts/beta/metrics",
            "role", "laptop",
            "site", "Lyon \"HQ\"\n\u0001"),
        strings(groups.get(1).getAsJsonObject().getAsJsonObject("labels")));
  }

  @Test
  void shouldTellALostHostFromOneThatSaidGoodbye() throws Exception {
    HostState lost = connected(store, "lost", Map.of());
    HostState asleep = connected(store, "asleep", Map.of());
    Object stream = new Object();
    lost.claim(stream, lost.identity(), NOW);
    lost.release(stream, false);
    asleep.claim(stream, asleep.identity(), NOW);
    asleep.release(stream, true);

    String fleet = http.get("/metrics").body();

    assertTrue(fleet.contains("\nvigil_host_lost{instance=\"lost\"} 1\n"), fleet);
    assertTrue(fleet.contains("\nvigil_host_lost{instance=\"asleep\"} 0\n"), fleet);
    assertTrue(http.get("/hosts/lost/metrics").body().contains("\nvigil_host_lost 1\n"));
  }

  @Test
  void shouldLeaveAHostUpOnAnotherCollectorToThatCollector() throws Exception {
    HostState moved = connected(store, "moved", Map.of());
    gauge(moved, "node_load1", 0.5, NOW);
    HostState here = connected(store, "here", Map.of());
    gauge(here, "node_load1", 0.25, NOW);
    Object stream = new Object();
    moved.claim(stream, moved.identity(), NOW);
    moved.release(stream, false);
    moved.upElsewhere(true);

    JsonArray groups = JsonParser.parseString(http.get("/sd").body()).getAsJsonArray();
    String fleet = http.get("/metrics").body();

    assertEquals(1, groups.size());
    assertEquals(
        "here",
        groups.get(0).getAsJsonObject().getAsJsonObject("labels").get("instance").getAsString());
    assertTrue(fleet.contains("\nnode_load1{instance=\"here\"} 0.25\n"), fleet);
    assertTrue(fleet.contains("\nvigil_host_up{instance=\"here\"} 1\n"), fleet);
    assertFalse(fleet.contains("\"moved\""), fleet);
    assertEquals(404, http.get("/hosts/moved/metrics").status());
  }

  @Test
  void shouldAnswerAnEmptyListWithoutHosts() {
    assertEquals("[]", http.get("/sd").body());
  }

  @Test
  void shouldNeverRepeatAFamilyNameWhenAnAgentUsesTheCollectorsNames() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("vigil.collector.samples").register(registry).increment(3);
    HostState host = connected(store, "mimic", Map.of());
    counter(host, "vigil_collector_samples_total", 1, NOW);
    gauge(host, "vigil_host_up", 1, NOW);
    gauge(host, "node_load1", 0.5, NOW);

    String fleet = new EmbeddedHttp(store, registry).get("/metrics").body();
    String own = http.get("/hosts/mimic/metrics").body();

    assertEquals(
        "[node_load1, vigil_host_up, vigil_host_lost, vigil_host_last_seen_timestamp_seconds,"
            + " vigil_collector_samples_total]",
        typeNames(fleet).toString());
    assertTrue(fleet.contains("\nvigil_collector_samples_total 3.0\n"), fleet);
    assertEquals(
        "[node_load1, vigil_collector_samples_total, vigil_host_up, vigil_host_lost,"
            + " vigil_host_last_seen_timestamp_seconds]",
        typeNames(own).toString());
  }

  private static List<String> typeNames(String exposition) {
    List<String> names = new ArrayList<>();
    Matcher type = TYPE_LINE.matcher(exposition);
    while (type.find()) {
      names.add(type.group(1));
    }
    return names;
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
    return map;
  }
}
