package dev.vigil.agent.collector.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, once per tick, whether an install happened and has settled, so a scan runs soon after
 * it. An install shows as a change of {@link PatchSource#lastChange()}; the scan is asked for once
 * the marker has kept still for {@link #QUIET}, because an upgrade writes the package database many
 * times and a scan in the middle of it would see half of it (or wait for its lock).
 */
final class InstallWatcher {
  /** How long the marker must keep still after a change before a scan is asked for. */
  static final Duration QUIET = Duration.ofMinutes(2);

  private final Duration quiet;
  private boolean observed;
  private Optional<Instant> seen = Optional.empty();
  private Instant changedAt;

  /** Asks for a scan once a changed marker has kept still for {@code quiet}. */
  InstallWatcher(Duration quiet) {
    this.quiet = quiet;
  }

  /**
   * Records the marker read at {@code now}; true once per settled change. The first reading is the
   * baseline: the scan at start already covers what happened before it.
   */
  boolean shouldScan(Optional<Instant> marker, Instant now) {
    if (!observed || !Objects.equals(marker, seen)) {
      changedAt = observed ? now : null;
      observed = true;
      seen = marker;
      return false;
    }
    if (changedAt != null && !now.isBefore(changedAt.plus(quiet))) {
      changedAt = null;
      return true;
    }
    return false;
  }
}
