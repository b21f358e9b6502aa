package dev.vigil.collector.api;

import dev.vigil.collector.fleet.HostForgetter;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.engine.StoreIncidentSink;
import dev.vigil.collector.rules.eval.HostCompiler;
import dev.vigil.collector.store.SeriesStore;
import java.util.List;

/** The API tests' host forgetter: over their hosts and incidents, with an engine without rules. */
final class Forgetters {
  private Forgetters() {}

  static HostForgetter of(SeriesStore hosts, IncidentStore incidents, long nowMillis) {
    RuleEngine engine =
        new RuleEngine(
            () -> RuleSet.EMPTY,
            new HostCompiler(hosts),
            new StoreIncidentSink(incidents),
            List.of(),
            new EngineMetrics(),
            () -> nowMillis);
    return new HostForgetter(hosts, engine, incidents, incidents.fleet("test"), () -> nowMillis);
  }
}
