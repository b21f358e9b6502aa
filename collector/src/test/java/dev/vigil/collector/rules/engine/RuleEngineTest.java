package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.minutes;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.store.HostState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The alert state machine against Prometheus 2.42's documented behaviour ({@code for}, {@code
 * keep_firing_for}) and Vigil's {@code vigil_keep_firing_while}, with vectors the test sets.
 */
class RuleEngineTest {
  private static final Duration NONE = Duration.ZERO;
  private static final String ALPHA_LOAD = "raise alpha/Load{}";
  private static final String ALPHA_LOAD_CLEAR = "clear alpha/Load{}";

  private final EngineFixture f = new EngineFixture();
  private final FakeVector load = FakeVector.of(labels("instance", "alpha"));
  private final HostState alpha = f.host("alpha");

  private RuleEngine engineWith(Duration pendingFor, Duration keepFiringFor) {
    f.load(rule("Load", pendingFor, keepFiringFor));
    f.compiler.expr("Load", load);
    return f.engine();
  }

  /** A batch at {@code T0 + minutes}, not catching up; returns what the store was told. */
  private List<String> batch(RuleEngine engine, double minutes) {
    engine.onBatch(alpha, T0 + minutes(minutes), false);
    return f.sink.take();
  }

  @Test
  void shouldFireAtOnceWithoutFor() {
    RuleEngine engine = engineWith(NONE, NONE);

    load.set(0, 5);
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 0));
    assertEquals(List.of(), batch(engine, 1), "a raise is told once");
    load.absent(0);
    assertEquals(List.of(ALPHA_LOAD_CLEAR), batch(engine, 2));
    assertEquals(List.of(), batch(engine, 3));
  }

  @Test
  void shouldStayPendingUntilForHasPassedSinceTheElementFirstReturned() {
    RuleEngine engine = engineWith(Duration.ofMinutes(5), NONE);

    load.set(0, 5);
    assertEquals(List.of(), batch(engine, 0));
    assertEquals(List.of(), batch(engine, 4.99));
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 5), "fires when at - activeAt >= for");
    assertEquals(List.of(), batch(engine, 6));
  }

  @Test
  void shouldStartPendingAgainWhenAFlappingElementDisappearsBeforeFor() {
    RuleEngine engine = engineWith(Duration.ofMinutes(5), NONE);

    load.set(0, 5);
    batch(engine, 0);
    load.absent(0);
    batch(engine, 1);
    load.set(0, 5);
    for (double m = 2; m < 7; m += 0.5) {
      assertEquals(List.of(), batch(engine, m), "pending since minute 2, at minute " + m);
    }
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 7));
    assertEquals(1, f.metrics.raised());
  }

  @Test
  void shouldKeepFiringForKeepFiringForAfterTheConditionStops() {
    RuleEngine engine = engineWith(NONE, Duration.ofMinutes(10));

    load.set(0, 5);
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 0));
    load.absent(0);
    assertEquals(List.of(), batch(engine, 1), "keeps firing from minute 1");
    assertEquals(List.of(), batch(engine, 10.99));
    assertEquals(List.of(ALPHA_LOAD_CLEAR), batch(engine, 11));
  }

  @Test
  void shouldRestartKeepFiringForWhenTheConditionReturnsInBetween() {
    RuleEngine engine = engineWith(NONE, Duration.ofMinutes(10));

    load.set(0, 5);
    batch(engine, 0);
    load.absent(0);
    batch(engine, 1);
    load.set(0, 5);
    batch(engine, 8);
    load.absent(0);
    assertEquals(List.of(), batch(engine, 9), "keeps firing from minute 9 now");
    assertEquals(List.of(), batch(engine, 18.99));
    assertEquals(List.of(ALPHA_LOAD_CLEAR), batch(engine, 19));
  }

  @Test
  void shouldNeverFireAPendingAlertThroughKeepFiringFor() {
    RuleEngine engine = engineWith(Duration.ofMinutes(5), Duration.ofMinutes(10));

    load.set(0, 5);
    batch(engine, 0);
    load.absent(0);
    batch(engine, 4);
    load.set(0, 5);

    assertEquals(List.of(), batch(engine, 8), "pending again since minute 8");
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 13));
  }

  @Test
  void shouldKeepFiringWhileTheLooserConditionHoldsThenForKeepFiringFor() {
    FakeVector looser = FakeVector.of(labels("instance", "alpha"));
    f.compiler.keepFiringWhile("Load", looser);
    RuleEngine engine = engineWith(NONE, Duration.ofMinutes(10));

    load.set(0, 5);
    looser.set(0, 5);
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 0));
    load.absent(0);
    assertEquals(List.of(), batch(engine, 1));
    assertEquals(List.of(), batch(engine, 60), "held for an hour by the looser condition");
    looser.absent(0);
    assertEquals(List.of(), batch(engine, 61), "keep_firing_for counts from minute 61");
    assertEquals(List.of(ALPHA_LOAD_CLEAR), batch(engine, 71));
  }

  @Test
  void shouldResolveAtOnceWhenTheLooserConditionStopsWithoutKeepFiringFor() {
    FakeVector looser = FakeVector.of(labels("instance", "alpha"));
    f.compiler.keepFiringWhile("Load", looser);
    RuleEngine engine = engineWith(NONE, NONE);

    load.set(0, 5);
    looser.set(0, 5);
    batch(engine, 0);
    load.absent(0);
    assertEquals(List.of(), batch(engine, 30));
    looser.absent(0);
    assertEquals(List.of(ALPHA_LOAD_CLEAR), batch(engine, 31));
  }

  @Test
  void shouldNotLetTheLooserConditionStartOrHoldAPendingAlert() {
    FakeVector looser = FakeVector.of(labels("instance", "alpha"));
    f.compiler.keepFiringWhile("Load", looser);
    RuleEngine engine = engineWith(Duration.ofMinutes(5), NONE);
    looser.set(0, 5);

    assertEquals(List.of(), batch(engine, 0));
    load.set(0, 5);
    batch(engine, 1);
    load.absent(0);
    batch(engine, 2);
    load.set(0, 5);
    batch(engine, 3);

    assertEquals(List.of(), batch(engine, 7.99), "pending since minute 3, not minute 1");
    assertEquals(List.of(ALPHA_LOAD), batch(engine, 8));
  }

  @Test
  void shouldHoldOnlyTheElementWithTheSameLabels() {
    FakeVector disks =
        FakeVector.of(
            labels("instance", "alpha", "mountpoint", "/"),
            labels("instance", "alpha", "mountpoint", "/home"));
    FakeVector looser = FakeVector.of(labels("instance", "alpha", "mountpoint", "/home"));
    f.load(rule("Disk", NONE, NONE));
    f.compiler.expr("Disk", disks).keepFiringWhile("Disk", looser);
    RuleEngine engine = f.engine();
    disks.set(0, 0.05).set(1, 0.05);
    looser.set(0, 0.12);
    engine.onBatch(alpha, T0, false);
    f.sink.take();

    disks.absent(0).absent(1);
    engine.onBatch(alpha, T0 + minutes(1), false);

    assertEquals(List.of("clear alpha/Disk{mountpoint=/}"), f.sink.take());
  }

  @Test
  void shouldRaiseWithSeverityAndRenderedAnnotations() {
    f.load(
        rule(
            "Disk",
            NONE,
            NONE,
            Map.of("severity", "warning"),
            Map.of(
                "summary",
                    "Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is"
                        + " {{ $value | humanizePercentage }} free",
                "runbook_url", "https://kb.example.org/disk?host={{ $labels.instance }}",
                "description", "not sent")));
    FakeVector disks = FakeVector.of(labels("instance", "alpha", "mountpoint", "/"));
    f.compiler.expr("Disk", disks);
    RuleEngine engine = f.engine();

    disks.set(0, 0.0734);
    engine.onBatch(alpha, T0, false);

    FiringAlert alert = f.sink.raised().get(0);
    assertEquals("alpha", alert.key().host());
    assertEquals("Disk", alert.key().rule());
    assertEquals(Map.of("mountpoint", "/"), alert.key().labels(), "instance is the host");
    assertEquals(Severity.WARNING, alert.severity());
    assertEquals("Filesystem / on alpha is 7.34% free", alert.summary());
    assertEquals("https://kb.example.org/disk?host=alpha", alert.runbookUrl());
  }

  @Test
  void shouldCountEvaluationsAndObserveBeforeEachOne() {
    RuleEngine engine = engineWith(NONE, NONE);

    batch(engine, 0);
    batch(engine, 1);

    assertEquals(2, f.metrics.evaluations());
    assertEquals(2, f.compiler.observed());
    assertEquals(2, load.evaluations());
    assertEquals(T0 + minutes(1), load.lastEvaluatedAt());
  }

  @Test
  void shouldNotCompileWithoutRules() {
    RuleEngine engine = f.engine();

    engine.onBatch(alpha, T0, false);

    assertEquals(0, f.compiler.compiles());
    assertEquals(0, f.metrics.evaluations());
  }
}
