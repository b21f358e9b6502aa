package dev.vigil.agent;

import static dev.vigil.agent.ship.FakeIngest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.ship.FakeIngest;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import io.grpc.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API the collector's end-to-end tests use, against a fake collector. */
class AgentTest {
  private final FakeIngest ingest = new FakeIngest();
  private Server server;
  @TempDir Path stateDir;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeIngest.serve(ingest, 0);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
  }

  /** An agent of this host for the fake collector, ticking once at start. */
  private AgentConfig.Builder config() {
    return AgentConfig.builder()
        .collector("127.0.0.1:" + server.getPort())
        .interval(Duration.ofHours(1))
        .stateDir(stateDir);
  }

  @Test
  void shouldShipRealHostMetricsOnEveryTickAndSayGoodbyeOnClose() throws Exception {
    AgentConfig config = config().hostName("e2e-host").label("site", "lab").build();

    Batch second;
    try (Agent agent = Agent.start(config)) {
      Hello hello = ingest.nextFrame().getHello();
      assertEquals("e2e-host", hello.getHostName());
      assertEquals(Map.of("site", "lab"), hello.getLabelsMap());
      Catalog catalog = ingest.nextFrame().getCatalog();
      assertTrue(catalog.getSymbolsList().contains("node_cpu_seconds_total"));
      assertTrue(catalog.getSymbolsList().contains("node_uname_info"));
      assertTrue(catalog.getSymbolsList().contains("vigil_agent_collector_success"));
      assertTrue(catalog.getSymbolsList().contains("vigil_agent_spool_backlog_batches"));
      Batch first = ingest.nextFrame().getBatch();

      agent.tickNow();

      second = nextBatch();
      assertTrue(second.getSeq() > first.getSeq());
      long acked = second.getSeq();
      await("the ack of the forced tick", () -> agent.highestAckedSeq() == acked);
    }

    Goodbye goodbye = ingest.nextFrame().getGoodbye();
    assertEquals(Goodbye.Reason.REASON_SHUTDOWN, goodbye.getReason());
    assertEquals(second.getSeq(), goodbye.getLastSeq());
  }

  @Test
  void shouldSpoolInTheStateDirectoryAndKeepSeqRisingAcrossRestarts() throws Exception {
    AgentConfig config = config().build();
    long lastSeqOfFirstRun;
    try (Agent agent = Agent.start(config)) {
      await("the first tick", () -> ingest.applied().size() == 1);
      lastSeqOfFirstRun = ingest.applied().get(0).seq();
      await("its ack", () -> agent.highestAckedSeq() == lastSeqOfFirstRun);
    }
    assertTrue(Files.exists(stateDir.resolve("acked-seq")), "the ack is kept for the next run");

    try (Agent agent = Agent.start(config)) {
      await("the second run's tick", () -> ingest.applied().size() == 2);
    }
    assertTrue(ingest.applied().get(1).seq() > lastSeqOfFirstRun, "seq rises across restarts");
    assertEquals(0.0, ingest.applied().get(1).value("vigil_agent_spool_dropped_batches_total{}"));
    assertEquals(List.of(), ingest.failures());
  }

  @Test
  void shouldLeaveTheStateDirectoryAloneForOnce() throws Exception {
    Path untouched = stateDir.resolve("never-created");
    AgentConfig config = AgentConfig.builder().stateDir(untouched).build();
    ByteArrayOutputStream text = new ByteArrayOutputStream();

    AgentMain.once(config, new PrintStream(text, true, StandardCharsets.UTF_8));

    assertTrue(text.toString(StandardCharsets.UTF_8).contains("node_uname_info"));
    assertTrue(Files.notExists(untouched), "once must not open the spool");
  }

  /** The next batch, skipping a catalog delta for series that appeared since the last tick. */
  private Batch nextBatch() throws InterruptedException {
    var frame = ingest.nextFrame();
    return frame.hasCatalog() ? ingest.nextFrame().getBatch() : frame.getBatch();
  }
}
