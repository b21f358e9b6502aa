package dev.vigil.agent.ship;

import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.wire.BatchEncoder;
import dev.vigil.agent.wire.SeriesRegistry;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the connection to one collector: opens a stream with Hello and the full Catalog, sends each
 * tick's new catalog entries and Batch, records acks, reconnects with backoff when the stream ends,
 * and says Goodbye on close. While no stream is up, batches are dropped and counted; shipping never
 * blocks the tick thread.
 */
public final class Shipper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
  static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ManagedChannel channel;
  private final IngestGrpc.IngestStub stub;
  private final Hello hello;
  private final Backoff backoff;
  private final ScheduledExecutorService reconnects;
  private final SeriesRegistry registry = new SeriesRegistry();
  private final AtomicLong highestAckedSeq = new AtomicLong();
  private final AtomicLong droppedBatches = new AtomicLong();

  // Guarded by this: gRPC request observers are not thread-safe, and a new stream's full catalog
  // must be consistent with the registry the tick thread is extending.
  private long nextSeq;
  private Stream current;
  private boolean closed;
  private boolean outageLogged;
  private ScheduledFuture<?> pendingReconnect;

  Shipper(ManagedChannel channel, Hello hello, Backoff backoff, long firstSeq) {
    this.channel = channel;
    this.stub = IngestGrpc.newStub(channel);
    this.hello = hello;
    this.backoff = backoff;
    this.nextSeq = firstSeq;
    this.reconnects =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "vigil-reconnect");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts shipping through {@code channel} (see {@link CollectorChannels}); closing the shipper
   * shuts the channel down.
   *
   * <p>With no durable state yet, seq starts at the current time in microseconds, which keeps it
   * increasing across restarts; the disk spool of a later issue will persist it instead.
   */
  public static Shipper start(ManagedChannel channel, Hello hello) {
    Backoff backoff = new Backoff(INITIAL_BACKOFF, MAX_BACKOFF, new Random());
    Shipper shipper = new Shipper(channel, hello, backoff, System.currentTimeMillis() * 1000);
    shipper.connect();
    return shipper;
  }

  /**
   * Encodes one tick and sends it, or drops it when no stream is up. Never blocks on the network.
   */
  public synchronized void ship(List<Sample> samples, long timestampMs) {
    long seq = nextSeq++;
    Batch batch = BatchEncoder.encode(registry, samples, hello.getEpoch(), seq, timestampMs);
    if (current == null) {
      droppedBatches.incrementAndGet();
      return;
    }
    current.sendNewCatalog();
    current.send(AgentFrame.newBuilder().setBatch(batch).build());
    current.lastSentSeq = seq;
  }

  /** Highest seq the collector acknowledged, 0 before the first ack. */
  public long highestAckedSeq() {
    return highestAckedSeq.get();
  }

  /** Batches dropped because no stream was up when they were ready. */
  public long droppedBatches() {
    return droppedBatches.get();
  }

  /** Whether a stream is currently open (it may still fail on its first frame). */
  public synchronized boolean connected() {
    return current != null;
  }

  /**
   * Sends Goodbye and half-closes the stream, waits briefly for the collector, then disconnects.
   */
  @Override
  public void close() {
    Stream leaving = sayGoodbye();
    if (leaving != null) {
      leaving.awaitEnd(CLOSE_TIMEOUT);
    }
    reconnects.shutdownNow();
    channel.shutdown();
    try {
      if (!channel.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Stream sayGoodbye() {
    if (closed) {
      return null;
    }
    closed = true;
    if (pendingReconnect != null) {
      pendingReconnect.cancel(false);
    }
    Stream leaving = current;
    current = null;
    if (leaving != null) {
      Goodbye goodbye =
          Goodbye.newBuilder()
              .setReason(Goodbye.Reason.REASON_SHUTDOWN)
              .setLastSeq(leaving.lastSentSeq)
              .build();
      leaving.send(AgentFrame.newBuilder().setGoodbye(goodbye).build());
      leaving.requests.onCompleted();
    }
    return leaving;
  }

  synchronized void connect() {
    if (closed) {
      return;
    }
    // The channel keeps its own, slower reconnect backoff (up to minutes); ours decides the pace.
    channel.resetConnectBackoff();
    Stream stream = new Stream();
    current = stream;
    stream.requests = stub.stream(stream);
    stream.send(AgentFrame.newBuilder().setHello(hello).build());
    stream.sendNewCatalog();
  }

  private synchronized void streamEnded(Stream stream, Throwable error) {
    if (stream != current || closed) {
      return;
    }
    current = null;
    Duration delay = backoff.nextDelay();
    if (!outageLogged) {
      LOG.warn("stream to collector ended ({}); reconnecting with backoff", describe(error));
      outageLogged = true;
    }
    LOG.debug("reconnecting in {} ms", delay.toMillis());
    pendingReconnect = reconnects.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void acked(long seq) {
    highestAckedSeq.accumulateAndGet(seq, Math::max);
    backoff.reset();
    if (outageLogged) {
      LOG.info("stream to collector re-established");
      outageLogged = false;
    }
  }

  private static String describe(Throwable error) {
    return error == null ? "completed by the collector" : error.toString();
  }

  /** One stream: what it has been sent so far, and the collector's answers. */
  private final class Stream implements StreamObserver<CollectorFrame> {
    private final CountDownLatch ended = new CountDownLatch(1);
    private StreamObserver<AgentFrame> requests;
    private int symbolsSeen;
    private int seriesSeen;
    private long lastSentSeq;

    void send(AgentFrame frame) {
      requests.onNext(frame);
    }

    /** Sends the symbols and series this stream has not seen; on a new stream, all of them. */
    void sendNewCatalog() {
      if (symbolsSeen == registry.symbolCount() && seriesSeen == registry.seriesCount()) {
        return;
      }
      Catalog catalog = registry.catalogSince(hello.getEpoch(), symbolsSeen, seriesSeen);
      send(AgentFrame.newBuilder().setCatalog(catalog).build());
      symbolsSeen = registry.symbolCount();
      seriesSeen = registry.seriesCount();
    }

    void awaitEnd(Duration timeout) {
      try {
        ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void onNext(CollectorFrame frame) {
      if (frame.hasAck()) {
        acked(frame.getAck().getSeq());
      }
    }

    @Override
    public void onError(Throwable error) {
      ended.countDown();
      streamEnded(this, error);
    }

    @Override
    public void onCompleted() {
      ended.countDown();
      streamEnded(this, null);
    }
  }
}
