package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Parses libzypp's /var/log/zypp/history for the time of the last package install. */
final class ZypperHistoryParser {

  private ZypperHistoryParser() {}

  /**
   * The time of the newest {@code install} record, such as {@code 2026-02-18
   * 10:32:35|install|virtualbox|7.2.6-1.0.4.2.sr20260202|x86_64||slowroll-update|...|}: libzypp
   * writes one per package it installed or upgraded, after rpm succeeded. Comment lines ({@code #
   * ...}, rpm's output) and other actions ({@code remove}, {@code command}, {@code radd}) are
   * skipped. Times are the host's local time, read in {@code zone}.
   */
  static Optional<Instant> lastInstall(CharSequence history, ZoneId zone) {
    Instant newest = null;
    for (String line : history.toString().split("\n")) {
      String[] fields = line.split("\\|", 3);
      if (fields.length < 3 || !fields[1].equals("install")) {
        continue;
      }
      newest = LocalTimes.later(newest, LocalTimes.parse(fields[0], zone));
    }
    return Optional.ofNullable(newest);
  }
}
