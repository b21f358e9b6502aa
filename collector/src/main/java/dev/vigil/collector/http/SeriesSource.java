package dev.vigil.collector.http;

import dev.vigil.collector.store.SeriesStore;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The store the metrics routes expose and when its series turn stale.
 *
 * @param clock wall-clock milliseconds
 * @param staleAfter how long a series stays exposed after its last value
 */
record SeriesSource(SeriesStore store, LongSupplier clock, Duration staleAfter) {
  /** Series updated before this time (ms since the epoch) are left out of a scrape now. */
  long freshSince() {
    return clock.getAsLong() - staleAfter.toMillis();
  }
}
