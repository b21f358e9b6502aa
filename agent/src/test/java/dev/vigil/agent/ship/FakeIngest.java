package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.agent.wire.WireReplica;
import dev.vigil.proto.v1.Ack;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.IngestGrpc;
import dev.vigil.proto.v1.Pace;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A stand-in collector for tests, served by a real grpc-netty server on loopback: records every
 * frame, applies them by the collector's rules in a {@link WireReplica} (which outlives streams, as
 * the collector's per-host state does), acknowledges the highest applied seq, answers a half-close
 * by completing the stream, and can send a Pace after Hello or hold its acks back.
 */
public final class FakeIngest extends IngestGrpc.IngestImplBase {
  /** Upper bound of every wait in tests. */
  public static final long WAIT_MS = 10_000;

  /** What the fake collector saw: a frame, or the end of a stream ({@code frame == null}). */
  public record Event(AgentFrame frame, boolean completed) {}

  /** When a batch was applied, by the test's clock, and how many had been applied by then. */
  public record Receipt(long seq, long atMillis, int appliedSoFar) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final WireReplica replica = new WireReplica();
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final LongSupplier clock;
  private volatile int paceOnHello;
  private volatile boolean holdAcks;
  private StreamObserver<CollectorFrame> current;
  private long highestSeqSeen;
  private long highestAcked;
  private int maxUnacked;

  /** A fake that acknowledges every batch and sends no Pace. */
  public FakeIngest() {
    this(System::currentTimeMillis);
  }

  /** A fake that notes each receipt at {@code clock}'s time. */
  public FakeIngest(LongSupplier clock) {
    this.clock = clock;
  }

  /** Serves a new fake on 127.0.0.1 at {@code port} (0 for any free port). */
  public static Server serve(FakeIngest ingest, int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(ingest)
        .build()
        .start();
  }

  /** Answers every later Hello with {@code Pace(batchesPerSecond)}. */
  public void paceOnHello(int batchesPerSecond) {
    paceOnHello = batchesPerSecond;
  }

  /** Stops acknowledging until {@link #ackUpTo} or {@link #releaseAcks}. */
  public void holdAcks() {
    holdAcks = true;
  }

  /** Acknowledges on the current stream everything applied up to {@code seq}. */
  public synchronized void ackUpTo(long seq) {
    ack(current, seq);
  }

  /** Acknowledges everything applied so far, and every batch from now on. */
  public synchronized void releaseAcks() {
    holdAcks = false;
    ack(current, highestSeqSeen);
  }

  @Override
  public StreamObserver<AgentFrame> stream(StreamObserver<CollectorFrame> responses) {
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentFrame frame) {
        events.add(new Event(frame, false));
        try {
          received(responses, frame);
        } catch (AssertionError | RuntimeException e) {
          synchronized (FakeIngest.this) {
            failures.add(e);
          }
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

  private synchronized void received(StreamObserver<CollectorFrame> responses, AgentFrame frame) {
    if (frame.hasHello()) {
      current = responses;
      replica.hello(frame.getHello().getEpoch());
      if (paceOnHello > 0) {
        Pace pace = Pace.newBuilder().setReplayBatchesPerSecond(paceOnHello).build();
        responses.onNext(CollectorFrame.newBuilder().setPace(pace).build());
      }
      return;
    }
    if (frame.hasGoodbye()) {
      return;
    }
    int before = replica.applied().size();
    long ack = replica.apply(frame);
    if (ack == 0) {
      return;
    }
    highestSeqSeen = Math.max(highestSeqSeen, frame.getBatch().getSeq());
    if (replica.applied().size() > before) {
      receipts.add(new Receipt(frame.getBatch().getSeq(), clock.getAsLong(), before + 1));
    }
    maxUnacked = Math.max(maxUnacked, unacked());
    if (!holdAcks) {
      ack(responses, ack);
    }
  }

  /** Applied batches above the last ack sent; receipts are in seq order. */
  private int unacked() {
    int count = 0;
    for (int i = receipts.size() - 1; i >= 0 && receipts.get(i).seq() > highestAcked; i--) {
      count++;
    }
    return count;
  }

  private void ack(StreamObserver<CollectorFrame> responses, long seq) {
    highestAcked = seq;
    Ack ack = Ack.newBuilder().setSeq(seq).build();
    responses.onNext(CollectorFrame.newBuilder().setAck(ack).build());
  }

  /** Every batch applied so far, across streams, in order. */
  public synchronized List<WireReplica.Applied> applied() {
    return new ArrayList<>(replica.applied());
  }

  /** When each applied batch arrived. */
  public synchronized List<Receipt> receipts() {
    return new ArrayList<>(receipts);
  }

  /** Batches ignored as replays. */
  public synchronized int replays() {
    return replica.replays();
  }

  /** The most batches that were ever received and not yet acknowledged at once. */
  public synchronized int maxUnacked() {
    return maxUnacked;
  }

  /** Breaches of the collector's rules seen so far (the test fails on any). */
  public synchronized List<Throwable> failures() {
    return new ArrayList<>(failures);
  }

  /** The next event, waiting at most {@link #WAIT_MS}. */
  public Event nextEvent() throws InterruptedException {
    Event event = events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(event, "nothing received within " + WAIT_MS + " ms");
    return event;
  }

  /** The next frame; fails if the stream ends instead. */
  public AgentFrame nextFrame() throws InterruptedException {
    Event event = nextEvent();
    assertNotNull(event.frame(), "stream completed while a frame was expected");
    return event.frame();
  }

  /** Polls {@code condition} until it holds, failing after {@link #WAIT_MS}. */
  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + WAIT_MS + " ms waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
