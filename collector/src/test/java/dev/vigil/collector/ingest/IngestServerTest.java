package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real gRPC server on loopback, fed raw bytes so that tests can send what no agent would. */
class IngestServerTest {
  private static final int CATCH_UP_BUDGET = 600;

  private final SeriesStore store = new SeriesStore(1_000);
  private final IngestMetrics metrics = new IngestMetrics();
  private IngestServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    CollectorConfig config =
        CollectorConfig.parse(
                "--max-frame-bytes",
                "65536",
                "--catch-up-batches-per-second",
                String.valueOf(CATCH_UP_BUDGET))
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    server =
        IngestServer.start(
            config, store, metrics, (h, at, catchingUp) -> {}, System::currentTimeMillis);
    channel = NettyChannelBuilder.forAddress(server.address()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void shouldAcknowledgeEachAppliedBatch() throws Exception {
    RawStream agent = open();
    agent.send(Frames.hello("alpha"), Frames.cpuCatalog(4), Frames.denseBatch(1, 1, 2, 3, 4));
    agent.send(Frames.denseBatch(2, 5, 6, 7, 8));

    assertEquals(1, agent.nextAck());
    assertEquals(2, agent.nextAck());
    assertEquals(8.0, store.find("alpha").slots().values()[3]);
    agent.finish();
    assertEquals(Status.Code.OK, agent.awaitClose().getCode());
  }

  @Test
  void shouldCloseOnlyTheStreamThatSentAMalformedFrame() throws Exception {
    RawStream good = open();
    RawStream bad = open();
    good.send(Frames.hello("good"), Frames.cpuCatalog(2), Frames.denseBatch(1, 1, 1));
    assertEquals(1, good.nextAck());

    bad.send(Frames.hello("bad"), new byte[] {0x1A, 3, 0x32, 16, 0});

    Status status = bad.awaitClose();
    assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
    assertEquals("length 16 at byte 4 runs past the end", status.getDescription());
    assertEquals(1, metrics.errors(IngestError.MALFORMED));
    good.send(Frames.denseBatch(2, 2, 2));
    assertEquals(2, good.nextAck());
    assertNull(good.closedStatus(), "the good stream must stay open");
    assertTrue(store.find("good").up());
    assertTrue(!store.find("bad").up());
  }

  @Test
  void shouldRefuseAFrameAboveTheSizeLimit() throws Exception {
    RawStream agent = open();
    agent.send(Frames.hello("big"), Frames.cpuCatalog(1), Frames.denseBatch(1, new double[10_000]));

    Status status = agent.awaitClose();

    assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
    assertTrue(
        status.getDescription().endsWith("bytes is larger than the limit of 65536"),
        status.getDescription());
    assertEquals(1, metrics.errors(IngestError.LIMIT));
  }

  @Test
  void shouldShareTheCatchUpBudgetAmongStreamsWithABacklog() throws Exception {
    RawStream first = open();
    first.send(Frames.helloWithBacklog("first", 3), Frames.cpuCatalog(1));
    assertEquals(CATCH_UP_BUDGET, first.nextPace());

    RawStream second = open();
    second.send(Frames.helloWithBacklog("second", 100), Frames.cpuCatalog(1));
    assertEquals(CATCH_UP_BUDGET / 2, second.nextPace());
    first.send(Frames.denseBatch(1, 1));
    assertEquals(1, first.nextAck());
    assertEquals(CATCH_UP_BUDGET / 2, first.nextPace());

    first.send(Frames.denseBatch(2, 2), Frames.denseBatch(3, 3));
    assertEquals(2, first.nextAck());
    assertEquals(3, first.nextAck());
    second.send(Frames.denseBatch(1, 1));
    assertEquals(1, second.nextAck());
    assertEquals(CATCH_UP_BUDGET, second.nextPace(), "the first stream caught up");
  }

  private RawStream open() {
    return RawStream.open(channel);
  }
}
