package dev.vigil.agent.collector.patch;

import java.util.Locale;

/** Parses the output of {@code LANG=C apt-get -s dist-upgrade} into pending upgrade counts. */
final class AptSimulationParser {
  private static final String INST = "Inst ";

  private AptSimulationParser() {}

  /**
   * Counts {@code Inst} lines that upgrade an installed package, that is lines with the installed
   * version in brackets, such as {@code Inst libgcrypt20-dev [1.10.1-3] (1.10.1-3+deb12u1
   * Debian:12.15/oldstable, Debian-Security:12/oldstable-security [amd64]) []}. An upgrade is a
   * security one when any of its origins/archives contains {@code -security}. New installs
   * (dependencies pulled in by those upgrades; apt_info.py leaves them out too), {@code
   * Conf}/{@code Remv} lines and the kept-back list are not counted.
   */
  static PendingUpdates parse(CharSequence simulation) {
    int security = 0;
    int other = 0;
    for (String line : simulation.toString().split("\n")) {
      if (!line.startsWith(INST) || !isUpgrade(line)) {
        continue;
      }
      if (isSecurity(line)) {
        security++;
      } else {
        other++;
      }
    }
    return new PendingUpdates(security, other);
  }

  /** True when the package name is followed by {@code [installed version]}. */
  private static boolean isUpgrade(String line) {
    int nameEnd = line.indexOf(' ', INST.length());
    return nameEnd > 0 && line.startsWith(" [", nameEnd);
  }

  /** Looks only inside the parentheses, so a package named {@code foo-security} is no match. */
  private static boolean isSecurity(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      return false;
    }
    return line.substring(open, close).toLowerCase(Locale.ROOT).contains("-security");
  }
}
