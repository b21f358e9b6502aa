package dev.vigil.collector.incident;

import java.util.Locale;

/** How urgent an incident is, from the rule's {@code severity} label. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  /**
   * Reads a rule's {@code severity} label, ignoring case.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.name().equalsIgnoreCase(text)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "severity must be critical, warning or info, got \"" + text + "\"");
  }

  /** The lower-case name rules and notifications use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
