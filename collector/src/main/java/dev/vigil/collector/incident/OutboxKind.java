package dev.vigil.collector.incident;

/** Why an outbox entry tells its receiver something. */
public enum OutboxKind {
  /** The incident opened or reopened: tier 1. */
  FIRING,
  /** Unacknowledged in time: a higher tier. */
  ESCALATION,
  /** Resolved: to every receiver told in this opening. */
  RESOLVED
}
