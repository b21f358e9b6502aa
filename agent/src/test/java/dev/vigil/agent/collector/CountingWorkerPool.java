package dev.vigil.agent.collector;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A worker pool that counts finished runs, including the runner's bookkeeping after the collector
 * returns, so a test can wait until a run has fully ended instead of sleeping.
 */
final class CountingWorkerPool extends ThreadPoolExecutor {
  static final long WAIT_SECONDS = 10;

  private final Object finishedLock = new Object();
  private int finished;

  CountingWorkerPool() {
    super(0, 16, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
  }

  @Override
  protected void afterExecute(Runnable task, Throwable thrown) {
    synchronized (finishedLock) {
      finished++;
      finishedLock.notifyAll();
    }
  }

  /** Waits, at most {@link #WAIT_SECONDS}, until {@code total} runs have ended since the start. */
  void awaitFinished(int total) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (finishedLock) {
      while (finished < total) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("only " + finished + " of " + total + " runs ended within " + WAIT_SECONDS + " s");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(finishedLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }
}
