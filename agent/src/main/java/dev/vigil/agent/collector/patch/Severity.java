package dev.vigil.agent.collector.patch;

import java.util.Locale;

/**
 * The severity of a pending security update, normalised across sources: dnf/yum advisories
 * (Critical/Important/Moderate/Low), zypper patches (critical/important/moderate/low/unspecified)
 * and Windows Update's MsrcSeverity (Critical/Important/Moderate/Low or empty). Anything else, such
 * as dnf's {@code None}/{@code Unknown}, zypper's {@code unspecified} or an empty MsrcSeverity, is
 * {@link #UNKNOWN}.
 */
enum Severity {
  CRITICAL,
  IMPORTANT,
  MODERATE,
  LOW,
  UNKNOWN;

  /** The label value, such as {@code critical}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Maps a source's severity name, case-insensitively; null and unknown names are UNKNOWN. */
  static Severity of(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "critical" -> CRITICAL;
      case "important" -> IMPORTANT;
      case "moderate" -> MODERATE;
      case "low" -> LOW;
      default -> UNKNOWN;
    };
  }

  /** The more severe of the two; UNKNOWN ranks below LOW. */
  static Severity worse(Severity a, Severity b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
