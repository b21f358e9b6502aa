package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One package manager: apt, dnf/yum, zypper or the Windows Update Agent. {@link #scan()} is slow
 * and runs only on the {@link PatchScanner}'s threads; the live reboot methods and {@link
 * #lastChange()} are cheap and run on every tick, so the reboot signal clears by itself after a
 * reboot and an install is noticed within a tick.
 */
interface PatchSource {

  /** Short name of the package manager, such as {@code apt}. */
  String name();

  /** Asks the package manager what is pending; may take minutes, and is interrupted on timeout. */
  PatchStatus scan() throws Exception;

  /** Every reboot reason read live on each tick, so each is emitted as 0 while it is not set. */
  List<String> rebootReasons();

  /** The live reboot reasons set right now; a subset of {@link #rebootReasons()}. */
  Set<String> pendingRebootReasons() throws Exception;

  /**
   * Reboot reasons that only a scan can tell (a command too slow for the tick, or a COM call),
   * reported from the latest successful scan in {@link PatchStatus#scannedRebootReasons()}.
   */
  default List<String> scannedRebootReasons() {
    return List.of();
  }

  /** How many packages ask for a reboot right now, when a cheap live read can tell. */
  default OptionalInt pendingRebootPackages() throws IOException {
    return OptionalInt.empty();
  }

  /**
   * A cheap marker that changes when packages are installed (the package database's mtime, say), so
   * an install triggers a scan; empty when the source has none.
   */
  Optional<Instant> lastChange() throws IOException;
}
