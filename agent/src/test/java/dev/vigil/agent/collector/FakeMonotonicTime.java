package dev.vigil.agent.collector;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * A clock that moves only when a test (or a test collector) advances it. Its waits sleep at most a
 * millisecond of real time, so the runner re-reads the fake clock soon after someone advances it;
 * what the runner decides depends only on the fake clock, never on how fast this machine is.
 */
final class FakeMonotonicTime implements MonotonicTime {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AtomicLong now = new AtomicLong();

  void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void awaitNanos(Condition condition, long nanos) throws InterruptedException {
    condition.awaitNanos(Math.min(nanos, POLL_NANOS));
  }
}
