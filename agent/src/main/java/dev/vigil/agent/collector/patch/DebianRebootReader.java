package dev.vigil.agent.collector.patch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads Debian's reboot-required flag: {@code /run/reboot-required}, written by package hooks (with
 * the packages listed in {@code /run/reboot-required.pkgs}) and gone after the reboot because /run
 * is a tmpfs.
 */
final class DebianRebootReader {
  /** The only reason this flag can give. */
  static final String PACKAGES = "packages";

  static final List<String> REASONS = List.of(PACKAGES);

  private final Path flag;

  /** Reads below {@code root} (normally /). */
  DebianRebootReader(Path root) {
    this.flag = root.resolve("run/reboot-required");
  }

  /** The reasons pending right now: {@code packages} while the flag file exists. */
  Set<String> pendingReasons() {
    return Files.exists(flag) ? Set.of(PACKAGES) : Set.of();
  }
}
