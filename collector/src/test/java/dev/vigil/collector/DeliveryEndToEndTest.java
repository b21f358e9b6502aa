package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.collector.store.HostState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent spools while its collector is away, is restarted in the middle of the outage, and
 * delivers everything once the real collector comes up: every tick of both runs applied exactly
 * once, in order, through a paced catch-up.
 */
class DeliveryEndToEndTest {
  private static final int TICKS_PER_RUN = 60;
  // Each run ticks once at start, then on every tickNow().
  private static final double BATCHES = 2 * (TICKS_PER_RUN + 1);
  private static final String HOST = "delivery-e2e";

  @TempDir Path stateDir;
  @TempDir Path dataDir;

  private static int freeLoopbackPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private AgentConfig agentConfig(int port) {
    return AgentConfig.builder()
        .collector("127.0.0.1:" + port)
        .hostName(HOST)
        .interval(Duration.ofHours(1))
        .stateDir(stateDir)
        .build();
  }

  private static void tick(Agent agent, int times) {
    for (int i = 0; i < times; i++) {
      agent.tickNow();
    }
  }

  private static double selfMetric(URI base, String name) throws Exception {
    Matcher m =
        Pattern.compile("^" + name + " (\\S+)$", Pattern.MULTILINE)
            .matcher(TestHttp.get(base.resolve("/metrics")).body());
    assertTrue(m.find(), name + " missing from /metrics");
    return Double.parseDouble(m.group(1));
  }

  @Test
  void shouldDeliverEveryTickOfAnOutageOnceAcrossAnAgentRestart() throws Exception {
    int port = freeLoopbackPort();
    try (Agent first = Agent.start(agentConfig(port))) {
      tick(first, TICKS_PER_RUN);
    }
    try (Agent second = Agent.start(agentConfig(port))) {
      tick(second, TICKS_PER_RUN);
      CollectorConfig config =
          CollectorConfig.parse(
              "--ingest-listen",
              "127.0.0.1:" + port,
              "--http-listen",
              "127.0.0.1:0",
              "--catch-up-batches-per-second",
              "40",
              "--data-dir",
              dataDir.toString());
      try (Collector collector = Collector.start(config)) {
        URI base = URI.create("http://127.0.0.1:" + collector.httpAddress().getPort());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (selfMetric(base, "vigil_collector_batches_total") < BATCHES
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }

        assertEquals(BATCHES, selfMetric(base, "vigil_collector_batches_total"));
        assertEquals(0.0, selfMetric(base, "vigil_collector_replayed_batches_total"));
        assertEquals(0.0, selfMetric(base, "vigil_collector_catching_up_streams"));
        HostState host = collector.store().find(HOST);
        assertEquals(second.highestAckedSeq(), host.lastAppliedSeq());
        assertEquals(
            0,
            selfMetric(base, "vigil_collector_decode_errors_total\\{reason=\"protocol\"\\}"),
            "every batch arrived in order and in its epoch");
      }
    }
  }
}
