package dev.vigil.collector.incident;

/** What an entry of an incident's audit trail records. */
public enum EventAction {
  OPENED,
  /** Fired again within the flap window after resolving: the same incident, one more flap. */
  REOPENED,
  ACKNOWLEDGED,
  RESOLVED,
  COMMENTED,
  ESCALATED
}
