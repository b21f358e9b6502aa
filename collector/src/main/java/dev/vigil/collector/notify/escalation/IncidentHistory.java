package dev.vigil.collector.notify.escalation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What escalation needs to know of an incident, as the incident store records it.
 *
 * @param openedAt when the incident opened
 * @param ackedAt when someone acknowledged it, if anyone has
 * @param resolvedAt when it resolved, if it has
 * @param stepsNotified the indexes of the policy's steps whose notices were queued
 * @param told the receivers that were sent a firing notice
 * @param resolvedNoticesQueued whether the resolved notices were queued already
 */
public record IncidentHistory(
    Instant openedAt,
    Optional<Instant> ackedAt,
    Optional<Instant> resolvedAt,
    Set<Integer> stepsNotified,
    Set<String> told,
    boolean resolvedNoticesQueued) {

  /** Copies the sets. */
  public IncidentHistory {
    stepsNotified = Set.copyOf(stepsNotified);
    told = Set.copyOf(told);
  }

  /** A new incident that nobody has been told about. */
  public static IncidentHistory opened(Instant openedAt) {
    return new IncidentHistory(
        openedAt, Optional.empty(), Optional.empty(), Set.of(), Set.of(), false);
  }
}
