package dev.vigil.bench;

import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.CollectorFrame;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One agent as the collector sees it: a stream that says Hello, sends a node_exporter-sized catalog
 * and then a batch of every series each tick, with counters that only grow and gauges that wander a
 * little. It counts every Ack and records how long the latest batch waited for its own.
 */
final class SimulatedAgent implements ClientResponseObserver<AgentFrame, CollectorFrame> {
  /** What all agents of a run count together. */
  record Counters(
      AtomicLong sent, AtomicLong acked, AtomicLong errors, LatencyHistogram ackLatency) {
    Counters() {
      this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new LatencyHistogram());
    }
  }

  private static final long EPOCH = 1;

  private final String host;
  private final Catalog catalog;
  private final boolean[] counter;
  private final double[] values;
  private final SplittableRandom random;
  private final Counters counters;
  private ClientCallStreamObserver<AgentFrame> requests;
  private long seq;
  private volatile long sentSeq;
  private volatile long sentAtNanos;
  private volatile boolean measuring;

  SimulatedAgent(String host, NodeExporterCatalog.Result catalog, long seed, Counters counters) {
    this.host = host;
    this.catalog = catalog.catalog();
    this.counter = catalog.counter();
    this.values = new double[counter.length];
    this.random = new SplittableRandom(seed);
    this.counters = counters;
    for (int i = 0; i < values.length; i++) {
      values[i] = counter[i] ? random.nextInt(1_000_000) : 50 + random.nextInt(20);
    }
    this.seq = System.currentTimeMillis() * 1000;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentFrame> requests) {
    this.requests = requests;
  }

  /** Opens the stream: Hello, then the catalog. */
  synchronized void connect(IngestGrpc.IngestStub stub) {
    stub.stream(this);
    requests.onNext(
        AgentFrame.newBuilder()
            .setHello(
                Hello.newBuilder()
                    .setAgentId(host)
                    .setHostName(host)
                    .setAgentVersion("load-generator")
                    .setBootId("load")
                    .setEpoch(EPOCH)
                    .setOs("linux")
                    .putLabels("role", "load"))
            .build());
    requests.onNext(AgentFrame.newBuilder().setCatalog(catalog).build());
  }

  /** Sends one tick's batch: every series, dense ids from 0. */
  synchronized void tick() {
    Batch.Builder batch =
        Batch.newBuilder()
            .setEpoch(EPOCH)
            .setSeq(++seq)
            .setTimestampMs(System.currentTimeMillis())
            .setFirstSeriesId(0);
    for (int i = 0; i < values.length; i++) {
      values[i] += counter[i] ? random.nextInt(1000) : random.nextDouble() - 0.5;
      batch.addValues(values[i]);
    }
    sentSeq = seq;
    sentAtNanos = System.nanoTime();
    requests.onNext(AgentFrame.newBuilder().setBatch(batch).build());
    if (measuring) {
      counters.sent().incrementAndGet();
    }
  }

  /** Counts from now on. */
  void measure(boolean on) {
    measuring = on;
  }

  /** Says Goodbye and ends the stream. */
  synchronized void close() {
    requests.onNext(
        AgentFrame.newBuilder()
            .setGoodbye(Goodbye.newBuilder().setReason(Goodbye.Reason.REASON_SHUTDOWN))
            .build());
    requests.onCompleted();
  }

  @Override
  public void onNext(CollectorFrame frame) {
    if (!frame.hasAck() || !measuring) {
      return;
    }
    counters.acked().incrementAndGet();
    if (frame.getAck().getSeq() == sentSeq) {
      counters.ackLatency().record(System.nanoTime() - sentAtNanos);
    }
  }

  @Override
  public void onError(Throwable t) {
    counters.errors().incrementAndGet();
    System.err.println(host + ": stream failed: " + t);
  }

  @Override
  public void onCompleted() {}
}
