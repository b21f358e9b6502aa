package dev.vigil.agent.collector.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the output of {@code dnf check-update} (dnf 4, yum, and dnf 5's {@code check-upgrade}
 * alias) into the packages with an upgrade pending.
 */
final class DnfCheckUpdateParser {

  private DnfCheckUpdateParser() {}

  /**
   * The {@code name.arch} of every upgrade entry, such as {@code audit-libs.x86_64 2.7-1.fc25
   * updates}: three columns, the first a name and architecture joined by a dot. Piped, dnf 4 and
   * yum lay the columns out for 80 characters and wrap an entry whose name or version overflows its
   * column: the rest follows on indented lines, so an entry spans up to three lines. Headers
   * ({@code Upgrades}, {@code Last metadata expiration check: ...}, {@code Security: ... is an
   * installed security update}) have another shape and are skipped; the {@code Obsoleting Packages}
   * list at the end repeats upgrades with the packages they replace and ends the parse.
   */
  static Set<String> pendingUpgrades(CharSequence output) {
    Set<String> upgrades = new LinkedHashSet<>();
    List<String> entry = new ArrayList<>(3);
    for (String line : output.toString().split("\n")) {
      if (line.regionMatches(true, 0, "Obsoleting", 0, "Obsoleting".length())) {
        break;
      }
      boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (!continuation) {
        entry.clear();
      }
      if (line.isBlank() || (continuation && entry.isEmpty())) {
        continue;
      }
      entry.addAll(List.of(line.strip().split("\\s+")));
      if (!isNameDotArch(entry.get(0)) || entry.size() > 3) {
        entry.clear();
      } else if (entry.size() == 3) {
        upgrades.add(entry.get(0));
        entry.clear();
      }
    }
    return upgrades;
  }

  private static boolean isNameDotArch(String column) {
    int dot = column.lastIndexOf('.');
    return dot > 0 && dot < column.length() - 1 && column.indexOf(':') < 0;
  }
}
