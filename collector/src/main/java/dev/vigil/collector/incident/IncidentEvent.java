package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an incident's audit trail.
 *
 * @param at when it happened
 * @param actor who did it: a person's name, or {@link IncidentLifecycle#SYSTEM} for Vigil itself
 * @param action what happened
 * @param comment what the actor wrote, or why Vigil did it; empty when nothing
 */
public record IncidentEvent(Instant at, String actor, EventAction action, String comment) {
  public IncidentEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(comment, "comment");
  }
}
