package dev.vigil.agent.ship;

import static dev.vigil.agent.ship.FakeIngest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.config.CollectorAddress;
import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.spool.FsyncPolicy;
import dev.vigil.agent.spool.Spool;
import dev.vigil.proto.v1.Hello;
import io.grpc.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real gRPC servers on loopback behind the agent's channel: it uses whichever answers. */
class FailoverTest {
  private static final Metric CPU = Metric.counter("node_cpu_seconds_total", "CPU seconds.");
  private static final List<Sample> TICK = List.of(new Sample(CPU, Labels.of("cpu", "0"), 1.5));
  private static final Hello HELLO =
      Hello.newBuilder().setAgentId("agent-1").setHostName("host-1").setEpoch(7).build();

  @TempDir Path dir;
  private final List<Server> servers = new ArrayList<>();
  private FailoverChannel channel;
  private Spool spool;
  private Shipper shipper;

  @AfterEach
  void stopAll() throws Exception {
    if (shipper != null) {
      shipper.close();
      spool.close();
    }
    for (Server server : servers) {
      server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    }
  }

  private Server serve(FakeIngest ingest) throws Exception {
    Server server = FakeIngest.serve(ingest, 0);
    servers.add(server);
    return server;
  }

  /** A loopback port where nothing listens: a server's, once it has stopped. */
  private static int closedPort() throws Exception {
    Server server = FakeIngest.serve(new FakeIngest(), 0);
    int port = server.getPort();
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    return port;
  }

  private void connect(int... ports) throws IOException {
    List<CollectorAddress> collectors = new ArrayList<>();
    for (int port : ports) {
      collectors.add(new CollectorAddress("127.0.0.1", port));
    }
    channel =
        (FailoverChannel)
            CollectorChannels.open(
                collectors, Optional.empty(), Optional.empty(), Optional.empty());
    Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1));
    spool = Spool.open(dir, ShipperTest.SPOOL_BYTES, FsyncPolicy.NEVER, Clock.systemUTC());
    shipper = new Shipper(channel, HELLO, backoff, spool, Clock.systemUTC());
    shipper.connect();
  }

  /** Ships a tick every few milliseconds until a batch with seq above {@code seq} is acked. */
  private void shipUntilAckedAbove(long seq) throws InterruptedException {
    await(
        "an ack above seq " + seq,
        () -> {
          shipper.ship(TICK, System.currentTimeMillis());
          return shipper.highestAckedSeq() > seq;
        });
  }

  @Test
  void shouldStreamToTheSecondCollectorWhenTheFirstIsDown() throws Exception {
    int down = closedPort();
    FakeIngest second = new FakeIngest();
    Server up = serve(second);

    connect(down, up.getPort());
    shipUntilAckedAbove(0);

    assertEquals("host-1", second.nextFrame().getHello().getHostName());
    assertEquals(new CollectorAddress("127.0.0.1", up.getPort()), channel.currentCollector());
  }

  @Test
  void shouldContinueOnTheOtherCollectorWhenTheFirstStopsMidRun() throws Exception {
    FakeIngest first = new FakeIngest();
    FakeIngest second = new FakeIngest();
    Server firstServer = serve(first);
    Server secondServer = serve(second);
    connect(firstServer.getPort(), secondServer.getPort());
    shipUntilAckedAbove(0);
    assertEquals("host-1", first.nextFrame().getHello().getHostName());
    long ackedByFirst = shipper.highestAckedSeq();

    firstServer.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    shipUntilAckedAbove(ackedByFirst);

    assertEquals(
        "host-1",
        second.nextFrame().getHello().getHostName(),
        "the second collector gets a new stream");
    assertTrue(second.nextFrame().hasCatalog(), "with the full catalog");
    assertEquals(
        new CollectorAddress("127.0.0.1", secondServer.getPort()), channel.currentCollector());
  }
}
