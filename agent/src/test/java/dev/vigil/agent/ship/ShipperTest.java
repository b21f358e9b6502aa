package dev.vigil.agent.ship;

import static dev.vigil.agent.ship.FakeIngest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ships to a real gRPC server on loopback running a fake Ingest service. */
class ShipperTest {
  private static final long FIRST_SEQ = 1_000;
  private static final Metric CPU = Metric.counter("node_cpu_seconds_total", "CPU seconds.");
  private static final Hello HELLO =
      Hello.newBuilder().setAgentId("agent-1").setHostName("host-1").setEpoch(77).build();

  private FakeIngest ingest;
  private Server server;
  private int port;
  private Shipper shipper;

  @BeforeEach
  void startServer() throws Exception {
    server = startServerOn(0);
    port = server.getPort();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1));
    shipper = new Shipper(channel, HELLO, backoff, FIRST_SEQ);
  }

  @AfterEach
  void stopAll() throws Exception {
    shipper.close();
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private Server startServerOn(int listenPort) throws Exception {
    ingest = new FakeIngest();
    return FakeIngest.serve(ingest, listenPort);
  }

  private static List<Sample> tick(int cpus) {
    return java.util.stream.IntStream.range(0, cpus)
        .mapToObj(cpu -> new Sample(CPU, Labels.of("cpu", Integer.toString(cpu)), cpu + 0.5))
        .toList();
  }

  @Test
  void shouldSendHelloThenFullCatalogThenBatchAndRecordTheAck() throws Exception {
    shipper.connect();
    shipper.ship(tick(2), 5_000);

    assertEquals(HELLO, ingest.nextFrame().getHello());
    AgentFrame catalog = ingest.nextFrame();
    assertEquals(1, catalog.getCatalog().getFirstSymbolId());
    assertEquals(0, catalog.getCatalog().getFirstSeriesId());
    assertEquals(2, catalog.getCatalog().getSeriesCount());
    AgentFrame batch = ingest.nextFrame();
    assertEquals(FIRST_SEQ, batch.getBatch().getSeq());
    assertEquals(77, batch.getBatch().getEpoch());
    assertEquals(5_000, batch.getBatch().getTimestampMs());
    assertEquals(List.of(0.5, 1.5), batch.getBatch().getValuesList());
    await("the ack", () -> shipper.highestAckedSeq() == FIRST_SEQ);
  }

  @Test
  void shouldSendOnlyTheCatalogDeltaBeforeABatchWithNewSeries() throws Exception {
    shipper.connect();
    shipper.ship(tick(1), 1);
    shipper.ship(tick(2), 2);

    ingest.nextFrame();
    int symbolsAfterFirst = ingest.nextFrame().getCatalog().getSymbolsCount();
    ingest.nextFrame();
    AgentFrame delta = ingest.nextFrame();

    assertEquals(symbolsAfterFirst + 1, delta.getCatalog().getFirstSymbolId());
    assertEquals(1, delta.getCatalog().getFirstSeriesId());
    assertEquals(1, delta.getCatalog().getSeriesCount());
    assertEquals(FIRST_SEQ + 1, ingest.nextFrame().getBatch().getSeq());
  }

  @Test
  void shouldReconnectAfterTheCollectorRestartsAndResendTheFullCatalog() throws Exception {
    shipper.connect();
    shipper.ship(tick(2), 1);
    await("the first ack", () -> shipper.highestAckedSeq() == FIRST_SEQ);

    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    await(
        "a dropped batch while the collector is away",
        () -> {
          shipper.ship(tick(2), 2);
          return shipper.droppedBatches() > 0;
        });
    server = startServerOn(port);

    assertTrue(ingest.nextFrame().hasHello(), "a new stream starts with Hello");
    AgentFrame catalog = ingest.nextFrame();
    assertEquals(1, catalog.getCatalog().getFirstSymbolId());
    assertEquals(0, catalog.getCatalog().getFirstSeriesId());
    assertEquals(2, catalog.getCatalog().getSeriesCount());
    shipper.ship(tick(2), 3);
    long seq = ingest.nextFrame().getBatch().getSeq();
    assertTrue(seq > FIRST_SEQ, "seq keeps increasing across streams");
    await("the ack on the new stream", () -> shipper.highestAckedSeq() == seq);
  }

  @Test
  void shouldSayGoodbyeWithTheLastSeqAndHalfCloseOnClose() throws Exception {
    shipper.connect();
    shipper.ship(tick(1), 1);
    shipper.ship(tick(1), 2);
    for (int i = 0; i < 4; i++) {
      ingest.nextFrame();
    }

    shipper.close();

    Goodbye goodbye = ingest.nextFrame().getGoodbye();
    assertEquals(Goodbye.Reason.REASON_SHUTDOWN, goodbye.getReason());
    assertEquals(FIRST_SEQ + 1, goodbye.getLastSeq());
    assertTrue(ingest.nextEvent().completed(), "the stream is half-closed after Goodbye");
  }
}
