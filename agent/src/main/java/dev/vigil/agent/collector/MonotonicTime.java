package dev.vigil.agent.collector;

import java.util.concurrent.locks.Condition;

/**
 * The runner's view of time: a monotonic clock and a wait measured against it. Tests substitute a
 * clock they advance by hand, so no test depends on how fast this machine is.
 */
interface MonotonicTime {

  /** {@link System#nanoTime()} and a plain timed wait. */
  MonotonicTime SYSTEM =
      new MonotonicTime() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void awaitNanos(Condition condition, long nanos) throws InterruptedException {
          condition.awaitNanos(nanos);
        }
      };

  /** Nanoseconds from an arbitrary origin, never going back. */
  long nanoTime();

  /**
   * Waits on {@code condition}, whose lock the caller holds, until it is signalled or at most
   * {@code nanos} of this clock pass; may return early, so callers re-check their deadline.
   */
  void awaitNanos(Condition condition, long nanos) throws InterruptedException;
}
