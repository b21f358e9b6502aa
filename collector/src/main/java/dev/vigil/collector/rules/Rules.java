package dev.vigil.collector.rules;

import java.util.Objects;

/**
 * The rules in force. Any thread may read {@link #current()} at any time (a volatile read, cheap
 * enough for a hot path); only the {@link RuleReloader} replaces it, and only with a rule set that
 * loaded completely.
 */
public final class Rules {
  private volatile RuleSet current = RuleSet.EMPTY;

  /** The rule set in force now. */
  public RuleSet current() {
    return current;
  }

  void replace(RuleSet next) {
    current = Objects.requireNonNull(next, "next");
  }
}
