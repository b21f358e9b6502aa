package dev.vigil.collector.incident;

import java.util.Objects;

/**
 * One state change worked out by {@link IncidentLifecycle}, for the store to write in one
 * transaction with its audit event and the notifications it causes.
 *
 * @param before the incident as it was read, or null when the change opens a new one
 * @param after the incident as it is to be written (id 0 when new)
 * @param event the audit-trail entry
 */
public record Transition(Incident before, Incident after, IncidentEvent event) {
  public Transition {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(event, "event");
  }
}
