package dev.vigil.collector.incident.store;

import java.time.Instant;
import java.util.Map;

/**
 * One host as the fleet table remembers it, so that a restarted collector knows the hosts that do
 * not come back.
 *
 * @param name the host name from Hello
 * @param labels the host labels of its latest Hello
 * @param agentVersion the agent version of its latest Hello
 * @param os the operating system family of its latest Hello
 * @param firstSeen when its first Hello arrived
 * @param lastSeen when a frame last arrived, refreshed about once a minute while it is up
 * @param state its connection's state
 * @param stateChangedAt when it took that state
 */
public record FleetHost(
    String name,
    Map<String, String> labels,
    String agentVersion,
    String os,
    Instant firstSeen,
    Instant lastSeen,
    State state,
    Instant stateChangedAt) {

  public FleetHost {
    labels = Map.copyOf(labels);
  }

  /** A host's connection: the three states of {@code /api/v1/hosts}. */
  public enum State {
    /** A stream delivers it. */
    UP,
    /** Its last stream ended with a Goodbye: powered off or asleep. */
    SHUT_DOWN,
    /** Its last stream ended without a Goodbye. */
    LOST
  }
}
