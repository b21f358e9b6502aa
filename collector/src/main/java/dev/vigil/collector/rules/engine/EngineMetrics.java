package dev.vigil.collector.rules.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's counters. Ingest threads only add to adders; Micrometer reads them at scrape time,
 * as in {@code ingest/IngestMetrics}.
 */
public final class EngineMetrics {
  final LongAdder evaluations = new LongAdder();
  final LongAdder raised = new LongAdder();
  final LongAdder cleared = new LongAdder();
  final LongAdder compileProblems = new LongAdder();

  /** Rule evaluations so far, one per rule per host evaluation. */
  public long evaluations() {
    return evaluations.sum();
  }

  /** Incidents the engine raised so far. */
  public long raised() {
    return raised.sum();
  }

  /** Incidents the engine cleared so far. */
  public long cleared() {
    return cleared.sum();
  }

  /** Failed compiles and rules with an unknown severity so far. */
  public long compileProblems() {
    return compileProblems.sum();
  }

  /** Registers every counter with {@code registry} under {@code vigil_rules_*}. */
  public void bindTo(MeterRegistry registry) {
    counter(
        registry, "vigil.rules.evaluations", "Rule evaluations, per rule and host", evaluations);
    counter(registry, "vigil.rules.incidents.raised", "Alerts that started firing", raised);
    counter(registry, "vigil.rules.incidents.cleared", "Alerts that stopped firing", cleared);
    counter(
        registry,
        "vigil.rules.compile.problems",
        "Rule programs that failed to compile for a host, and rules with an unknown severity",
        compileProblems);
  }

  private static void counter(MeterRegistry registry, String name, String help, LongAdder adder) {
    FunctionCounter.builder(name, adder, LongAdder::doubleValue)
        .description(help)
        .register(registry);
  }
}
