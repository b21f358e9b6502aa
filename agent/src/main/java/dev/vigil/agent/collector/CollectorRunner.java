package dev.vigil.agent.collector;

import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs each collector at its {@link Tier}'s cadence on worker threads, so slow or hung work never
 * holds up the tick thread or the other collectors.
 *
 * <p>One tick: start every collector that is due and not still running, wait until those runs end
 * or the tick budget (the tick tier's timeout, a third of the interval) is spent, then report. The
 * report holds, in registry order, each collector's latest good samples and its {@code
 * vigil_agent_collector_success} and {@code _duration_seconds}. A run still out when the tick stops
 * waiting goes on in the background; once it has outlived its tier's timeout the collector is
 * reported failed (duration = how long the run has taken so far), logged once, and not started
 * again until that run returns. Then it runs at its next due tick and recovers.
 *
 * <p>Why slower tiers repeat their samples: the Vigil collector (the server) exposes a series only
 * for 5 minutes after its last value (per-series staleness), so a daily inventory sent once would
 * vanish; repeating the last good samples in every batch keeps them fresh, and the spool's compact
 * encoding of unchanged values makes the repeats nearly free. A collector that fails (throws, or
 * outlives its timeout) loses its repeated samples at once, so a broken file system never goes on
 * reporting its last sizes as current; the server then shows the last ones for its 5-minute
 * staleness window and no longer.
 *
 * <p>Threads: a hung call such as {@code stat()} on a dead NFS mount cannot be interrupted, so its
 * thread is lost until the call returns; runs are not interrupted, which would not free such a call
 * and elsewhere would only turn a slow read into a ClosedByInterruptException. Because a collector
 * still running is never started again, at most one run per collector is ever out: the pool needs
 * at most one thread per collector, however many ticks a hang lasts. Idle workers stay for {@link
 * #IDLE_WORKER_KEEP_ALIVE}, so ticks reuse them rather than create threads.
 */
public final class CollectorRunner implements AutoCloseable {
  static final Metric SUCCESS =
      Metric.gauge("vigil_agent_collector_success", "vigil_agent: Whether a collector succeeded.");
  static final Metric DURATION =
      Metric.gauge(
          "vigil_agent_collector_duration_seconds", "vigil_agent: Duration of a collector run.");

  /** Ticks assumed by a one-off run ({@link #CollectorRunner(List)}): the default interval. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  /** How long an idle worker thread waits for work: longer than any sensible tick interval. */
  static final Duration IDLE_WORKER_KEEP_ALIVE = Duration.ofMinutes(10);

  private final List<RunSlot> slots;
  private final ExecutorService workers;
  private final MonotonicTime time;
  private final long tickBudgetNanos;
  private final FailureLog failures = new FailureLog();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition runEnded = lock.newCondition();
  private long tick;

  /**
   * Runs {@code collectors} on {@code workers} for ticks {@code interval} apart.
   *
   * @param workers must accept one task per collector at once; closed by {@link #close()}
   */
  CollectorRunner(
      List<TieredCollector> collectors,
      Duration interval,
      ExecutorService workers,
      MonotonicTime time) {
    this.slots = collectors.stream().map(c -> new RunSlot(c, interval)).toList();
    this.workers = workers;
    this.time = time;
    this.tickBudgetNanos = Tier.TICK.timeout(interval).toNanos();
  }

  /**
   * Runs {@code collectors} for a one-off tick such as {@code vigil-agent once}, where every
   * collector runs at the first tick whatever its tier: all in the tick tier, with the tick budget
   * of the default 15 s interval.
   */
  public CollectorRunner(List<Collector> collectors) {
    this(
        collectors.stream().map(c -> new TieredCollector(Tier.TICK, c)).toList(),
        DEFAULT_INTERVAL,
        workerPool(collectors.size()),
        MonotonicTime.SYSTEM);
  }

  /** Runs all registered collectors against {@code context}, for ticks {@code interval} apart. */
  public static CollectorRunner forContext(CollectorContext context, Duration interval) {
    List<TieredCollector> collectors = Collectors.createTiered(context);
    return new CollectorRunner(
        collectors, interval, workerPool(collectors.size()), MonotonicTime.SYSTEM);
  }

  /**
   * Daemon threads created on demand up to one per collector; a hand-off queue, so a run starts at
   * once on an idle or new thread and never waits behind a hung one.
   */
  static ExecutorService workerPool(int collectors) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Math.max(1, collectors),
        IDLE_WORKER_KEEP_ALIVE.toNanos(),
        TimeUnit.NANOSECONDS,
        new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "vigil-collector-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Collects one tick: starts the due collectors, waits at most the tick budget for them, and
   * returns every collector's latest good samples followed by the per-collector self metrics.
   */
  public List<Sample> collect() {
    long start = time.nanoTime();
    List<RunSlot> started = startDue(start);
    awaitRuns(started, start + tickBudgetNanos);
    return report(time.nanoTime());
  }

  /**
   * Closes the collectors that hold threads or handles of their own (such as the patch scanner) and
   * stops the worker threads; a hung run keeps its thread until its call returns.
   */
  @Override
  public void close() {
    for (RunSlot slot : slots) {
      if (slot.collector() instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          failures.report(slot.collector().name(), e);
        }
      }
    }
    workers.shutdownNow();
  }

  /** Reasons collectors failed, each logged once; tests check what was logged. */
  FailureLog failures() {
    return failures;
  }

  private List<RunSlot> startDue(long now) {
    List<RunSlot> due = new ArrayList<>(slots.size());
    lock.lock();
    try {
      tick++;
      for (RunSlot slot : slots) {
        if (slot.due(tick)) {
          slot.start(tick, now);
          due.add(slot);
        }
      }
    } finally {
      lock.unlock();
    }
    for (RunSlot slot : due) {
      try {
        workers.execute(() -> run(slot));
      } catch (RejectedExecutionException e) {
        end(slot, null, e);
      }
    }
    return due;
  }

  /** On a worker: runs the collector into a private buffer, so a failed run adds nothing. */
  private void run(RunSlot slot) {
    SampleList own = new SampleList();
    Exception failure = null;
    boolean returned = false;
    try {
      slot.collector().collect(own);
      returned = true;
    } catch (Exception e) {
      failure = e;
    } finally {
      end(slot, returned ? List.copyOf(own.samples()) : null, failure);
    }
  }

  private void end(RunSlot slot, List<Sample> samples, Exception failure) {
    boolean logTimeout;
    lock.lock();
    try {
      logTimeout = slot.finish(samples, time.nanoTime()) && slot.firstTimeoutNotice();
      runEnded.signalAll();
    } finally {
      lock.unlock();
    }
    String name = slot.collector().name();
    if (failure != null) {
      failures.report(name, failure);
    } else if (logTimeout) {
      failures.report(name, slot.timeoutFailure());
    }
  }

  /** Waits until none of {@code started} is running or the deadline passes. */
  private void awaitRuns(List<RunSlot> started, long deadline) {
    lock.lock();
    try {
      while (anyRunning(started)) {
        long left = deadline - time.nanoTime();
        if (left <= 0) {
          return;
        }
        time.awaitNanos(runEnded, left);
      }
    } catch (InterruptedException e) {
      // Closing the agent interrupts the tick: report what has arrived.
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private static boolean anyRunning(List<RunSlot> slots) {
    for (RunSlot slot : slots) {
      if (slot.running()) {
        return true;
      }
    }
    return false;
  }

  private List<Sample> report(long now) {
    List<Sample> out = new ArrayList<>();
    SampleList self = new SampleList();
    List<RunSlot> timedOut = new ArrayList<>(0);
    lock.lock();
    try {
      for (RunSlot slot : slots) {
        if (slot.overdue(now) && slot.firstTimeoutNotice()) {
          timedOut.add(slot);
        }
        RunSlot.Outcome outcome = slot.outcomeAt(now);
        if (outcome == null) {
          continue;
        }
        String name = slot.collector().name();
        out.addAll(outcome.samples());
        self.add(DURATION, outcome.seconds(), "collector", name);
        self.add(SUCCESS, outcome.success() ? 1 : 0, "collector", name);
      }
    } finally {
      lock.unlock();
    }
    for (RunSlot slot : timedOut) {
      failures.report(slot.collector().name(), slot.timeoutFailure());
    }
    out.addAll(self.samples());
    return out;
  }
}
