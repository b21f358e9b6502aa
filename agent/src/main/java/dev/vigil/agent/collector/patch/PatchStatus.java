package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one scan of a package manager found: pending updates and, when the source knows them, the
 * pending security updates by severity, the release time of the oldest pending security update, the
 * time of the last successful install and of the last refresh of the package lists, and the reboot
 * reasons and reboot-requesting package count that only a scan can tell.
 *
 * @param securityBySeverity pending security updates per severity; empty when the source knows no
 *     severity, otherwise one entry per {@link Severity} summing to {@code pending.security()}
 * @param scannedRebootReasons the {@link PatchSource#scannedRebootReasons()} set at scan time
 * @param rebootPackages how many packages asked for the reboot, when the scan can tell
 */
record PatchStatus(
    PendingUpdates pending,
    Map<Severity, Integer> securityBySeverity,
    Optional<Instant> oldestSecurityRelease,
    Optional<Instant> lastInstall,
    Optional<Instant> lastRefresh,
    Set<String> scannedRebootReasons,
    OptionalInt rebootPackages) {

  /** Requires every part; absent values are empty optionals or collections. */
  PatchStatus {
    Objects.requireNonNull(pending, "pending");
    securityBySeverity = Map.copyOf(securityBySeverity);
    Objects.requireNonNull(oldestSecurityRelease, "oldestSecurityRelease");
    Objects.requireNonNull(lastInstall, "lastInstall");
    Objects.requireNonNull(lastRefresh, "lastRefresh");
    scannedRebootReasons = Set.copyOf(scannedRebootReasons);
    Objects.requireNonNull(rebootPackages, "rebootPackages");
  }

  /** A status from a source that knows neither severity, release dates nor scanned reboots. */
  PatchStatus(
      PendingUpdates pending, Optional<Instant> lastInstall, Optional<Instant> lastRefresh) {
    this(
        pending,
        Map.of(),
        Optional.empty(),
        lastInstall,
        lastRefresh,
        Set.of(),
        OptionalInt.empty());
  }

  /** Counts per severity with every severity present, 0 where none is pending. */
  static Map<Severity, Integer> countBySeverity(Iterable<Severity> severities) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    for (Severity severity : severities) {
      counts.merge(severity, 1, Integer::sum);
    }
    return counts;
  }
}
