package dev.vigil.collector.incident.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fleet, remembered in the incident database next to the incidents: per host name its identity
 * from Hello, when it was first and last seen, and its connection's state. Changes run on the
 * store's writer thread and return futures, so an ingest thread hands them over without waiting;
 * they run in the order they were handed over. Forgetting a host is {@link
 * IncidentStore#forgetHost}, since it resolves incidents too.
 *
 * <p>Several collectors may share the table (one PostgreSQL): each row names the collector that
 * recorded the host up, and this table acts for one collector. It releases and refreshes only the
 * hosts that collector holds, and at a restart takes only those as lost, so an agent that failed
 * over to another collector stays up there.
 */
public final class FleetTable {
  private final IncidentWriter writer;
  private final ReadConnections readers;
  private final String collector;

  FleetTable(IncidentWriter writer, ReadConnections readers, String collector) {
    this.writer = writer;
    this.readers = readers;
    this.collector = collector;
  }

  /** The collector this table acts for. */
  public String collector() {
    return collector;
  }

  /** A Hello arrived: the host is up on this collector since {@code at}, with this identity. */
  public CompletableFuture<Void> claimed(
      String name, Map<String, String> labels, String agentVersion, String os, Instant at) {
    return writer.submit(
        "record host " + name + " up",
        c -> {
          FleetRows.claim(c, collector, name, labels, agentVersion, os, at);
          return null;
        });
  }

  /**
   * The host's stream ended at {@code at}: shut down when its agent said Goodbye ({@code clean}),
   * else lost; {@code lastSeen} is when its last frame arrived. Nothing changes when the host is up
   * on another collector by now.
   */
  public CompletableFuture<Void> released(
      String name, boolean clean, Instant lastSeen, Instant at) {
    FleetHost.State state = clean ? FleetHost.State.SHUT_DOWN : FleetHost.State.LOST;
    return writer.submit(
        "record host " + name + " " + state.name().toLowerCase(Locale.ROOT),
        c -> {
          FleetRows.release(c, collector, name, state, lastSeen, at);
          return null;
        });
  }

  /** Moves the last-seen time of each host this collector holds forward, in one transaction. */
  public CompletableFuture<Void> seen(Map<String, Instant> lastSeen) {
    return writer.submit(
        "record when " + lastSeen.size() + " hosts were last seen",
        c -> {
          for (Map.Entry<String, Instant> host : lastSeen.entrySet()) {
            FleetRows.seen(c, collector, host.getKey(), host.getValue());
          }
          return null;
        });
  }

  /**
   * The fleet as this collector, starting at {@code startedAt}, takes it over: a host still
   * recorded as up here was connected when the collector stopped and has not reconnected, so it
   * becomes lost as of {@code startedAt}, before the rows are read back. Hosts up on other
   * collectors stay up.
   *
   * @return every host, by name
   */
  public CompletableFuture<List<FleetHost>> restore(Instant startedAt) {
    return writer.submit(
        "restore the fleet",
        c -> {
          FleetRows.upToLost(c, collector, startedAt);
          return FleetRows.all(c);
        });
  }

  /** The host's row, if the table has one. */
  public Optional<FleetHost> host(String name) {
    return readers.read("read host " + name, c -> FleetRows.byName(c, name));
  }

  /** Every host, by name. */
  public List<FleetHost> hosts() {
    return readers.read("list the fleet", FleetRows::all);
  }
}
