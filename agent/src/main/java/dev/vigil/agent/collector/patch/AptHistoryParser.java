package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses /var/log/apt/history.log stanzas for the time of the last successful install. */
final class AptHistoryParser {

  private AptHistoryParser() {}

  /**
   * The {@code End-Date} of the newest stanza that has an {@code Install:} or {@code Upgrade:} line
   * and finished without an {@code Error:} line; stanzas that never ended are skipped. Dates are
   * the host's local time (date, two spaces, time), read in {@code zone}.
   */
  static Optional<Instant> lastInstall(CharSequence historyLog, ZoneId zone) {
    Instant newest = null;
    for (String stanza : historyLog.toString().split("\n\\s*\n")) {
      newest = LocalTimes.later(newest, successfulInstallEnd(stanza, zone));
    }
    return Optional.ofNullable(newest);
  }

  private static Instant successfulInstallEnd(String stanza, ZoneId zone) {
    boolean installs = false;
    boolean failed = false;
    Instant end = null;
    for (String line : stanza.split("\n")) {
      if (line.startsWith("Install:") || line.startsWith("Upgrade:")) {
        installs = true;
      } else if (line.startsWith("Error:")) {
        failed = true;
      } else if (line.startsWith("End-Date:")) {
        end = parseDate(line.substring("End-Date:".length()), zone);
      }
    }
    return installs && !failed ? end : null;
  }

  /** Parses a date, whitespace and a time of day; returns null for anything else. */
  private static Instant parseDate(String text, ZoneId zone) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length != 2) {
      return null;
    }
    try {
      return LocalDate.parse(parts[0]).atTime(LocalTime.parse(parts[1])).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
