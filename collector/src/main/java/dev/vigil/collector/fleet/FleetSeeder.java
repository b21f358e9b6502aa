package dev.vigil.collector.fleet;

import dev.vigil.collector.incident.store.FleetHost;
import dev.vigil.collector.incident.store.FleetTable;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Puts the remembered fleet back when the collector starts: every recorded host enters the series
 * store with its identity and last-seen time, not up, and the rule engine evaluates it from the
 * start. A host recorded as up was connected when the previous collector stopped and has not come
 * back, so it is lost as of this start: {@code HostOffline} counts its {@code for} from then, not
 * from when the host was last seen. A host that said Goodbye stays shut down. A host up on another
 * collector sharing the table (its agent failed over there) is up elsewhere, not lost.
 */
public final class FleetSeeder {
  private FleetSeeder() {}

  /**
   * Seeds {@code store} and {@code engine} from {@code table}, waiting for the table's writer.
   *
   * @param startedAt when this collector started
   * @return how many hosts it seeded
   */
  public static int seed(
      FleetTable table, SeriesStore store, RuleEngine engine, Instant startedAt) {
    List<FleetHost> fleet = restored(table, startedAt);
    for (FleetHost recorded : fleet) {
      HostState host = store.host(recorded.name());
      host.restore(
          new HostIdentity("", recorded.agentVersion(), "", recorded.os(), recorded.labels()),
          recorded.lastSeen().toEpochMilli(),
          recorded.state() == FleetHost.State.SHUT_DOWN);
      host.upElsewhere(FleetRecorder.upElsewhere(table, recorded, startedAt));
      engine.seeded(host);
    }
    return fleet.size();
  }

  private static List<FleetHost> restored(FleetTable table, Instant startedAt) {
    try {
      return table.restore(startedAt).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot restore the fleet from the incident store", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restoring the fleet", e);
    }
  }
}
