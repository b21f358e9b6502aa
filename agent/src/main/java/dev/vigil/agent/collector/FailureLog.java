package dev.vigil.agent.collector;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct collector failure once, so a sensor that is broken for days does not write a
 * line every tick; the success gauge carries the ongoing state.
 */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  /** Bounds memory when failure messages embed changing details such as numbers. */
  static final int MAX_REMEMBERED = 256;

  private final Set<String> seen = new HashSet<>();

  /** Returns true when this failure was logged now, false when it was seen before. */
  synchronized boolean report(String collector, Exception failure) {
    String key = collector + '\u0000' + failure.getClass().getName() + ": " + failure.getMessage();
    if (seen.contains(key) || seen.size() >= MAX_REMEMBERED) {
      return false;
    }
    seen.add(key);
    LOG.warn("collector {} failed (further identical failures are not logged)", collector, failure);
    return true;
  }
}
