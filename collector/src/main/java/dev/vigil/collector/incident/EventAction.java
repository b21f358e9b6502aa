package dev.vigil.collector.incident;

/** What an entry of an incident's audit trail records. */
public enum EventAction {
  OPENED,
  /** Fired again within the flap window after resolving: the same incident, one more flap. */
  REOPENED,
  ACKNOWLEDGED,
  RESOLVED,
  COMMENTED,
  ESCALATED,
  /** Opened (or reopened) while paging was not allowed: nobody told yet; the comment says why. */
  NOT_PAGED,
  /** Paging became allowed while the incident was still open: tier 1 told, escalation from now. */
  PAGED
}
