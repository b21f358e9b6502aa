package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.minutes;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host's program is replaced when its series or the rules change; its alerts carry over. */
class RecompileCarryOverTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final EngineFixture f = new EngineFixture();
  private final HostState alpha = f.host("alpha");
  private final FakeVector root = FakeVector.of(labels("instance", "alpha", "mountpoint", "/"));

  private void newSeries(String mountpoint) throws Exception {
    alpha.define(
        "node_filesystem_avail_bytes",
        MetricFamily.Type.GAUGE,
        "",
        new String[] {"mountpoint", mountpoint});
  }

  /** An engine whose rule Disk fires at T0 for mountpoint /, as told. */
  private RuleEngine firingOnRoot() {
    f.load(rule("Disk", Duration.ZERO, Duration.ZERO));
    f.compiler.expr("Disk", root);
    RuleEngine engine = f.engine();
    root.set(0, 0.05);
    engine.onBatch(alpha, T0, false);
    assertEquals(List.of("raise alpha/Disk{mountpoint=/}"), f.sink.take());
    return engine;
  }

  @Test
  void shouldCarryAPendingAlertOverWhenTheHostsSeriesChange() throws Exception {
    f.load(rule("Disk", FIVE_MINUTES, Duration.ZERO));
    f.compiler.expr("Disk", root);
    RuleEngine engine = f.engine();
    root.set(0, 0.05);
    engine.onBatch(alpha, T0, false);

    newSeries("/home");
    FakeVector both =
        FakeVector.of(
            labels("instance", "alpha", "mountpoint", "/home"),
            labels("instance", "alpha", "mountpoint", "/"));
    f.compiler.expr("Disk", both);
    both.set(1, 0.05);
    engine.onBatch(alpha, T0 + minutes(3), false);
    assertEquals(2, f.compiler.compiles());
    assertEquals(List.of(), f.sink.take());

    engine.onBatch(alpha, T0 + minutes(5), false);

    assertEquals(List.of("raise alpha/Disk{mountpoint=/}"), f.sink.take(), "pending since T0");
    assertNull(f.compiler.previousPrograms().get(0));
    assertNotNull(f.compiler.previousPrograms().get(1), "the old program's windows carry over");
  }

  @Test
  void shouldCarryAFiringAlertOverAReloadWithoutTellingTheStoreAgain() {
    RuleEngine engine = firingOnRoot();

    f.load(rule("Other", Duration.ZERO, Duration.ZERO), rule("Disk", Duration.ZERO, Duration.ZERO));
    engine.onBatch(alpha, T0 + minutes(1), false);

    assertEquals(List.of(), f.sink.take());
    assertEquals(2, f.compiler.compiles());
    root.absent(0);
    engine.onBatch(alpha, T0 + minutes(2), false);
    assertEquals(List.of("clear alpha/Disk{mountpoint=/}"), f.sink.take());
  }

  @Test
  void shouldClearAToldAlertWhoseElementIsGoneAfterARecompile() {
    f.load(rule("Disk", Duration.ZERO, Duration.ZERO));
    FakeVector two =
        FakeVector.of(
            labels("instance", "alpha", "mountpoint", "/"),
            labels("instance", "alpha", "mountpoint", "/mnt/usb"));
    f.compiler.expr("Disk", two);
    RuleEngine engine = f.engine();
    two.set(0, 0.05).set(1, 0.01);
    engine.onBatch(alpha, T0, false);
    f.sink.take();

    FakeVector one = FakeVector.of(labels("instance", "alpha", "mountpoint", "/"));
    one.set(0, 0.05);
    f.compiler.expr("Disk", one);
    f.load(rule("Disk", Duration.ZERO, Duration.ZERO));
    engine.onBatch(alpha, T0 + minutes(1), false);

    assertEquals(List.of("clear alpha/Disk{mountpoint=/mnt/usb}"), f.sink.take());
  }

  @Test
  void shouldLeaveTheIncidentOfARuleNoLongerLoadedToAPerson() {
    RuleEngine engine = firingOnRoot();

    f.load(rule("Other", Duration.ZERO, Duration.ZERO));
    engine.onBatch(alpha, T0 + minutes(1), false);

    assertEquals(List.of(), f.sink.take());
  }

  @Test
  void shouldKeepTheOldProgramWhenACompileFailsAndNotRetryUntilSomethingChanges() throws Exception {
    f.load(rule("Disk", Duration.ZERO, Duration.ZERO));
    f.compiler.expr("Disk", root);
    RuleEngine engine = f.engine();
    engine.onBatch(alpha, T0, false);

    f.compiler.failWith(new IllegalStateException("series too odd"));
    newSeries("/home");
    root.set(0, 0.05);
    engine.onBatch(alpha, T0 + minutes(1), false);
    engine.onBatch(alpha, T0 + minutes(2), false);

    assertEquals(2, f.compiler.compiles(), "one failed attempt, not one per batch");
    assertEquals(1, f.metrics.compileProblems());
    assertEquals(List.of("raise alpha/Disk{mountpoint=/}"), f.sink.take(), "old program runs");
  }
}
