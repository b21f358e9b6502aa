package dev.vigil.collector.fleet;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.store.FleetTable;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Decommissions a host: it leaves the series store (so {@code /metrics}, discovery and the hosts
 * API no longer show it) and the rule engine (so nothing about it fires again), its unresolved
 * incidents are resolved and its row leaves the fleet table, so the next restart does not bring it
 * back. A host that connects again afterwards starts afresh.
 */
public final class HostForgetter {
  /** The comment on every incident a forget resolves. */
  public static final String COMMENT = "host forgotten";

  private final SeriesStore store;
  private final RuleEngine engine;
  private final IncidentStore incidents;
  private final FleetTable fleet;
  private final LongSupplier clock;

  /**
   * @param fleet this collector's view of the fleet table, to refuse a host another collector has
   *     up
   * @param clock the collector's clock, in epoch milliseconds
   */
  public HostForgetter(
      SeriesStore store,
      RuleEngine engine,
      IncidentStore incidents,
      FleetTable fleet,
      LongSupplier clock) {
    this.store = store;
    this.engine = engine;
    this.incidents = incidents;
    this.fleet = fleet;
    this.clock = clock;
  }

  /**
   * Forgets {@code name} on behalf of {@code actor}. The host need not be in the series store: one
   * known only to the incident database is forgotten there.
   *
   * @return the incidents resolved
   * @throws IllegalStateException when a stream delivers the host, to this collector or to another
   *     one sharing the database: it is not decommissioned
   */
  public CompletableFuture<List<Incident>> forget(String name, String actor) {
    Instant now = Instant.ofEpochMilli(clock.getAsLong());
    if (fleet.host(name).filter(row -> FleetRecorder.upElsewhere(fleet, row, now)).isPresent()) {
      throw new IllegalStateException("host " + name + " is connected");
    }
    HostState host = store.forget(name);
    if (host != null) {
      engine.forget(host);
    }
    return incidents.forgetHost(name, actor, COMMENT);
  }
}
