package dev.vigil.collector.incident;

/** Where an incident is in its life; see {@link IncidentLifecycle} for the moves between them. */
public enum IncidentState {
  /** Firing and nobody has acknowledged it: escalation climbs. */
  OPEN,
  /** A person has taken it: escalation stops, the incident stays until its condition clears. */
  ACKNOWLEDGED,
  /** Cleared by its condition or closed by hand. */
  RESOLVED
}
