package dev.vigil.collector.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The incident state machine, free of storage: each method takes the incident as read and returns
 * the change to write, or throws {@link IllegalTransitionException} naming why it is refused.
 *
 * <pre>
 *            raise                acknowledge
 *   (none) ───────► OPEN ───────────────────► ACKNOWLEDGED
 *                    │ ▲  escalate (tier+1)        │
 *      clear/resolve │ │ raise within the          │ clear/resolve
 *                    ▼ │ flap window (flaps+1)     ▼
 *                  RESOLVED ◄──────────────────────┘
 * </pre>
 *
 * A comment may be added in any state. A raise after the flap window opens a new incident; a raise
 * while the key's incident is unresolved changes nothing.
 */
public final class IncidentLifecycle {
  /** The actor of changes Vigil makes itself (opening, clearing, escalating). */
  public static final String SYSTEM = "vigil";

  private final Duration flapWindow;

  /**
   * @param flapWindow how soon after resolving a new firing counts as the same incident flapping
   */
  public IncidentLifecycle(Duration flapWindow) {
    if (flapWindow.isNegative()) {
      throw new IllegalArgumentException("the flap window must not be negative: " + flapWindow);
    }
    this.flapWindow = flapWindow;
  }

  /**
   * An alert started firing.
   *
   * @param latest the key's unresolved incident, else its most recently resolved one, else null
   * @return the change, or empty when the key's incident is already unresolved
   */
  public Optional<Transition> raise(Incident latest, FiringAlert alert, Instant at) {
    if (latest != null && latest.unresolved()) {
      return Optional.empty();
    }
    if (latest != null && !at.isAfter(latest.resolvedAt().plus(flapWindow))) {
      return Optional.of(reopen(latest, alert, at));
    }
    Incident opened =
        new Incident(
            0,
            alert.key(),
            alert.severity(),
            IncidentState.OPEN,
            alert.summary(),
            alert.runbookUrl(),
            at,
            at,
            null,
            null,
            0,
            1);
    return Optional.of(
        new Transition(null, opened, new IncidentEvent(at, SYSTEM, EventAction.OPENED, "")));
  }

  private static Transition reopen(Incident resolved, FiringAlert alert, Instant at) {
    Incident reopened =
        new Incident(
            resolved.id(),
            resolved.key(),
            alert.severity(),
            IncidentState.OPEN,
            alert.summary(),
            alert.runbookUrl(),
            resolved.openedAt(),
            at,
            null,
            null,
            resolved.flaps() + 1,
            1);
    String why =
        "fired again "
            + Duration.between(resolved.resolvedAt(), at).toSeconds()
            + "s after resolving";
    return new Transition(
        resolved, reopened, new IncidentEvent(at, SYSTEM, EventAction.REOPENED, why));
  }

  /** A person takes the incident: escalation stops. Only an open incident can be acknowledged. */
  public Transition acknowledge(Incident incident, String actor, String comment, Instant at) {
    requireActor(actor);
    switch (incident.state()) {
      case ACKNOWLEDGED ->
          throw new IllegalTransitionException(
              incident, "already acknowledged (at " + incident.acknowledgedAt() + ")");
      case RESOLVED -> throw resolved(incident, "acknowledged");
      default -> {}
    }
    Incident after = with(incident, IncidentState.ACKNOWLEDGED, at, at, null, incident.tier());
    return new Transition(
        incident, after, new IncidentEvent(at, actor, EventAction.ACKNOWLEDGED, text(comment)));
  }

  /** A person closes the incident, whether or not its condition still holds. */
  public Transition resolve(Incident incident, String actor, String comment, Instant at) {
    requireActor(actor);
    return resolveAs(incident, actor, text(comment), at);
  }

  /** The alert's condition cleared: Vigil resolves the incident. */
  public Transition clear(Incident incident, Instant at) {
    return resolveAs(incident, SYSTEM, "condition cleared", at);
  }

  private static Transition resolveAs(Incident incident, String actor, String why, Instant at) {
    if (incident.state() == IncidentState.RESOLVED) {
      throw new IllegalTransitionException(
          incident, "already resolved (at " + incident.resolvedAt() + ")");
    }
    Incident after =
        with(incident, IncidentState.RESOLVED, at, incident.acknowledgedAt(), at, incident.tier());
    return new Transition(incident, after, new IncidentEvent(at, actor, EventAction.RESOLVED, why));
  }

  /** A note on the timeline; allowed in every state and changes nothing else. */
  public Transition comment(Incident incident, String actor, String comment, Instant at) {
    requireActor(actor);
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a comment must not be empty");
    }
    return new Transition(
        incident, incident, new IncidentEvent(at, actor, EventAction.COMMENTED, comment));
  }

  /**
   * Nobody acknowledged in time: the next line is told. Only an open incident climbs, and only
   * upwards, so a timer that fires twice (say, after a restart) is refused the second time.
   */
  public Transition escalate(Incident incident, int tier, Instant at) {
    switch (incident.state()) {
      case ACKNOWLEDGED ->
          throw new IllegalTransitionException(incident, "acknowledged: escalation has stopped");
      case RESOLVED -> throw resolved(incident, "escalated");
      default -> {}
    }
    if (tier <= incident.tier()) {
      throw new IllegalTransitionException(
          incident, "already at tier " + incident.tier() + "; cannot escalate to tier " + tier);
    }
    Incident after = with(incident, IncidentState.OPEN, at, null, null, tier);
    return new Transition(
        incident,
        after,
        new IncidentEvent(at, SYSTEM, EventAction.ESCALATED, "unacknowledged: tier " + tier));
  }

  private static Incident with(
      Incident i,
      IncidentState state,
      Instant changedAt,
      Instant acknowledgedAt,
      Instant resolvedAt,
      int tier) {
    return new Incident(
        i.id(),
        i.key(),
        i.severity(),
        state,
        i.summary(),
        i.runbookUrl(),
        i.openedAt(),
        changedAt,
        acknowledgedAt,
        resolvedAt,
        i.flaps(),
        tier);
  }

  private static IllegalTransitionException resolved(Incident incident, String verb) {
    return new IllegalTransitionException(
        incident, "resolved; it cannot be " + verb + ", only commented on");
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("who made the change must be named");
    }
  }

  private static String text(String comment) {
    return Objects.requireNonNullElse(comment, "");
  }
}
