package dev.vigil.agent.collector.patch;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Parses the output of {@code dnf check-update} (dnf 4, yum, and dnf 5's {@code check-upgrade}
 * alias) into the packages with an upgrade pending.
 */
final class DnfCheckUpdateParser {

  private DnfCheckUpdateParser() {}

  /**
   * The {@code name.arch} of every upgrade line, such as {@code audit-libs.x86_64 2.7-1.fc25
   * updates}: three columns, the first a name and architecture joined by a dot. Headers ({@code
   * Upgrades}, {@code Last metadata expiration check: ...}, {@code Security: ... is an installed
   * security update}) have another shape and are skipped; the {@code Obsoleting Packages} list at
   * the end repeats upgrades with the packages they replace and ends the parse.
   */
  static Set<String> pendingUpgrades(CharSequence output) {
    Set<String> upgrades = new LinkedHashSet<>();
    for (String line : output.toString().split("\n")) {
      if (line.regionMatches(true, 0, "Obsoleting", 0, "Obsoleting".length())) {
        break;
      }
      String[] columns = line.strip().split("\\s+");
      if (columns.length == 3 && !line.startsWith(" ") && isNameDotArch(columns[0])) {
        upgrades.add(columns[0]);
      }
    }
    return upgrades;
  }

  private static boolean isNameDotArch(String column) {
    int dot = column.lastIndexOf('.');
    return dot > 0 && dot < column.length() - 1 && column.indexOf(':') < 0;
  }
}
