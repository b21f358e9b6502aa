package dev.vigil.collector.rules.engine;

import static dev.vigil.collector.rules.engine.EngineFixture.T0;
import static dev.vigil.collector.rules.engine.EngineFixture.labels;
import static dev.vigil.collector.rules.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.store.HostState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a restart the unresolved incidents in a real SQLite store are the alerts the engine starts
 * with: still firing ones are not raised again, gone ones are cleared at the first evaluation.
 */
class RestoreAfterRestartTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);

  @TempDir Path dir;

  private final EngineFixture f = new EngineFixture();

  private IncidentStore open() {
    return IncidentStore.open(
        dir.resolve("incidents.db").toString(),
        Duration.ofMinutes(10),
        (incident, tier) -> List.of(),
        CLOCK);
  }

  private static FiringAlert alert(String host, String rule, Map<String, String> labels) {
    return new FiringAlert(IncidentKey.of(host, rule, labels), Severity.CRITICAL, "", "");
  }

  @Test
  void shouldKeepWhatStillFiresAndClearWhatNoLongerDoes() throws Exception {
    long diskId;
    try (IncidentStore before = open()) {
      diskId = before.raise(alert("alpha", "Disk", Map.of("mountpoint", "/"))).get().id();
      before.raise(alert("alpha", "Disk", Map.of("mountpoint", "/old"))).get();
      before.raise(alert("alpha", "Load", Map.of())).get();
      before.raise(alert("alpha", "Removed", Map.of())).get();
      before.raise(alert("beta", "Disk", Map.of("mountpoint", "/"))).get();
    }
    f.load(
        rule("Disk", Duration.ofMinutes(5), Duration.ZERO),
        rule("Load", Duration.ZERO, Duration.ZERO));
    FakeVector disks =
        FakeVector.of(
            labels("instance", "alpha", "mountpoint", "/"),
            labels("instance", "alpha", "mountpoint", "/home"));
    f.compiler.expr("Disk", disks).expr("Load", FakeVector.of(labels("instance", "alpha")));
    disks.set(0, 0.05);
    HostState alpha = f.host("alpha");

    try (IncidentStore after = open()) {
      RuleEngine engine = f.engine(new StoreIncidentSink(after), after.unresolved());
      engine.onBatch(alpha, T0, true);
      assertEquals(0, f.metrics.cleared(), "nothing is told while catching up");
      engine.onBatch(alpha, T0 + 60_000, false);
    }

    assertEquals(0, f.metrics.raised());
    assertEquals(2, f.metrics.cleared());
    try (IncidentStore reopened = open()) {
      List<Incident> open = reopened.unresolved();
      TreeSet<String> keys = new TreeSet<>();
      for (Incident incident : open) {
        keys.add(incident.key().host() + "/" + incident.key().rule() + incident.key().labels());
      }
      assertEquals(
          "[alpha/Disk{mountpoint=/}, alpha/Removed{}, beta/Disk{mountpoint=/}]", keys.toString());
      assertEquals(
          diskId,
          open.stream().filter(i -> i.key().rule().equals("Disk")).findFirst().get().id(),
          "the same incident, not a new one");
    }
  }

  @Test
  void shouldCountARestoredIncidentAsFiringSinceItOpened() throws Exception {
    try (IncidentStore before = open()) {
      before.raise(alert("alpha", "Disk", Map.of("mountpoint", "/"))).get();
    }
    f.load(rule("Disk", Duration.ofMinutes(5), Duration.ZERO));
    FakeVector disks = FakeVector.of(labels("instance", "alpha", "mountpoint", "/"));
    f.compiler.expr("Disk", disks);
    HostState alpha = f.host("alpha");

    try (IncidentStore after = open()) {
      RuleEngine engine = f.engine(f.sink, after.unresolved());
      disks.set(0, 0.05);
      engine.onBatch(alpha, T0 + 1_000, false);
      disks.absent(0);
      engine.onBatch(alpha, T0 + 2_000, false);
    }

    assertEquals(List.of("clear alpha/Disk{mountpoint=/}"), f.sink.take());
  }

  /**
   * A host remembered from before the restart but not back yet has no data to judge its restored
   * incidents by: they are neither cleared nor raised again until its first batch, which then
   * clears what no longer holds, including a restored alert the engine had only seen pending.
   */
  @Test
  void shouldLeaveASeededHostsRestoredIncidentsAloneUntilItsFirstBatch() throws Exception {
    try (IncidentStore before = open()) {
      before.raise(alert("alpha", "Disk", Map.of("mountpoint", "/"))).get();
      before.raise(alert("alpha", "Offline", Map.of())).get();
    }
    f.load(
        rule("Disk", Duration.ofMinutes(5), Duration.ZERO),
        rule("Offline", Duration.ofMinutes(5), Duration.ZERO));
    FakeVector disks = FakeVector.of(labels("instance", "alpha", "mountpoint", "/"));
    FakeVector offline = FakeVector.of(labels("instance", "alpha")).set(0, 1);
    f.compiler.expr("Disk", disks).expr("Offline", offline);
    HostState alpha = f.store.host("alpha");

    try (IncidentStore after = open()) {
      RuleEngine engine = f.engine(f.sink, after.unresolved());
      engine.seeded(alpha);
      for (int sweep = 0; sweep < 16; sweep++) {
        f.wall.addAndGet(RuleEngine.SWEEP_PERIOD.toMillis());
        engine.sweep();
      }
      assertEquals(List.of(), f.sink.take(), "four minutes seeded: nothing raised or cleared");
      assertEquals(17, offline.evaluations(), "evaluated at once, then by every sweep");

      offline.absent(0);
      alpha.claim(f.stream, alpha.identity(), f.wall.get());
      engine.onBatch(alpha, T0, false);
    }

    assertEquals(List.of("clear alpha/Disk{mountpoint=/}", "clear alpha/Offline{}"), f.sink.take());
  }
}
