package dev.vigil.agent.collector.patch;

/** How many package upgrades wait to be installed, split into security and other. */
record PendingUpdates(int security, int other) {

  /** Rejects negative counts: a source that cannot count must fail instead. */
  PendingUpdates {
    if (security < 0 || other < 0) {
      throw new IllegalArgumentException("pending counts must be >= 0");
    }
  }
}
