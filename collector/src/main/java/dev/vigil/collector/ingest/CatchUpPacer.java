package dev.vigil.collector.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares one fleet-wide replay budget (batches per second) among the streams that are catching up
 * after an outage. When a site's network returns, thousands of agents reconnect with days of
 * spooled batches each; without a shared budget they would all replay at full speed at once and
 * starve the live ticks of every other host.
 *
 * <p>Streams announce their backlog in {@code Hello.backlog_batches}; each gets {@code budget / n}
 * batches per second while {@code n} streams are catching up, at least one. The budget is a hint
 * the agent honours, not an enforcement: flow control ({@code request(n)}) bounds the rest.
 */
public final class CatchUpPacer {
  private final int budget;
  private final AtomicInteger catchingUp;

  /**
   * @param budget batches per second shared by all streams catching up; 0 turns pacing off
   * @param catchingUp number of streams catching up, shared with the metrics that expose it
   */
  public CatchUpPacer(int budget, AtomicInteger catchingUp) {
    if (budget < 0) {
      throw new IllegalArgumentException("catch-up budget must not be negative: " + budget);
    }
    this.budget = budget;
    this.catchingUp = catchingUp;
  }

  /** Whether streams are paced at all. */
  boolean enabled() {
    return budget > 0;
  }

  void join() {
    catchingUp.incrementAndGet();
  }

  void leave() {
    catchingUp.decrementAndGet();
  }

  /** The rate one stream catching up may send now. */
  int share() {
    return Math.max(1, budget / Math.max(1, catchingUp.get()));
  }
}
