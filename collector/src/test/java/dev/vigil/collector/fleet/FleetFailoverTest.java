package dev.vigil.collector.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors sharing one incident database, as two behind one PostgreSQL are (here a real
 * SQLite file both open), with the default rule pack and real gRPC streams on loopback; the sweeps
 * and the once-a-minute fleet refreshes are driven by the test on one fake clock. An agent whose
 * stream to collector a ends fails over to b: a opens no HostOffline while b has it, and opens one
 * once b dies (stops refreshing the host's last-seen time), as it did before the host moved.
 */
class FleetFailoverTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration FOR = Duration.ofMinutes(5);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);

  @Test
  void shouldOpenNoHostOfflineForAHostThatFailedOverUntilTheOtherCollectorDies() throws Exception {
    try (FleetCollector a = new FleetCollector(dir, clock, "a:7431");
        FleetCollector b = new FleetCollector(dir, clock, "b:7431")) {
      ManagedChannel toA =
          NettyChannelBuilder.forAddress(a.ingest.address()).usePlaintext().build();
      RawStream.open(toA, Frames.hello("alpha"), Frames.cpuCatalog(1), Frames.denseBatch(1, 5))
          .nextAck();
      HostState alphaOnA = a.awaitClaimed("alpha");
      toA.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      FleetCollector.awaitLost(alphaOnA);
      RawStream onB = b.connect("alpha");
      b.settle();

      a.recorder.refresh();
      assertTrue(alphaOnA.elsewhere(), "up on b");
      assertEquals(false, alphaOnA.lost());
      for (int minute = 0; minute < 10; minute++) {
        a.sweepFor(MINUTE);
        onB.send(Frames.denseBatch(2 + minute, 5));
        onB.nextAck();
        b.recorder.refresh();
        b.settle();
        a.recorder.refresh();
      }
      assertEquals(List.of(), a.unresolved(), "ten minutes on b");

      b.crash();
      a.sweepFor(FleetRecorder.FRESH.minus(MINUTE));
      a.recorder.refresh();
      assertTrue(alphaOnA.elsewhere(), "b's last refresh is still fresh");
      a.sweepFor(MINUTE.plusSeconds(15));
      a.recorder.refresh();
      assertTrue(alphaOnA.lost(), "b stopped refreshing it: b is gone");
      a.sweepFor(FOR);
      assertEquals(List.of(), a.unresolved(), "pending since a found it lost");
      a.sweepFor(Duration.ofSeconds(15));
      assertEquals(List.of("alpha/HostOffline"), a.unresolved());
    }
  }

  @Test
  void shouldTakeAHostUpOnAnotherCollectorAsUpThereWhenItRestarts() throws Exception {
    try (FleetCollector b = new FleetCollector(dir, clock, "b:7431")) {
      b.connect("alpha");
      b.settle();
      clock.advance(Duration.ofSeconds(30));

      try (FleetCollector a = new FleetCollector(dir, clock, "a:7431")) {
        HostState alpha = a.store.find("alpha");
        assertTrue(alpha.elsewhere(), "seeded as up on b, not lost");
        a.sweepFor(FOR.multipliedBy(2));
        assertEquals(List.of(), a.unresolved());
      }
    }
  }

  @Test
  void shouldRefuseToForgetAHostUpOnAnotherCollectorEvenOneThisCollectorNeverSaw()
      throws Exception {
    try (FleetCollector a = new FleetCollector(dir, clock, "a:7431");
        FleetCollector b = new FleetCollector(dir, clock, "b:7431")) {
      b.connect("beta");
      b.settle();

      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> a.forgetter().forget("beta", "ana"));

      assertEquals("host beta is connected", refused.getMessage());
      assertEquals(List.of("beta"), b.fleet.hosts().stream().map(h -> h.name()).toList());
    }
  }
}
