package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.Ack;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ships to a real gRPC server on loopback running a fake Ingest service. */
class ShipperTest {
  private static final long WAIT_MS = 10_000;
  private static final long FIRST_SEQ = 1_000;
  private static final Metric CPU = Metric.counter("node_cpu_seconds_total", "CPU seconds.");
  private static final Hello HELLO =
      Hello.newBuilder().setAgentId("agent-1").setHostName("host-1").setEpoch(77).build();

  /** What the fake collector saw: a frame, or the end of a stream (frame == null). */
  private record Event(AgentFrame frame, boolean completed) {}

  /** Records every frame and acks every batch, as a collector would. */
  private static final class FakeIngest extends IngestGrpc.IngestImplBase {
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public StreamObserver<AgentFrame> stream(StreamObserver<CollectorFrame> responses) {
      return new StreamObserver<>() {
        @Override
        public void onNext(AgentFrame frame) {
          events.add(new Event(frame, false));
          if (frame.hasBatch()) {
            Ack ack = Ack.newBuilder().setSeq(frame.getBatch().getSeq()).build();
            responses.onNext(CollectorFrame.newBuilder().setAck(ack).build());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          events.add(new Event(null, true));
          responses.onCompleted();
        }
      };
    }

    AgentFrame nextFrame() throws InterruptedException {
      Event event = events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
      assertNotNull(event, "no frame within " + WAIT_MS + " ms");
      assertNotNull(event.frame(), "stream completed while a frame was expected");
      return event.frame();
    }
  }

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
    server.shutdownNow().awaitTermination(WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private Server startServerOn(int listenPort) throws Exception {
    ingest = new FakeIngest();
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", listenPort))
        .addService(ingest)
        .build()
        .start();
  }

  private static List<Sample> tick(int cpus) {
    return java.util.stream.IntStream.range(0, cpus)
        .mapToObj(cpu -> new Sample(CPU, Labels.of("cpu", Integer.toString(cpu)), cpu + 0.5))
        .toList();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + WAIT_MS + " ms waiting for " + what);
      }
      Thread.sleep(10);
    }
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

    server.shutdownNow().awaitTermination(WAIT_MS, TimeUnit.MILLISECONDS);
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
    Event end = ingest.events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(end);
    assertTrue(end.completed(), "the stream is half-closed after Goodbye");
  }
}
