package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.store.HostState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hosts that send nothing are evaluated by the sweep, on the agent's time line moved by wall time.
 */
class SweepTest {
  private static final long SWEEP = RuleEngine.SWEEP_PERIOD.toMillis();

  private final EngineFixture f = new EngineFixture();
  private final FakeVector lost = FakeVector.of(labels("instance", "alpha"));
  private final HostState alpha = f.host("alpha");
  private RuleEngine engine;

  private void start() {
    f.load(rule("HostOffline", Duration.ofMinutes(5), Duration.ZERO));
    f.compiler.expr("HostOffline", lost);
    engine = f.engine();
  }

  @Test
  void shouldOpenHostOfflineForALostHostAfterTheGracePeriod() {
    start();
    engine.onBatch(alpha, T0, false);
    alpha.release(f.stream, false);
    lost.set(0, 1);

    int sweeps = 0;
    while (f.sink.take().isEmpty() && sweeps < 100) {
      f.wall.addAndGet(SWEEP);
      assertEquals(1, engine.sweep());
      sweeps++;
      // The agent's clock is 3 hours behind the collector's: the sweep keeps to the agent's.
      assertEquals(T0 + sweeps * SWEEP, lost.lastEvaluatedAt());
    }

    assertEquals(21, sweeps, "pending from the first sweep, firing 5 minutes later");
  }

  @Test
  void shouldLeaveAHostThatSentABatchWithinTheSweepPeriod() {
    start();
    HostState beta = f.host("beta");
    engine.onBatch(alpha, T0, false);
    f.wall.addAndGet(SWEEP - 1);
    engine.onBatch(beta, T0, false);
    f.wall.addAndGet(1);

    assertEquals(1, engine.sweep(), "alpha only");
    assertEquals(List.of(), f.sink.take());
  }

  @Test
  void shouldNotTellAnythingForAStreamThatPausedInTheMiddleOfItsBacklog() {
    start();
    lost.set(0, 1);
    engine.onBatch(alpha, T0, true);
    for (int i = 0; i < 30; i++) {
      f.wall.addAndGet(SWEEP);
      engine.sweep();
    }
    assertEquals(List.of(), f.sink.take(), "still connected and catching up");

    alpha.release(f.stream, false);
    f.wall.addAndGet(SWEEP);
    engine.sweep();

    assertEquals(List.of("raise alpha/HostOffline{}"), f.sink.take());
  }
}
