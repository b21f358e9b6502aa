package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.vigil.collector.store.HostState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the engine's part of a batch (observe, evaluate every rule, step every alert)
 * allocates nothing while no alert changes state toward the store, with alerts inactive, pending,
 * firing and held by keep_firing_for. The compiled expressions are test doubles that allocate
 * nothing; the real compiler's share is measured with it.
 */
class EngineAllocationTest {
  private static final int ELEMENTS = 200;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 10_000;

  /** Slack for a stray JVM-internal allocation; one object per batch would cost 160 KB. */
  private static final long ALLOWANCE_BYTES = 4 * 1024;

  @Test
  void shouldEvaluateWithoutAllocatingWhileNothingChanges() {
    EngineFixture f = new EngineFixture();
    f.load(
        rule("Firing", Duration.ZERO, Duration.ZERO),
        rule("Pending", Duration.ofDays(365), Duration.ZERO),
        rule("Held", Duration.ZERO, Duration.ofDays(365)));
    FakeVector firing = elements();
    FakeVector pending = elements();
    FakeVector held = elements();
    f.compiler.expr("Firing", firing).expr("Pending", pending).expr("Held", held);
    RuleEngine engine = f.engine();
    HostState host = f.host("alpha");
    for (int e = 0; e < ELEMENTS; e += 2) {
      firing.set(e, 1);
      pending.set(e, 1);
      held.set(e, 1);
    }
    engine.onBatch(host, T0, false);
    for (int e = 0; e < ELEMENTS; e += 2) {
      held.absent(e);
    }

    long at = run(engine, host, T0 + 1, WARMUP);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    run(engine, host, at, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals(2 * ELEMENTS / 2, f.metrics.raised(), "Firing and Held raised once, no more");
    assertEquals(0, f.metrics.cleared());
    assertTrue(allocated <= ALLOWANCE_BYTES, allocated + " bytes over " + MEASURED + " batches");
  }

  private static FakeVector elements() {
    @SuppressWarnings("unchecked")
    Map<String, String>[] labels = new Map[ELEMENTS];
    for (int e = 0; e < ELEMENTS; e++) {
      labels[e] = labels("instance", "alpha", "cpu", String.valueOf(e));
    }
    return FakeVector.of(labels);
  }

  private static long run(RuleEngine engine, HostState host, long from, int batches) {
    long at = from;
    for (int i = 0; i < batches; i++, at += 15_000) {
      engine.onBatch(host, at, false);
    }
    return at;
  }
}
