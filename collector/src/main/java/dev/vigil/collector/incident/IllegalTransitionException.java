package dev.vigil.collector.incident;

/**
 * A change an incident's state does not allow, such as acknowledging a resolved incident. The
 * message names the incident, its state and what was refused; nothing was written.
 */
public final class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long incidentId;
  private final IncidentState state;

  IllegalTransitionException(Incident incident, String message) {
    super("incident " + incident.id() + " is " + message);
    this.incidentId = incident.id();
    this.state = incident.state();
  }

  /** The incident that refused the change. */
  public long incidentId() {
    return incidentId;
  }

  /** Its state when it refused. */
  public IncidentState state() {
    return state;
  }
}
