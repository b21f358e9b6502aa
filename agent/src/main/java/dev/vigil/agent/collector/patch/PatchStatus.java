package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scan of a package manager found: pending updates and, when the source knows them, the
 * time of the last successful install and of the last refresh of the package lists.
 */
record PatchStatus(
    PendingUpdates pending, Optional<Instant> lastInstall, Optional<Instant> lastRefresh) {

  /** Requires every part; absent times are empty optionals. */
  PatchStatus {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(lastInstall, "lastInstall");
    Objects.requireNonNull(lastRefresh, "lastRefresh");
  }
}
