package dev.vigil.collector.fleet;

import dev.vigil.collector.incident.store.FleetHost;
import dev.vigil.collector.incident.store.FleetTable;
import dev.vigil.collector.ingest.BatchListener;
import dev.vigil.collector.periodic.PeriodicTask;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the fleet in the {@link FleetTable} as streams claim and release hosts, in front of the
 * listener it passes everything on to (the rule engine). A batch goes straight through: the
 * last-seen times of the hosts that are up are written once a {@link #REFRESH_PERIOD} by {@link
 * #refresh()}, in one transaction, never per batch. Writes are handed to the store's writer thread
 * without waiting; one that fails is logged there.
 *
 * <p>The same refresh reads the table back, for collectors that share it: a host whose agent failed
 * over to another collector is marked up elsewhere, so that its stream ending here opens no {@code
 * HostOffline} while it streams there. It counts as lost again once that collector stops moving its
 * last-seen time for {@link #FRESH} (that collector died) or records it lost or shut down.
 */
public final class FleetRecorder implements BatchListener, AutoCloseable {
  /** How often the last-seen times of connected hosts are written. */
  public static final Duration REFRESH_PERIOD = Duration.ofMinutes(1);

  /**
   * How recent another collector's last-seen time of a host it has up must be for the host to count
   * as up there: three of its refreshes, so one late or failed refresh does not page.
   */
  static final Duration FRESH = REFRESH_PERIOD.multipliedBy(3);

  private static final Logger log = LoggerFactory.getLogger(FleetRecorder.class);

  private final FleetTable table;
  private final SeriesStore store;
  private final BatchListener next;
  private final LongSupplier clock;
  private PeriodicTask refresher;

  /**
   * @param table where the fleet is recorded
   * @param store the hosts whose last-seen times {@link #refresh()} writes
   * @param next told everything this recorder is told, first
   * @param clock the collector's clock, in epoch milliseconds
   */
  public FleetRecorder(
      FleetTable table, SeriesStore store, BatchListener next, LongSupplier clock) {
    this.table = table;
    this.store = store;
    this.next = next;
    this.clock = clock;
  }

  @Override
  public void onBatch(HostState host, long timestampMillis, boolean catchingUp) {
    next.onBatch(host, timestampMillis, catchingUp);
  }

  @Override
  public void claimed(HostState host, long atMillis) {
    next.claimed(host, atMillis);
    HostIdentity hello = host.identity();
    logFailure(
        table.claimed(
            host.name(),
            hello.labels(),
            hello.agentVersion(),
            hello.os(),
            Instant.ofEpochMilli(atMillis)),
        host.name());
  }

  @Override
  public void released(HostState host, boolean clean, long atMillis) {
    next.released(host, clean, atMillis);
    logFailure(
        table.released(
            host.name(),
            clean,
            Instant.ofEpochMilli(host.lastSeenMillis()),
            Instant.ofEpochMilli(atMillis)),
        host.name());
  }

  /**
   * Writes the last-seen time of every host a stream delivers, then marks which of the others are
   * up on another collector; returns how many hosts are up here.
   */
  public int refresh() {
    Map<String, Instant> lastSeen = new HashMap<>();
    for (HostState host : store.hosts()) {
      if (host.up()) {
        lastSeen.put(host.name(), Instant.ofEpochMilli(host.lastSeenMillis()));
      }
    }
    if (!lastSeen.isEmpty()) {
      logFailure(table.seen(lastSeen), lastSeen.size() + " hosts");
    }
    Instant now = Instant.ofEpochMilli(clock.getAsLong());
    for (FleetHost row : table.hosts()) {
      HostState host = store.find(row.name());
      if (host != null) {
        host.upElsewhere(upElsewhere(table, row, now));
      }
    }
    return lastSeen.size();
  }

  /**
   * Whether, at {@code now}, another collector than the one {@code table} acts for has the host of
   * {@code row} up: the one rule the refresh, the seeder and forgetting a host go by.
   */
  static boolean upElsewhere(FleetTable table, FleetHost row, Instant now) {
    return row.upElsewhere(table.collector(), now, FRESH);
  }

  private static void logFailure(CompletableFuture<Void> write, String hosts) {
    write.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            log.error("could not record the fleet's change for {}", hosts, failure);
          }
        });
  }

  /** Runs {@link #refresh()} every {@link #REFRESH_PERIOD} on a thread of its own until closed. */
  public synchronized void schedule() {
    if (refresher == null) {
      refresher =
          PeriodicTask.start(
              "vigil-fleet", REFRESH_PERIOD, REFRESH_PERIOD, REFRESH_PERIOD, this::refresh);
    }
  }

  /** Stops the refresh; one in progress finishes first. Writes already handed over still land. */
  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.close();
    }
  }
}
