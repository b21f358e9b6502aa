package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
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
  private final Path packages;

  /** Reads below {@code root} (normally /). */
  DebianRebootReader(Path root) {
    this.flag = root.resolve("run/reboot-required");
    this.packages = root.resolve("run/reboot-required.pkgs");
  }

  /** The reasons pending right now: {@code packages} while the flag file exists. */
  Set<String> pendingReasons() {
    return Files.exists(flag) ? Set.of(PACKAGES) : Set.of();
  }

  /**
   * How many distinct packages asked for the reboot: the names in reboot-required.pkgs (a hook
   * appends its package again on every upgrade, hence distinct), 0 while the flag is not set. A
   * count, not the names, so the series stays one however many packages ask.
   */
  OptionalInt pendingPackages() throws IOException {
    if (!Files.exists(flag)) {
      return OptionalInt.of(0);
    }
    if (!Files.exists(packages)) {
      return OptionalInt.empty();
    }
    String names = Files.readString(packages, StandardCharsets.UTF_8);
    return OptionalInt.of(
        (int) names.lines().map(String::strip).filter(n -> !n.isEmpty()).distinct().count());
  }
}
