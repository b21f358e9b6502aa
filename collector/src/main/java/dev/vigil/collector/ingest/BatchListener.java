package dev.vigil.collector.ingest;

import dev.vigil.collector.store.HostState;

/**
 * Told, on the ingest thread, about every batch applied to the store right after applying it, and
 * when a stream claims a host (its Hello) or releases it (the stream ended).
 */
@FunctionalInterface
public interface BatchListener {
  /**
   * @param host the host the batch belongs to
   * @param timestampMillis the batch's timestamp, on the agent's clock
   * @param catchingUp whether more of the backlog the agent announced in Hello is still to come
   */
  void onBatch(HostState host, long timestampMillis, boolean catchingUp);

  /**
   * A stream said Hello and now owns {@code host}, whose identity is the Hello's. Cold path.
   *
   * @param atMillis the collector's wall time
   */
  default void claimed(HostState host, long atMillis) {}

  /**
   * The stream that owned {@code host} ended and no other has claimed it since. Cold path.
   *
   * @param clean whether its agent said Goodbye first (shut down or asleep, not lost)
   * @param atMillis the collector's wall time
   */
  default void released(HostState host, boolean clean, long atMillis) {}
}
