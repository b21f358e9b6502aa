package dev.vigil.agent.collector;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct collector failure, or reason a reading is left out, once, so a sensor that is
 * broken for days does not write a line every tick; the metrics carry the ongoing state.
 */
public final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  /** Bounds memory when failure messages embed changing details such as numbers. */
  static final int MAX_REMEMBERED = 256;

  private final Set<String> seen = new HashSet<>();

  /** Returns true when this failure was logged now, false when it was seen before. */
  synchronized boolean report(String collector, Exception failure) {
    String key = collector + '\u0000' + failure.getClass().getName() + ": " + failure.getMessage();
    if (!firstSight(key)) {
      return false;
    }
    LOG.warn("collector {} failed (further identical failures are not logged)", collector, failure);
    return true;
  }

  /**
   * Logs why {@code collector} left a reading out, the first time this reason is seen.
   *
   * @return true when the reason was logged now, false when it was seen before
   */
  public synchronized boolean report(String collector, String reason) {
    if (!firstSight(collector + '\u0000' + reason)) {
      return false;
    }
    LOG.warn("collector {}: {} (further identical messages are not logged)", collector, reason);
    return true;
  }

  private boolean firstSight(String key) {
    return seen.size() < MAX_REMEMBERED && seen.add(key);
  }
}
