package dev.vigil.collector.incident.store;

import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.Severity;

/**
 * Which incidents a listing returns; a null criterion matches every incident.
 *
 * @param state only incidents in this state, or null
 * @param host only incidents of this host, or null
 * @param severity only incidents of this severity, or null
 * @param limit the most incidents returned, newest first
 */
public record IncidentFilter(IncidentState state, String host, Severity severity, int limit) {
  /** The most incidents one listing returns, so one request cannot read the whole history. */
  public static final int MAX_LIMIT = 1000;

  public IncidentFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }
}
