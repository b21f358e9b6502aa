package dev.vigil.agent.collector.patch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PatchSource}'s slow scan on daemon threads of its own, never on the tick thread:
 * once at {@link #start()}, then every {@link #INTERVAL}, and when {@link #scanSoon()} asks (after
 * an install). Scans run one at a time on the scheduler thread. A scan that outlives {@link
 * #TIMEOUT} is interrupted and reported failed. The latest outcome is an immutable record in a
 * volatile field, so reading it on the tick costs nothing.
 */
final class PatchScanner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PatchScanner.class);

  /** Time between the end of one scan and the start of the next. */
  static final Duration INTERVAL = Duration.ofHours(6);

  /** Longest a scan may run before it counts as failed. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final PatchSource source;
  private final Clock clock;
  private final Duration interval;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch firstScan = new CountDownLatch(1);
  private volatile PatchScan latest;

  /** Scans {@code source} every {@code interval}, each scan bounded by {@code timeout}. */
  PatchScanner(PatchSource source, Clock clock, Duration interval, Duration timeout) {
    this.source = source;
    this.clock = clock;
    this.interval = interval;
    this.timeout = timeout;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("vigil-patch-scheduler"));
    // A scan that ignores interruption keeps its thread; the next scan gets a fresh one.
    this.workers = Executors.newCachedThreadPool(daemon("vigil-patch-scan"));
  }

  /**
   * Schedules the first scan now and the next ones every interval; later calls, and calls after
   * {@link #close()}, do nothing.
   */
  void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.scheduleWithFixedDelay(this::scanOnce, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("patch scanner closed before it started");
    }
  }

  /** Queues one extra scan after any running one; does nothing before start or after close. */
  void scanSoon() {
    if (!started.get()) {
      return;
    }
    try {
      scheduler.execute(this::scanOnce);
    } catch (RejectedExecutionException e) {
      LOG.debug("patch scanner closed; extra scan dropped");
    }
  }

  /** The newest outcome, or null before the first scan has finished. */
  PatchScan latest() {
    return latest;
  }

  /**
   * Starts the scanner and waits at most {@code timeout} for the first scan to finish; the newest
   * outcome, or null when none finished in time.
   */
  PatchScan awaitFirst(Duration timeout) throws InterruptedException {
    start();
    firstScan.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return latest;
  }

  /** Runs one scan on a worker thread, waits at most the timeout and publishes the outcome. */
  PatchScan scanOnce() {
    long start = System.nanoTime();
    Future<PatchStatus> running = workers.submit(source::scan);
    Optional<PatchStatus> status = Optional.empty();
    try {
      status = Optional.of(running.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      running.cancel(true);
      LOG.warn("patch scan by {} timed out after {}", source.name(), timeout);
    } catch (ExecutionException e) {
      LOG.warn("patch scan by {} failed", source.name(), e.getCause());
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PatchScan scan = new PatchScan(status, clock.instant(), seconds);
    latest = scan;
    firstScan.countDown();
    return scan;
  }

  /** Stops scheduling and interrupts a running scan. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
