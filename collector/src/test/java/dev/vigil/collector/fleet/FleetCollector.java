package dev.vigil.collector.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.CollectorConfig;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.store.FleetTable;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.incident.store.MutableClock;
import dev.vigil.collector.ingest.Frames;
import dev.vigil.collector.ingest.IngestMetrics;
import dev.vigil.collector.ingest.IngestServer;
import dev.vigil.collector.ingest.RawStream;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.engine.StoreIncidentSink;
import dev.vigil.collector.rules.eval.HostCompiler;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The parts of a collector the fleet joins, wired as {@code Collector.start} wires them but with
 * the sweep driven by the test: a real SQLite incident store, the default rule pack compiled by the
 * real compiler, the engine, the fleet seeded from the store and recorded in front of the engine,
 * and a real gRPC ingest server on loopback. All on a clock the test moves.
 */
final class FleetCollector implements AutoCloseable {
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");

  final MutableClock clock;
  final SeriesStore store = new SeriesStore(1_000);
  final EngineMetrics metrics = new EngineMetrics();
  final IncidentStore incidents;
  final FleetTable fleet;
  final RuleEngine engine;
  final FleetRecorder recorder;
  final IngestServer ingest;
  final ManagedChannel channel;
  private boolean crashed;

  /** The collector named {@code test}, as every restart of one collector is. */
  FleetCollector(Path dir, MutableClock clock) throws Exception {
    this(dir, clock, "test");
  }

  /**
   * @param name the collector's name in the fleet table: another name is another collector sharing
   *     the database
   */
  FleetCollector(Path dir, MutableClock clock, String name) throws Exception {
    this.clock = clock;
    RuleSet pack = defaultPack();
    incidents =
        IncidentStore.open(
            dir.resolve("incidents.db").toString(),
            Duration.ofMinutes(10),
            (incident, tier) -> List.of(),
            clock);
    engine =
        new RuleEngine(
            () -> pack,
            new HostCompiler(store),
            new StoreIncidentSink(incidents),
            incidents.unresolved(),
            metrics,
            clock::millis);
    fleet = incidents.fleet(name);
    FleetSeeder.seed(fleet, store, engine, clock.instant());
    CollectorConfig config =
        CollectorConfig.defaults()
            .withListen(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0));
    recorder = new FleetRecorder(fleet, store, engine, clock::millis);
    ingest = IngestServer.start(config, store, new IngestMetrics(), recorder, clock::millis);
    channel = NettyChannelBuilder.forAddress(ingest.address()).usePlaintext().build();
  }

  private static RuleSet defaultPack() throws Exception {
    try (RuleReloader reloader =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      return reloader.rules().current();
    }
  }

  /** Forgets hosts as the API would, here. */
  HostForgetter forgetter() {
    return new HostForgetter(store, engine, incidents, fleet, clock::millis);
  }

  /** A host that delivers a catalog and a batch, acknowledged, and stays connected. */
  RawStream connect(String host) throws Exception {
    RawStream agent =
        RawStream.open(channel, Frames.hello(host), Frames.cpuCatalog(1), Frames.denseBatch(1, 5));
    assertEquals(1, agent.nextAck());
    return agent;
  }

  /** Bounded wait: the ingest thread claims hosts on its own. */
  HostState awaitClaimed(String name) throws InterruptedException {
    for (int i = 0; i < 1_000; i++) {
      HostState host = store.find(name);
      if (host != null && host.up()) {
        return host;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(name + " did not connect within 10 s");
  }

  /** Bounded wait: the ingest thread releases hosts on its own. */
  static void awaitLost(HostState host) throws InterruptedException {
    for (int i = 0; i < 1_000 && !host.lost(); i++) {
      Thread.sleep(10);
    }
    assertTrue(host.lost(), host.name() + " not lost within 10 s");
  }

  /**
   * Sweeps every {@link RuleEngine#SWEEP_PERIOD} of the clock for {@code span}, as the engine's
   * thread would.
   */
  void sweepFor(Duration span) {
    long steps = span.toMillis() / RuleEngine.SWEEP_PERIOD.toMillis();
    for (long i = 0; i < steps; i++) {
      clock.advance(RuleEngine.SWEEP_PERIOD);
      engine.sweep();
    }
  }

  /** The unresolved incidents as host/rule, once the writer has run every raise handed to it. */
  List<String> unresolved() throws Exception {
    settle();
    return incidents.unresolved().stream().map(FleetCollector::text).toList();
  }

  /** Waits until the writer has run every change handed to it so far. */
  void settle() throws Exception {
    // The writer runs changes in order: once this empty one is done, every one before it is too.
    fleet.seen(Map.of()).get(10, TimeUnit.SECONDS);
  }

  private static String text(Incident incident) {
    return incident.key().host() + "/" + incident.key().rule();
  }

  /**
   * Stops as a crash would: the incident database closes first, so the streams still open end
   * without their release being recorded.
   */
  void crash() throws Exception {
    crashed = true;
    incidents.close();
    close();
  }

  @Override
  public void close() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    ingest.close();
    engine.close();
    if (!crashed) {
      incidents.close();
    }
  }
}
