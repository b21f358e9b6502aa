package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.Optional;

/**
 * Parses {@code rpm -qa --qf '%{INSTALLTIME}\n'}: one install time per installed package, in
 * seconds since the epoch. The same tag {@code rpm -qa --last} sorts by, without its
 * locale-dependent date text.
 */
final class RpmInstallTimeParser {

  private RpmInstallTimeParser() {}

  /** The newest install time; lines that are not a number (none expected) are skipped. */
  static Optional<Instant> lastInstall(CharSequence output) {
    long newest = -1;
    for (String line : output.toString().split("\n")) {
      String value = line.strip();
      if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 19) {
        newest = Math.max(newest, Long.parseLong(value));
      }
    }
    return newest < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(newest));
  }
}
