package dev.vigil.collector.incident.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
 * @param collector the collector that recorded it up (its {@code host:port}); empty when the row is
 *     from before collectors were recorded
 */
public record FleetHost(
    String name,
    Map<String, String> labels,
    String agentVersion,
    String os,
    Instant firstSeen,
    Instant lastSeen,
    State state,
    Instant stateChangedAt,
    String collector) {

  public FleetHost {
    labels = Map.copyOf(labels);
    Objects.requireNonNull(collector, "collector");
  }

  /**
   * Whether a stream to a collector other than {@code collector} delivers the host, as far as the
   * row can tell at {@code now}: it is up there, and that collector moved its last-seen time within
   * {@code fresh} (a collector that died stops doing so, and its hosts count as lost after that).
   */
  public boolean upElsewhere(String collector, Instant now, Duration fresh) {
    return state == State.UP
        && !this.collector.isEmpty()
        && !this.collector.equals(collector)
        && !lastSeen.isBefore(now.minus(fresh));
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
