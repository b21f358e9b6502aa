package dev.vigil.collector.rules;

import java.io.IOException;

/**
 * A rule file that cannot be used: not found, unreadable, not YAML, not in the rule format, or an
 * expression outside Vigil's subset. The message starts with {@code file:line:column:} wherever the
 * problem has a place in a file.
 */
public final class RuleFileException extends IOException {
  private static final long serialVersionUID = 1L;

  RuleFileException(String message) {
    super(message);
  }

  RuleFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
