package dev.vigil.collector.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.Collector;
import dev.vigil.collector.TestConfigs;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.store.FleetHost;
import dev.vigil.collector.incident.store.MutableClock;
import dev.vigil.collector.ingest.Frames;
import dev.vigil.collector.ingest.RawStream;
import dev.vigil.collector.store.HostState;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collector restarted on the same incident database remembers its fleet: a host connected when it
 * stopped that never comes back opens HostOffline five minutes of the fake clock after the new
 * collector started, a host that said Goodbye opens nothing, a host lost before its first batch
 * opens HostOffline too, and a forgotten host is gone for good. Real SQLite file, the default rule
 * pack, real gRPC streams on loopback; the engine's sweep is driven by the test.
 */
class FleetRestartTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration FOR = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  @ParameterizedTest(name = "previous collector crashed: {0}")
  @ValueSource(booleans = {false, true})
  void shouldOpenHostOfflineForAHostConnectedWhenTheCollectorStoppedThatNeverReturns(boolean crash)
      throws Exception {
    FleetCollector first = new FleetCollector(dir, clock);
    first.connect("alpha");
    if (crash) {
      first.crash();
    } else {
      first.close();
    }
    clock.advance(Duration.ofHours(1));

    try (FleetCollector second = new FleetCollector(dir, clock)) {
      HostState alpha = second.store.find("alpha");
      assertTrue(alpha.lost(), "remembered, not up, lost");
      assertEquals("test", alpha.identity().agentVersion());

      second.sweepFor(FOR.minus(Duration.ofSeconds(15)));
      assertEquals(List.of(), second.unresolved(), "still within the grace period");
      second.sweepFor(Duration.ofSeconds(15));
      assertEquals(List.of("alpha/HostOffline"), second.unresolved());
    }
  }

  @Test
  void shouldOpenNothingForAHostThatSaidGoodbyeBeforeTheRestart() throws Exception {
    try (FleetCollector first = new FleetCollector(dir, clock)) {
      RawStream agent = first.connect("beta");
      agent.send(Frames.goodbye());
      agent.finish();
      agent.awaitClose();
    }
    clock.advance(Duration.ofHours(1));

    try (FleetCollector second = new FleetCollector(dir, clock)) {
      HostState beta = second.store.find("beta");
      assertTrue(beta.leftCleanly(), "remembered as shut down");
      second.sweepFor(FOR.multipliedBy(2));
      assertEquals(List.of(), second.unresolved());
      assertTrue(second.metrics.evaluations() > 0, "evaluated all the same");
    }
  }

  @Test
  void shouldOpenHostOfflineForAHostLostAfterHelloBeforeItsFirstBatch() throws Exception {
    try (FleetCollector collector = new FleetCollector(dir, clock)) {
      ManagedChannel own =
          NettyChannelBuilder.forAddress(collector.ingest.address()).usePlaintext().build();
      RawStream.open(own, Frames.hello("gamma"));
      HostState gamma = collector.awaitClaimed("gamma");
      own.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      FleetCollector.awaitLost(gamma);

      collector.sweepFor(FOR);
      assertEquals(List.of(), collector.unresolved(), "pending since the first sweep saw it lost");
      collector.sweepFor(Duration.ofSeconds(15));
      assertEquals(List.of("gamma/HostOffline"), collector.unresolved());
    }
  }

  @Test
  void shouldForgetAHostResolvingItsIncidentsSoThatTheNextRestartDoesNotBringItBack()
      throws Exception {
    try (FleetCollector first = new FleetCollector(dir, clock)) {
      first.connect("alpha");
    }
    clock.advance(Duration.ofHours(1));
    try (FleetCollector second = new FleetCollector(dir, clock)) {
      second.sweepFor(FOR);
      assertEquals(List.of("alpha/HostOffline"), second.unresolved());
      long raised = second.metrics.raised();

      List<Incident> resolved = second.forgetter().forget("alpha", "ana").get(10, TimeUnit.SECONDS);

      assertEquals(1, resolved.size());
      List<IncidentEvent> timeline = second.incidents.timeline(resolved.get(0).id());
      IncidentEvent last = timeline.get(timeline.size() - 1);
      assertEquals(List.of("ana", "host forgotten"), List.of(last.actor(), last.comment()));
      assertNull(second.store.find("alpha"));
      second.sweepFor(FOR.multipliedBy(2));
      assertEquals(raised, second.metrics.raised(), "the engine forgot it too");
      assertEquals(List.of(), second.unresolved());
    }
    clock.advance(Duration.ofHours(1));
    try (FleetCollector third = new FleetCollector(dir, clock)) {
      assertNull(third.store.find("alpha"));
      third.sweepFor(FOR.multipliedBy(2));
      assertEquals(List.of(), third.unresolved());
    }
  }

  @Test
  void shouldRefuseToForgetAConnectedHost() throws Exception {
    try (FleetCollector collector = new FleetCollector(dir, clock)) {
      collector.connect("alpha");
      HostForgetter forgetter = collector.forgetter();
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> forgetter.forget("alpha", "ana"));
      assertEquals("host alpha is connected", refused.getMessage());
      assertTrue(collector.store.find("alpha").up());
    }
  }

  @Test
  void shouldRecordLastSeenWhenRefreshedNotPerBatch() throws Exception {
    try (FleetCollector collector = new FleetCollector(dir, clock)) {
      RawStream agent = collector.connect("alpha");
      clock.advance(Duration.ofSeconds(50));
      agent.send(Frames.denseBatch(2, 6));
      assertEquals(2, agent.nextAck());
      collector.settle();
      assertEquals(T0, lastSeen(collector, "alpha"), "as of its Hello: a batch writes nothing");

      assertEquals(1, collector.recorder.refresh());
      collector.settle();
      assertEquals(T0.plusSeconds(50), lastSeen(collector, "alpha"));
    }
  }

  @Test
  void shouldRememberTheFleetAcrossARestartOfTheWholeCollector() throws Exception {
    try (Collector first = Collector.start(TestConfigs.loopback(dir), clock::millis)) {
      ManagedChannel own =
          NettyChannelBuilder.forAddress(first.ingestAddress()).usePlaintext().build();
      RawStream agent =
          RawStream.open(own, Frames.hello("alpha"), Frames.cpuCatalog(1), Frames.denseBatch(1, 5));
      assertEquals(1, agent.nextAck());
      own.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    clock.advance(Duration.ofHours(1));

    try (Collector second = Collector.start(TestConfigs.loopback(dir), clock::millis)) {
      HostState alpha = second.store().find("alpha");
      assertTrue(alpha.lost());
      assertEquals(Map.of("site", "lab"), alpha.identity().labels());
      assertEquals(List.of("alpha"), names(second.alerting().store().fleet("any").hosts()));
    }
  }

  private static Instant lastSeen(FleetCollector collector, String host) {
    return collector.fleet.hosts().stream()
        .filter(h -> h.name().equals(host))
        .findFirst()
        .orElseThrow()
        .lastSeen();
  }

  private static List<String> names(List<FleetHost> hosts) {
    return hosts.stream().map(FleetHost::name).toList();
  }
}
