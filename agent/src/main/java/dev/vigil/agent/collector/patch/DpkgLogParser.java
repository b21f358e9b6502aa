package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Parses /var/log/dpkg.log, apt's fallback for the last install when history.log records none (a
 * host whose history.log was rotated away, or packages installed with dpkg alone).
 */
final class DpkgLogParser {
  private static final String INSTALLED = " status installed ";

  private DpkgLogParser() {}

  /**
   * The time of the newest {@code status installed} line, such as {@code 2025-06-24 14:36:25 status
   * installed libsystemd0:amd64 252.38-1~deb12u1}: dpkg writes it when a package has been unpacked
   * and configured. Times are the host's local time, read in {@code zone}.
   */
  static Optional<Instant> lastInstall(CharSequence dpkgLog, ZoneId zone) {
    Instant newest = null;
    for (String line : dpkgLog.toString().split("\n")) {
      if (line.length() < 19 || !line.startsWith(INSTALLED, 19)) {
        continue;
      }
      newest = LocalTimes.later(newest, LocalTimes.parse(line.substring(0, 19), zone));
    }
    return Optional.ofNullable(newest);
  }
}
