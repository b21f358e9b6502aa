package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code dnf updateinfo list --security} (dnf 4, and yum's {@code updateinfo list security})
 * and dnf 5's {@code advisory list --security} into one advisory per package line.
 */
final class DnfAdvisoryParser {
  /** dnf 4 / yum: {@code RHSA-2014:1031 Important/Sec. 389-ds-base-1.3.1.6-26.el7_0.x86_64}. */
  private static final Pattern DNF4 =
      Pattern.compile("^\\s*(\\S+)\\s+(\\S+)/Sec\\.\\s+(\\S+)\\s*$");

  /**
   * dnf 5: {@code FEDORA-2018-318f184112 security Moderate flac-1.4.0-1.fc29.x86_64 2019-01-19
   * 00:00:00} (name, type, severity, package, issued).
   */
  private static final Pattern DNF5 =
      Pattern.compile(
          "^(\\S+)\\s+\\S+\\s+(\\S+)\\s+(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s*$");

  private static final DateTimeFormatter ISSUED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One advisory for one package, with the issue date where the output shows it (dnf 5). */
  record Advisory(String id, Severity severity, String nevra, Optional<Instant> issued) {

    /** The package's {@code name.arch}, the key {@link DnfCheckUpdateParser} uses. */
    String nameArch() {
      return Nevra.nameArch(nevra);
    }
  }

  private DnfAdvisoryParser() {}

  /** Every advisory line; other lines (repository loading, headers) are skipped. */
  static List<Advisory> parse(CharSequence output, ZoneId zone) {
    List<Advisory> advisories = new ArrayList<>();
    for (String line : output.toString().split("\n")) {
      Matcher dnf4 = DNF4.matcher(line);
      if (dnf4.matches()) {
        advisories.add(
            new Advisory(
                dnf4.group(1), Severity.of(dnf4.group(2)), dnf4.group(3), Optional.empty()));
        continue;
      }
      Matcher dnf5 = DNF5.matcher(line);
      if (dnf5.matches()) {
        Instant issued = LocalDateTime.parse(dnf5.group(4), ISSUED).atZone(zone).toInstant();
        advisories.add(
            new Advisory(
                dnf5.group(1), Severity.of(dnf5.group(2)), dnf5.group(3), Optional.of(issued)));
      }
    }
    return advisories;
  }
}
