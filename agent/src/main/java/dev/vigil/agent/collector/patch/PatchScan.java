package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scan, kept by {@link PatchScanner} until the next one: the status when the
 * scan succeeded (a failed scan keeps no older counts), when it finished and how long it took.
 */
record PatchScan(Optional<PatchStatus> status, Instant finishedAt, double durationSeconds) {

  /** Requires every part; a failed scan has an empty status. */
  PatchScan {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** Whether the source answered within the timeout. */
  boolean success() {
    return status.isPresent();
  }
}
