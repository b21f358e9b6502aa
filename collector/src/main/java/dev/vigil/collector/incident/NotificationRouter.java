package dev.vigil.collector.incident;

import java.util.List;

/**
 * Chooses who is told when an incident opens (tier 1) or climbs to a higher tier: the escalation
 * policy's receivers for that step, or none when the incident must not page (outside business
 * hours, in a maintenance window, no step for that tier); the incident is recorded either way.
 * Resolved notices need no routing: they go to every receiver told since the incident last opened.
 *
 * <p>Called on the store's writer thread inside the transaction that writes the change, so it must
 * be quick and must not call the store.
 */
@FunctionalInterface
public interface NotificationRouter {
  /** The receivers' names for {@code tier} of {@code incident}; empty to tell nobody. */
  List<String> receivers(Incident incident, int tier);
}
