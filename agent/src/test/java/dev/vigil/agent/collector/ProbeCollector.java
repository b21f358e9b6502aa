package dev.vigil.agent.collector;

import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector a test steers: it reports {@code test_reading{source=<name>}} = the number of its
 * run, and can be told to fail, or to hang (like a stat() on a dead NFS mount) until released.
 */
final class ProbeCollector implements Collector {
  static final Metric READING = Metric.gauge("test_reading", "A reading.");

  private final String name;
  private final AtomicInteger runs = new AtomicInteger();
  private volatile boolean failing;
  private volatile CountDownLatch hangUntil;
  private volatile Runnable onHang;

  ProbeCollector(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** How many times a run has started. */
  int runs() {
    return runs.get();
  }

  /** Makes the next runs throw after adding their reading, which must then be discarded. */
  void failing(boolean value) {
    failing = value;
  }

  /**
   * Makes the next runs call {@code onHang} and then block until {@link #release()} (or the bounded
   * test wait runs out).
   */
  void hang(Runnable onHang) {
    this.onHang = onHang;
    this.hangUntil = new CountDownLatch(1);
  }

  /** Lets a hung run return; later runs return at once. */
  void release() {
    CountDownLatch latch = hangUntil;
    if (latch != null) {
      latch.countDown();
    }
  }

  @Override
  public void collect(MetricSink sink) throws IOException, InterruptedException {
    int run = runs.incrementAndGet();
    sink.add(READING, run, "source", name);
    if (failing) {
      throw new IOException("sensor unreadable");
    }
    CountDownLatch latch = hangUntil;
    if (latch != null && latch.getCount() > 0) {
      onHang.run();
      latch.await(CountingWorkerPool.WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
