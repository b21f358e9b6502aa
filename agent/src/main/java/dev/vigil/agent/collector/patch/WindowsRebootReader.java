package dev.vigil.agent.collector.patch;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the registry's reboot-pending signals, each its own reason. All of them are cleared by
 * Windows during the reboot, so reading them on every tick lets the signal clear by itself.
 */
final class WindowsRebootReader {
  /** Component Based Servicing (Windows features, cumulative updates) awaits a reboot. */
  static final String SERVICING = "component_based_servicing";

  /** Windows Update installed updates that need a reboot. */
  static final String WINDOWS_UPDATE = "windows_update";

  /**
   * Files to be replaced at boot. Noisy (installers of any kind queue these), hence its own reason
   * rather than part of the others.
   */
  static final String FILE_RENAME = "pending_file_rename";

  /** The computer was renamed and the new name takes effect at boot. */
  static final String COMPUTER_RENAME = "computer_rename";

  static final List<String> REASONS =
      List.of(SERVICING, WINDOWS_UPDATE, FILE_RENAME, COMPUTER_RENAME);

  static final String SERVICING_KEY =
      "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending";
  static final String WINDOWS_UPDATE_KEY =
      "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";
  static final String SESSION_MANAGER_KEY = "SYSTEM\\CurrentControlSet\\Control\\Session Manager";
  static final String FILE_RENAME_VALUE = "PendingFileRenameOperations";
  static final String ACTIVE_NAME_KEY =
      "SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName";
  static final String PENDING_NAME_KEY =
      "SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName";
  static final String NAME_VALUE = "ComputerName";

  private final WindowsRegistry registry;

  /** Reads {@code registry}. */
  WindowsRebootReader(WindowsRegistry registry) {
    this.registry = registry;
  }

  /** The reasons pending right now. */
  Set<String> pendingReasons() {
    Set<String> reasons = new LinkedHashSet<>();
    if (registry.keyExists(SERVICING_KEY)) {
      reasons.add(SERVICING);
    }
    if (registry.keyExists(WINDOWS_UPDATE_KEY)) {
      reasons.add(WINDOWS_UPDATE);
    }
    if (registry.multiString(SESSION_MANAGER_KEY, FILE_RENAME_VALUE).stream()
        .anyMatch(entry -> !entry.isEmpty())) {
      reasons.add(FILE_RENAME);
    }
    if (computerRenamePending()) {
      reasons.add(COMPUTER_RENAME);
    }
    return reasons;
  }

  /** The name set for the next boot differs from the running one (names are case-insensitive). */
  private boolean computerRenamePending() {
    String active = registry.string(ACTIVE_NAME_KEY, NAME_VALUE).orElse("");
    String next = registry.string(PENDING_NAME_KEY, NAME_VALUE).orElse("");
    return !active.isEmpty() && !next.isEmpty() && !active.equalsIgnoreCase(next);
  }
}
