package dev.vigil.agent.ship;

import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.spool.Spool;
import dev.vigil.agent.spool.SpoolWriter;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every tick through the disk spool: the tick thread appends to the spool and returns, and
 * the shipper's own thread streams the spool to one collector, from the oldest batch not yet
 * acknowledged on. It reconnects with backoff when the stream ends, resending everything after the
 * highest acknowledged seq (the collector ignores what it already applied), and says Goodbye on
 * close.
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
  private final Spool spool;
  private final SpoolWriter writer;
  private final Clock clock;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread shipping = new Thread(runnable, "vigil-ship");
            shipping.setDaemon(true);
            return shipping;
          });

  private final OutboundStream.Owner events =
      new OutboundStream.Owner() {
        @Override
        public void acked(OutboundStream stream, long seq) {
          onAck(stream, seq);
        }

        @Override
        public void ended(OutboundStream stream, Throwable error) {
          onEnd(stream, error);
        }
      };

  // Confined to the shipper's thread.
  private OutboundStream current;
  private boolean closed;
  private boolean outageLogged;
  private ScheduledFuture<?> pendingReconnect;

  // Confined to the tick thread.
  private boolean appendFailureLogged;

  /**
   * @param hello the Hello of every stream; its epoch and backlog are filled in at each connect
   */
  Shipper(ManagedChannel channel, Hello hello, Backoff backoff, Spool spool, Clock clock) {
    this.channel = channel;
    this.stub = IngestGrpc.newStub(channel);
    this.hello = hello;
    this.backoff = backoff;
    this.spool = spool;
    this.writer = new SpoolWriter(spool, SpoolWriter.KEYFRAME_INTERVAL);
    this.clock = clock;
  }

  /**
   * Starts shipping {@code spool} through {@code channel} (see {@link CollectorChannels}); closing
   * the shipper shuts the channel down.
   */
  public static Shipper start(ManagedChannel channel, Hello hello, Spool spool) {
    Backoff backoff = new Backoff(INITIAL_BACKOFF, MAX_BACKOFF, new Random());
    Shipper shipper = new Shipper(channel, hello, backoff, spool, Clock.systemUTC());
    shipper.connect();
    return shipper;
  }

  /**
   * Spools one tick and wakes the sender. Never waits for the network; a tick the disk refuses is
   * logged (once until the disk accepts again) and lost.
   */
  public void ship(List<Sample> samples, long timestampMs) {
    try {
      writer.append(samples, timestampMs);
      if (appendFailureLogged) {
        LOG.info("spooling works again");
        appendFailureLogged = false;
      }
    } catch (IOException e) {
      if (!appendFailureLogged) {
        LOG.warn("cannot spool a tick; ticks are lost until the disk accepts them again", e);
        appendFailureLogged = true;
      }
      return;
    }
    post(this::drain);
  }

  /** Highest seq the collector acknowledged, also in an earlier run; 0 before the first ack. */
  public long highestAckedSeq() {
    return spool.ackedSeq();
  }

  /** Opens a stream, on the shipper's thread. */
  void connect() {
    post(this::openStream);
  }

  private void openStream() {
    if (closed) {
      return;
    }
    // The channel keeps its own, slower reconnect backoff (up to minutes); ours decides the pace.
    channel.resetConnectBackoff();
    long acked = spool.ackedSeq();
    OutboundStream stream = new OutboundStream(events, spool.reader(acked), thread, clock);
    current = stream;
    stub.stream(stream);
    Hello first =
        hello.toBuilder().setEpoch(spool.epoch()).setBacklogBatches(spool.backlog(acked)).build();
    stream.send(AgentFrame.newBuilder().setHello(first).build());
    stream.drain();
  }

  private void drain() {
    if (current != null && !closed) {
      current.drain();
    }
  }

  private void onAck(OutboundStream stream, long seq) {
    try {
      spool.acknowledge(seq);
    } catch (IOException e) {
      LOG.warn("cannot record ack {} in the spool", seq, e);
    }
    stream.acknowledged(seq);
    backoff.reset();
    if (outageLogged) {
      LOG.info("stream to collector re-established");
      outageLogged = false;
    }
    if (stream == current && !closed) {
      stream.drain();
    }
  }

  private void onEnd(OutboundStream stream, Throwable error) {
    if (stream != current || closed) {
      return;
    }
    current = null;
    Duration delay = backoff.nextDelay();
    if (!outageLogged) {
      LOG.warn(
          "stream to collector ended ({}); spooling and reconnecting with backoff",
          error == null ? "completed by the collector" : error.toString());
      outageLogged = true;
    }
    LOG.debug("reconnecting in {} ms", delay.toMillis());
    pendingReconnect = thread.schedule(this::openStream, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Leaves as a shutdown: {@link #close(Goodbye.Reason)} with {@code REASON_SHUTDOWN}. */
  @Override
  public void close() {
    close(Goodbye.Reason.REASON_SHUTDOWN);
  }

  /**
   * Sends Goodbye with {@code reason} and half-closes the stream, waits briefly for the collector,
   * then disconnects. The spool keeps whatever was not acknowledged for the next run.
   */
  public void close(Goodbye.Reason reason) {
    if (thread.isShutdown()) {
      return;
    }
    OutboundStream leaving = null;
    try {
      leaving =
          thread
              .submit(() -> sayGoodbye(reason))
              .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not say Goodbye to the collector", e);
    }
    if (leaving != null) {
      leaving.awaitEnd(CLOSE_TIMEOUT);
    }
    thread.shutdownNow();
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

  private OutboundStream sayGoodbye(Goodbye.Reason reason) {
    if (closed) {
      return null;
    }
    closed = true;
    if (pendingReconnect != null) {
      pendingReconnect.cancel(false);
    }
    OutboundStream leaving = current;
    current = null;
    if (leaving != null) {
      Goodbye goodbye =
          Goodbye.newBuilder().setReason(reason).setLastSeq(leaving.lastSentSeq()).build();
      leaving.send(AgentFrame.newBuilder().setGoodbye(goodbye).build());
      leaving.complete();
    }
    return leaving;
  }

  /** Runs {@code task} on the shipper's thread; after close there is nothing left to run. */
  private void post(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: the tick is spooled for the next run.
    }
  }
}
