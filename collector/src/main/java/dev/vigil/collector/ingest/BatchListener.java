package dev.vigil.collector.ingest;

import dev.vigil.collector.store.HostState;

/** Told about every batch applied to the store, on the ingest thread, right after applying it. */
@FunctionalInterface
public interface BatchListener {
  /**
   * @param host the host the batch belongs to
   * @param timestampMillis the batch's timestamp, on the agent's clock
   * @param catchingUp whether more of the backlog the agent announced in Hello is still to come
   */
  void onBatch(HostState host, long timestampMillis, boolean catchingUp);
}
