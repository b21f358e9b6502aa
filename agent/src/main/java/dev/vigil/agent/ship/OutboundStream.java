package dev.vigil.agent.ship;

import dev.vigil.agent.spool.SpoolReader;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.CollectorFrame;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One stream to the collector: sends the spool's frames in order while gRPC's flow control says the
 * transport is ready, with at most {@link #MAX_IN_FLIGHT} batches unacknowledged, and, until the
 * backlog it started with is sent, no faster than the collector's Pace. gRPC's callbacks are handed
 * to the shipper's thread, which runs everything else here.
 */
final class OutboundStream implements ClientResponseObserver<AgentFrame, CollectorFrame> {
  /** Batches sent and not yet acknowledged, at most; the collector asks for frames 32 at a time. */
  static final int MAX_IN_FLIGHT = 32;

  /** What the stream tells its owner; called on the shipper's thread. */
  interface Owner {
    void acked(OutboundStream stream, long seq);

    void ended(OutboundStream stream, Throwable error);
  }

  private final Owner owner;
  private final SpoolReader reader;
  private final ScheduledExecutorService thread;
  private final TokenBucket pace;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final long[] inFlight = new long[MAX_IN_FLIGHT];
  private int inFlightHead;
  private int inFlightCount;
  private ClientCallStreamObserver<AgentFrame> requests;
  private AgentFrame held;
  private boolean caughtUp;
  private boolean drainScheduled;
  private long lastSentSeq;

  OutboundStream(Owner owner, SpoolReader reader, ScheduledExecutorService thread, Clock clock) {
    this.owner = owner;
    this.reader = reader;
    this.thread = thread;
    this.pace = new TokenBucket(clock);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentFrame> requestStream) {
    requests = requestStream;
    requestStream.setOnReadyHandler(() -> post(this::drain));
  }

  /** Sends a frame that is not a batch (Hello, Goodbye) at once, ready or not. */
  void send(AgentFrame frame) {
    requests.onNext(frame);
  }

  /** Half-closes the stream after Goodbye. */
  void complete() {
    requests.onCompleted();
  }

  /** Highest seq sent on this stream, 0 before the first batch. */
  long lastSentSeq() {
    return lastSentSeq;
  }

  /** Sends what the spool holds until flow control, the in-flight bound or the pace stops it. */
  void drain() {
    while (requests.isReady() && inFlightCount < MAX_IN_FLIGHT) {
      AgentFrame frame = held != null ? held : reader.next();
      held = null;
      if (frame == null) {
        caughtUp = true;
        return;
      }
      if (frame.hasBatch() && !caughtUp && !pace.tryTake()) {
        held = frame;
        scheduleDrain(pace.millisUntilNextToken());
        return;
      }
      requests.onNext(frame);
      if (frame.hasBatch()) {
        lastSentSeq = frame.getBatch().getSeq();
        inFlight[(inFlightHead + inFlightCount++) % MAX_IN_FLIGHT] = lastSentSeq;
      }
    }
  }

  private void scheduleDrain(long delayMs) {
    if (!drainScheduled) {
      drainScheduled = true;
      thread.schedule(
          () -> {
            drainScheduled = false;
            drain();
          },
          delayMs,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Forgets the batches up to {@code seq}: they no longer count against the in-flight bound. */
  void acknowledged(long seq) {
    while (inFlightCount > 0 && inFlight[inFlightHead] <= seq) {
      inFlightHead = (inFlightHead + 1) % MAX_IN_FLIGHT;
      inFlightCount--;
    }
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
    post(() -> handle(frame));
  }

  private void handle(CollectorFrame frame) {
    if (frame.hasPace()) {
      pace.setRate(Integer.toUnsignedLong(frame.getPace().getReplayBatchesPerSecond()));
    } else if (frame.hasAck()) {
      owner.acked(this, frame.getAck().getSeq());
    }
  }

  @Override
  public void onError(Throwable error) {
    ended.countDown();
    post(() -> owner.ended(this, error));
  }

  /** Runs {@code task} on the shipper's thread, unless the shipper has closed. */
  private void post(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      // The shipper closed; a late callback has nothing left to do.
    }
  }

  @Override
  public void onCompleted() {
    ended.countDown();
    post(() -> owner.ended(this, null));
  }
}
