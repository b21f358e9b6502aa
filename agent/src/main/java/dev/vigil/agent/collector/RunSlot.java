package dev.vigil.agent.collector;

import dev.vigil.agent.metric.Sample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One collector as the runner schedules it: when it is next due, whether a run of it is out, and
 * the outcome of its latest run. Not thread-safe: the runner guards every call with its lock.
 */
final class RunSlot {
  private static final double NANOS_PER_SECOND = 1e9;

  /** What a run produced: its samples (none when it failed), success and duration. */
  record Outcome(List<Sample> samples, boolean success, double seconds) {
    static Outcome failure(long nanos) {
      return new Outcome(List.of(), false, nanos / NANOS_PER_SECOND);
    }
  }

  private final Collector collector;
  private final long everyTicks;
  private final Duration timeout;
  private final long timeoutNanos;
  private boolean everStarted;
  private long lastStartTick;
  private boolean running;
  private long startedAt;
  private boolean timeoutLogged;
  private Outcome latest;

  RunSlot(TieredCollector tiered, Duration interval) {
    this.collector = tiered.collector();
    this.everyTicks = tiered.tier().everyTicks(interval);
    this.timeout = tiered.tier().timeout(interval);
    this.timeoutNanos = timeout.toNanos();
  }

  Collector collector() {
    return collector;
  }

  /** True when idle and its tier's number of ticks has passed since its last start. */
  boolean due(long tick) {
    return !running && (!everStarted || tick - lastStartTick >= everyTicks);
  }

  boolean running() {
    return running;
  }

  void start(long tick, long now) {
    everStarted = true;
    lastStartTick = tick;
    running = true;
    startedAt = now;
    timeoutLogged = false;
  }

  /**
   * Ends the run that started at {@link #start}: {@code samples} when the collector returned, null
   * when it failed. A run that outlived its timeout failed even if it returned, and its samples are
   * dropped: they describe a moment long past.
   *
   * @return true when the run outlived its timeout
   */
  boolean finish(List<Sample> samples, long now) {
    running = false;
    long took = now - startedAt;
    boolean late = took >= timeoutNanos;
    latest =
        samples != null && !late
            ? new Outcome(samples, true, took / NANOS_PER_SECOND)
            : Outcome.failure(took);
    return late;
  }

  /** True while a run is out and has outlived its timeout. */
  boolean overdue(long now) {
    return running && now - startedAt >= timeoutNanos;
  }

  /**
   * What a tick at {@code now} reports: an overdue run as a failure that has lasted so far (the
   * cached samples are not repeated), otherwise the latest outcome, which a run still within its
   * timeout leaves in place. Null before the first run has ended or timed out.
   */
  Outcome outcomeAt(long now) {
    return overdue(now) ? Outcome.failure(now - startedAt) : latest;
  }

  /** True once per run, so a run that outlives its timeout is logged once however long it hangs. */
  boolean firstTimeoutNotice() {
    boolean first = !timeoutLogged;
    timeoutLogged = true;
    return first;
  }

  /** The failure a run past its timeout is logged as; its text is the same for every such run. */
  TimeoutException timeoutFailure() {
    return new TimeoutException("did not finish within " + timeout.toMillis() + " ms");
  }
}
