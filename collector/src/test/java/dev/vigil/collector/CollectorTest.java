package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.rules.engine.FakeCompiler;
import dev.vigil.collector.store.SeriesStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  @TempDir Path dataDir;

  @Test
  void shouldReportTheRealPortsWhenAskedForPortZero() throws Exception {
    try (Collector collector = Collector.start(TestConfigs.loopback(dataDir))) {
      assertNotEquals(0, collector.ingestAddress().getPort());
      assertNotEquals(0, collector.httpAddress().getPort());
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + collector.httpAddress().getPort() + "/healthz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals("ok\n", health.body());
    }
  }

  @Test
  void shouldBuildTheRuleEngineWithTheCompilerMadeForItsStore() throws Exception {
    AtomicReference<SeriesStore> compiledFor = new AtomicReference<>();
    try (Collector collector =
        Collector.start(
            TestConfigs.loopback(dataDir),
            System::currentTimeMillis,
            store -> {
              compiledFor.set(store);
              return new FakeCompiler();
            })) {
      assertSame(collector.store(), compiledFor.get());
      String metrics = metrics(collector);
      for (String counter :
          List.of(
              "vigil_rules_evaluations_total",
              "vigil_rules_incidents_raised_total",
              "vigil_rules_incidents_cleared_total",
              "vigil_rules_compile_problems_total")) {
        assertTrue(metrics.contains("\n" + counter + " 0.0\n"), counter);
      }
    }
  }

  private static String metrics(Collector collector) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + collector.httpAddress().getPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void shouldCloseMoreThanOnceAndFreeBothPorts() throws Exception {
    Collector collector = Collector.start(TestConfigs.loopback(dataDir));
    InetSocketAddress ingest = collector.ingestAddress();
    InetSocketAddress http = collector.httpAddress();

    collector.close();
    collector.close();

    assertBindable(ingest);
    assertBindable(http);
  }

  @Test
  void shouldStopTheIngestWhenTheHttpAddressIsTaken() throws Exception {
    InetSocketAddress ingest = freeAddress();
    try (ServerSocket taken = new ServerSocket(0, 1, ANY_PORT.getAddress())) {
      InetSocketAddress http = (InetSocketAddress) taken.getLocalSocketAddress();

      IOException failure =
          assertThrows(
              IOException.class,
              () -> Collector.start(TestConfigs.loopback(dataDir).withListen(ingest, http)));

      assertTrue(failure.getMessage().contains(http.toString()), failure.getMessage());
    }
    assertBindable(ingest);
  }

  @Test
  void shouldRefuseToStartOnAnInvalidRuleFileAndFreeBothPorts(@TempDir Path dir) throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.yml"), "groups:\n  - name: g\n    rules:\n      - alert: A\n");
    InetSocketAddress ingest = freeAddress();
    InetSocketAddress http = freeAddress();
    CollectorConfig config =
        CollectorConfig.parse("--rules", rules.toString(), "--data-dir", dataDir.toString())
            .withListen(ingest, http);

    IOException failure = assertThrows(IOException.class, () -> Collector.start(config));

    assertEquals(rules + ":4:9: rule \"A\" needs an expr", failure.getMessage());
    assertBindable(ingest);
    assertBindable(http);
  }

  @Test
  void shouldServeTheRulesItLoaded(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("rules.yml"),
        "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: vigil_host_up == 0\n");
    CollectorConfig config =
        CollectorConfig.parse("--rules", dir.toString(), "--data-dir", dataDir.toString())
            .withListen(ANY_PORT, ANY_PORT);

    try (Collector collector = Collector.start(config)) {
      assertEquals("A", collector.rules().current().rules().get(0).name());
      String metrics = metrics(collector);
      assertTrue(metrics.contains("\nvigil_rules_loaded 1.0\n"), metrics);
      assertTrue(metrics.contains("\nvigil_rules_last_reload_successful 1.0\n"), metrics);
    }
  }

  private static InetSocketAddress freeAddress() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, ANY_PORT.getAddress())) {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }
  }

  private static void assertBindable(InetSocketAddress address) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
    }
  }
}
