package dev.vigil.collector.incident.store;

import dev.vigil.collector.periodic.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Keeps the incident store from growing without end: once an hour, incidents resolved longer ago
 * than the retention are deleted with their audit trail and notices, a batch per transaction so the
 * writer is never held long. Counted in {@code vigil_incidents_pruned_total}.
 */
public final class IncidentRetention implements AutoCloseable {
  /** How often it runs; the first run comes a minute after the start. */
  static final Duration PERIOD = Duration.ofHours(1);

  private static final Duration FIRST_RUN = Duration.ofMinutes(1);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  static final int BATCH = 500;

  private final IncidentStore store;
  private final Duration keep;
  private final InstantSource clock;
  private final Counter pruned;
  private PeriodicTask task;

  /**
   * @param keep how long a resolved incident is kept; zero keeps them all
   */
  public IncidentRetention(
      IncidentStore store, Duration keep, InstantSource clock, MeterRegistry registry) {
    this.store = store;
    this.keep = keep;
    this.clock = clock;
    this.pruned =
        Counter.builder("vigil.incidents.pruned")
            .description("Resolved incidents deleted after the retention, with their history")
            .register(registry);
  }

  /** Deletes what is due, batch after batch; returns how many incidents it deleted. */
  public int pruneDue() {
    if (keep.isZero()) {
      return 0;
    }
    Instant before = clock.instant().minus(keep);
    int total = 0;
    int deleted;
    do {
      deleted = store.prune(before, BATCH).join();
      total += deleted;
    } while (deleted == BATCH);
    pruned.increment(total);
    return total;
  }

  /** Runs {@link #pruneDue()} every hour on a thread of its own until closed. */
  public synchronized void schedule() {
    if (task == null && !keep.isZero()) {
      task = PeriodicTask.start("vigil-retention", FIRST_RUN, PERIOD, CLOSE_WAIT, this::pruneDue);
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.close();
    }
  }
}
