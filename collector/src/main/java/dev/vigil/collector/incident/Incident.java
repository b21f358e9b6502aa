package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident as stored: one per dedupe key while unresolved.
 *
 * @param id the store's id; 0 for one not stored yet
 * @param key host, rule and labels
 * @param severity from the rule
 * @param state open, acknowledged or resolved
 * @param summary the rule's summary annotation, or empty
 * @param runbookUrl the rule's runbook link, or empty
 * @param openedAt when it first opened
 * @param changedAt when its state last changed (opened, reopened, acknowledged, resolved,
 *     escalated)
 * @param acknowledgedAt when it was acknowledged in its current opening, or null
 * @param resolvedAt when it was resolved, or null while unresolved
 * @param flaps how many times it fired again within the flap window after resolving
 * @param tier the highest escalation tier told in its current opening (1 when it opens)
 */
public record Incident(
    long id,
    IncidentKey key,
    Severity severity,
    IncidentState state,
    String summary,
    String runbookUrl,
    Instant openedAt,
    Instant changedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    int flaps,
    int tier) {

  public Incident {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(runbookUrl, "runbookUrl");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(changedAt, "changedAt");
  }

  /** Whether it still needs a person or its condition to clear. */
  public boolean unresolved() {
    return state != IncidentState.RESOLVED;
  }

  /** The same incident with the id the store gave it. */
  public Incident withId(long newId) {
    return new Incident(
        newId,
        key,
        severity,
        state,
        summary,
        runbookUrl,
        openedAt,
        changedAt,
        acknowledgedAt,
        resolvedAt,
        flaps,
        tier);
  }
}
