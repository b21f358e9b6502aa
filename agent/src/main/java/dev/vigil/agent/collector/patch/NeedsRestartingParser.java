package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code needs-restarting -r} (yum-utils, dnf 4's plugin and dnf 5's {@code
 * needs-restarting}, which all print the same text) into the packages that ask for a reboot.
 */
final class NeedsRestartingParser {
  private static final String NEEDED = "Core libraries or services have been updated";
  private static final String NOT_NEEDED = "No core libraries or services have been updated";
  private static final String ITEM = "  * ";

  private NeedsRestartingParser() {}

  /**
   * The packages listed under {@code Core libraries or services have been updated since boot-up:}
   * (empty when the output says no reboot is needed). The exit status must agree (1 = needed, 0 =
   * not): an exit of 1 also means "no such command" where the plugin is missing, so an output that
   * says neither throws instead of being read as a reboot.
   */
  static List<String> rebootPackages(int exit, CharSequence output) throws IOException {
    String text = output.toString();
    if (exit == 0 && text.contains(NOT_NEEDED)) {
      return List.of();
    }
    if (exit != 1 || !text.contains(NEEDED)) {
      throw new IOException("needs-restarting -r exited " + exit + " without its verdict");
    }
    List<String> packages = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(ITEM)) {
        packages.add(line.substring(ITEM.length()).strip());
      }
    }
    return packages;
  }
}
