package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.minutes;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.store.HostState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While a backlog replays, alerts move but nobody is told; the first live evaluation reconciles.
 */
class CatchUpTest {
  private final EngineFixture f = new EngineFixture();
  private final HostState alpha = f.host("alpha");
  private final FakeVector disks =
      FakeVector.of(
          labels("instance", "alpha", "mountpoint", "/"),
          labels("instance", "alpha", "mountpoint", "/home"),
          labels("instance", "alpha", "mountpoint", "/var"));
  private RuleEngine engine;

  private void start() {
    f.load(rule("Disk", Duration.ofMinutes(5), Duration.ZERO));
    f.compiler.expr("Disk", disks);
    engine = f.engine();
  }

  @Test
  void shouldEmitOnlyTheDifferenceOnceCaughtUp() {
    start();
    disks.set(0, 0.05).set(2, 0.05);
    engine.onBatch(alpha, T0, false);
    engine.onBatch(alpha, T0 + minutes(5), false);
    assertEquals(
        List.of("raise alpha/Disk{mountpoint=/}", "raise alpha/Disk{mountpoint=/var}"),
        f.sink.take());

    // Replay: / resolves; /home fires and resolves again; /var stays firing.
    disks.absent(0).set(1, 0.05);
    for (int m = 6; m <= 12; m++) {
      engine.onBatch(alpha, T0 + minutes(m), true);
    }
    disks.absent(1);
    engine.onBatch(alpha, T0 + minutes(13), true);
    assertEquals(List.of(), f.sink.take(), "nothing told while catching up");

    engine.onBatch(alpha, T0 + minutes(14), false);

    assertEquals(List.of("clear alpha/Disk{mountpoint=/}"), f.sink.take());
  }

  @Test
  void shouldRaiseWhatFiresAtTheEndOfTheBacklogWithTheTimeItHeld() {
    start();
    disks.set(1, 0.05);
    for (int m = 0; m <= 10; m++) {
      engine.onBatch(alpha, T0 + minutes(m), true);
    }
    assertEquals(List.of(), f.sink.take());

    engine.onBatch(alpha, T0 + minutes(11), false);

    assertEquals(List.of("raise alpha/Disk{mountpoint=/home}"), f.sink.take());
    assertEquals(12, f.metrics.evaluations(), "every replayed batch was evaluated");
  }
}
