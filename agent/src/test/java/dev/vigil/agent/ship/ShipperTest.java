package dev.vigil.agent.ship;

import static dev.vigil.agent.ship.FakeIngest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.spool.FsyncPolicy;
import dev.vigil.agent.spool.Spool;
import dev.vigil.agent.wire.MutableClock;
import dev.vigil.agent.wire.WireReplica;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ships through a real spool to a real gRPC server on loopback running a fake Ingest service. */
class ShipperTest {
  static final long SPOOL_BYTES = 8 << 20;
  private static final Metric CPU = Metric.counter("node_cpu_seconds_total", "CPU seconds.");
  static final Hello HELLO = Hello.newBuilder().setAgentId("agent-1").setHostName("host-1").build();

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(1_790_000_000_000L);
  private FakeIngest ingest;
  private Server server;
  private int port;
  private Spool spool;
  private Shipper shipper;

  @BeforeEach
  void start() throws Exception {
    server = startServerOn(0);
    port = server.getPort();
    openShipper();
  }

  @AfterEach
  void stopAll() throws Exception {
    shipper.close();
    spool.close();
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private void openShipper() throws Exception {
    spool = Spool.open(dir, SPOOL_BYTES, FsyncPolicy.NEVER, clock);
    shipper = shipper(spool, port, clock);
  }

  /** A shipper with fast backoff, not yet connected. */
  static Shipper shipper(Spool spool, int port, MutableClock clock) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1));
    return new Shipper(channel, HELLO, backoff, spool, clock);
  }

  private Server startServerOn(int listenPort) throws Exception {
    ingest = new FakeIngest();
    return FakeIngest.serve(ingest, listenPort);
  }

  private static List<Sample> tick(int cpus, double base) {
    return IntStream.range(0, cpus)
        .mapToObj(cpu -> new Sample(CPU, Labels.of("cpu", Integer.toString(cpu)), base + cpu))
        .toList();
  }

  private static String cpu(int cpu) {
    return "node_cpu_seconds_total{cpu=" + cpu + "}";
  }

  private List<Long> seqs() {
    return ingest.applied().stream().map(WireReplica.Applied::seq).toList();
  }

  @Test
  void shouldSendHelloThenFullCatalogThenBatchAndRecordTheAck() throws Exception {
    long firstSeq = spool.nextSeq();
    shipper.connect();
    Hello hello = ingest.nextFrame().getHello();
    shipper.ship(tick(2, 0.5), 5_000);

    assertEquals("agent-1", hello.getAgentId());
    assertEquals(spool.epoch(), hello.getEpoch());
    assertEquals(0, hello.getBacklogBatches());
    AgentFrame catalog = ingest.nextFrame();
    assertEquals(1, catalog.getCatalog().getFirstSymbolId());
    assertEquals(0, catalog.getCatalog().getFirstSeriesId());
    assertEquals(2, catalog.getCatalog().getSeriesCount());
    AgentFrame batch = ingest.nextFrame();
    assertEquals(firstSeq, batch.getBatch().getSeq());
    assertEquals(spool.epoch(), batch.getBatch().getEpoch());
    assertEquals(5_000, batch.getBatch().getTimestampMs());
    assertEquals(List.of(0.5, 1.5), batch.getBatch().getValuesList());
    await("the ack", () -> shipper.highestAckedSeq() == firstSeq);
  }

  @Test
  void shouldSendOnlyTheCatalogDeltaBeforeABatchWithNewSeries() throws Exception {
    shipper.connect();
    ingest.nextFrame();
    shipper.ship(tick(1, 0), 1);
    int symbolsAfterFirst = ingest.nextFrame().getCatalog().getSymbolsCount();
    ingest.nextFrame();
    shipper.ship(tick(2, 0), 2);
    AgentFrame delta = ingest.nextFrame();

    assertEquals(symbolsAfterFirst + 1, delta.getCatalog().getFirstSymbolId());
    assertEquals(1, delta.getCatalog().getFirstSeriesId());
    assertEquals(1, delta.getCatalog().getSeriesCount());
    assertTrue(ingest.nextFrame().hasBatch());
  }

  @Test
  void shouldSpoolWhileTheCollectorIsAwayAndSendTheRestAfterReconnecting() throws Exception {
    shipper.connect();
    shipper.ship(tick(2, 1), 1);
    await("the first ack", () -> ingest.applied().size() == 1 && shipper.highestAckedSeq() > 0);

    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    for (int i = 2; i <= 4; i++) {
      shipper.ship(tick(2, i), i);
    }
    server = startServerOn(port);

    Hello hello = ingest.nextFrame().getHello();
    assertEquals(3, hello.getBacklogBatches(), "the ticks spooled while it was away");
    AgentFrame catalog = ingest.nextFrame();
    assertEquals(0, catalog.getCatalog().getFirstSeriesId(), "a new stream gets the full catalog");
    await("the spooled ticks", () -> ingest.applied().size() == 3);
    List<WireReplica.Applied> applied = ingest.applied();
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 2, applied.get(i).timestampMs());
      assertEquals(i + 2 + 1.0, applied.get(i).value(cpu(1)));
    }
    assertEquals(List.of(), ingest.failures());
  }

  @Test
  void shouldKeepAtMostThirtyTwoBatchesUnacknowledged() throws Exception {
    ingest.holdAcks();
    for (int i = 0; i < 100; i++) {
      shipper.ship(tick(2, i), i + 1);
    }
    shipper.connect();

    await("the in-flight window", () -> ingest.applied().size() == 32);
    ingest.ackUpTo(seqs().get(9));
    await("ten more after ten acks", () -> ingest.applied().size() == 42);
    ingest.releaseAcks();
    await("the rest", () -> ingest.applied().size() == 100);

    assertEquals(OutboundStream.MAX_IN_FLIGHT, ingest.maxUnacked());
    assertEquals(List.of(), ingest.failures());
  }

  @Test
  void shouldReplayAnEarlierRunsSpoolWithItsOwnSeriesAfterARestart() throws Exception {
    server.shutdownNow().awaitTermination(FakeIngest.WAIT_MS, TimeUnit.MILLISECONDS);
    shipper.connect();
    List<Long> spooled = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      spooled.add(spool.nextSeq());
      shipper.ship(tick(2, 10 * i), i);
    }
    long firstEpoch = spool.epoch();
    shipper.close();
    spool.close();

    openShipper();
    // The restarted agent meets its series in another order, so its ids differ.
    List<Sample> reversed = new ArrayList<>(tick(3, 100));
    java.util.Collections.reverse(reversed);
    spooled.add(spool.nextSeq());
    shipper.ship(reversed, 4);
    server = startServerOn(port);
    shipper.connect();

    assertEquals(4, ingest.nextFrame().getHello().getBacklogBatches());
    await("both runs' ticks", () -> ingest.applied().size() == 4);
    List<WireReplica.Applied> applied = ingest.applied();
    assertEquals(spooled, seqs(), "in seq order, seq rising across the restart");
    assertEquals(firstEpoch, applied.get(2).epoch());
    assertEquals(31.0, applied.get(2).value(cpu(1)));
    assertTrue(applied.get(3).epoch() > firstEpoch);
    assertEquals(102.0, applied.get(3).value(cpu(2)));
    assertEquals(100.0, applied.get(3).value(cpu(0)));
    assertEquals(List.of(), ingest.failures());
  }

  @Test
  void shouldSayGoodbyeWithTheLastSeqAndHalfCloseOnClose() throws Exception {
    shipper.connect();
    shipper.ship(tick(1, 0), 1);
    shipper.ship(tick(1, 0), 2);
    await("two batches", () -> ingest.applied().size() == 2);
    long last = seqs().get(1);

    shipper.close();

    AgentFrame frame = ingest.nextFrame();
    while (!frame.hasGoodbye()) {
      frame = ingest.nextFrame();
    }
    Goodbye goodbye = frame.getGoodbye();
    assertEquals(Goodbye.Reason.REASON_SHUTDOWN, goodbye.getReason());
    assertEquals(last, goodbye.getLastSeq());
    assertTrue(ingest.nextEvent().completed(), "the stream is half-closed after Goodbye");
  }

  @Test
  void shouldSayWhyItLeavesWhenTheMachineGoesToSleep() throws Exception {
    shipper.connect();
    shipper.ship(tick(1, 0), 1);
    await("a batch", () -> ingest.applied().size() == 1);

    shipper.close(Goodbye.Reason.REASON_SLEEP);

    AgentFrame frame = ingest.nextFrame();
    while (!frame.hasGoodbye()) {
      frame = ingest.nextFrame();
    }
    assertEquals(Goodbye.Reason.REASON_SLEEP, frame.getGoodbye().getReason());
  }
}
