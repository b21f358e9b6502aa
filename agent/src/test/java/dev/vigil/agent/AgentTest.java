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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process API the collector's end-to-end tests use, against a fake collector. */
class AgentTest {
  private final FakeIngest ingest = new FakeIngest();
  private Server server;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeIngest.serve(ingest, 0);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
  }

  @Test
  void shouldShipRealHostMetricsOnEveryTickAndSayGoodbyeOnClose() throws Exception {
    AgentConfig config =
        AgentConfig.builder()
            .collector("127.0.0.1:" + server.getPort())
            .interval(Duration.ofHours(1))
            .hostName("e2e-host")
            .label("site", "lab")
            .build();

    Batch second;
    try (Agent agent = Agent.start(config)) {
      Hello hello = ingest.nextFrame().getHello();
      assertEquals("e2e-host", hello.getHostName());
      assertEquals(Map.of("site", "lab"), hello.getLabelsMap());
      Catalog catalog = ingest.nextFrame().getCatalog();
      assertTrue(catalog.getSymbolsList().contains("node_cpu_seconds_total"));
      assertTrue(catalog.getSymbolsList().contains("node_uname_info"));
      assertTrue(catalog.getSymbolsList().contains("vigil_agent_collector_success"));
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

  /** The next batch, skipping a catalog delta for series that appeared since the last tick. */
  private Batch nextBatch() throws InterruptedException {
    var frame = ingest.nextFrame();
    return frame.hasCatalog() ? ingest.nextFrame().getBatch() : frame.getBatch();
  }
}
