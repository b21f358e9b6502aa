package dev.vigil.collector.periodic;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on a daemon thread of its own, with a fixed delay between runs, until closed. A run
 * that throws is logged and the next one still comes: a scheduled executor would otherwise stop
 * repeating the task for good, silently.
 */
public final class PeriodicTask implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final ScheduledExecutorService executor;
  private final String name;
  private final Duration closeWait;

  private PeriodicTask(String name, Duration closeWait) {
    this.name = name;
    this.closeWait = closeWait;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts running {@code task} on a thread named {@code name}.
   *
   * @param firstAfter how long before the first run
   * @param period the delay between the end of one run and the start of the next
   * @param closeWait how long {@link #close()} lets a run in progress finish before interrupting it
   */
  public static PeriodicTask start(
      String name, Duration firstAfter, Duration period, Duration closeWait, Runnable task) {
    PeriodicTask periodic = new PeriodicTask(name, closeWait);
    periodic.executor.scheduleWithFixedDelay(
        () -> periodic.runLogged(task, period),
        firstAfter.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
    return periodic;
  }

  private void runLogged(Runnable task, Duration period) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("{} failed; it runs again in {}", name, period, e);
    }
  }

  /** Stops the runs; one in progress may finish within the close wait, then it is interrupted. */
  @Override
  public void close() {
    closeAll(List.of(this));
  }

  /**
   * Closes {@code tasks} together: all stop at once, so their runs in progress finish side by side
   * within one close wait (the longest of theirs), not one after the other.
   */
  public static void closeAll(List<PeriodicTask> tasks) {
    tasks.forEach(task -> task.executor.shutdown());
    long deadline =
        System.nanoTime()
            + tasks.stream().mapToLong(task -> task.closeWait.toNanos()).max().orElse(0);
    boolean interrupted = false;
    for (PeriodicTask task : tasks) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (interrupted || !task.executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          task.executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        interrupted = true;
        task.executor.shutdownNow();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
