package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The time arithmetic the log parsers share: local stamps and null-tolerant min/max. */
final class LocalTimes {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LocalTimes() {}

  /** A {@code 2026-05-09 07:28:50} stamp in the host's {@code zone}; null when it is not one. */
  static Instant parse(String stamp, ZoneId zone) {
    try {
      return LocalDateTime.parse(stamp, STAMP).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The later of two times, either of which may be null. */
  static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** The earlier of two times, either of which may be null. */
  static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
