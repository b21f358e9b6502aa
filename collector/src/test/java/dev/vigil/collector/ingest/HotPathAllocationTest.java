package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.vigil.collector.fleet.FleetRecorder;
import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.store.FleetHost;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.IncidentSink;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.eval.HostCompiler;
import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.Batch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that decode + apply of a batch allocates nothing, and that decode + apply + evaluate of
 * the default rule pack allocates nothing once its alerts have settled, by counting the bytes this
 * thread allocates across many warmed-up iterations. Complements the JMH benchmark in bench/ (run
 * with {@code -prof gc}), which measures the same path for speed.
 */
class HotPathAllocationTest {
  @TempDir Path dir;

  private static final int SAMPLES = 512;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 10_000;
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");
  private static final long FIRST_TIMESTAMP = 1_767_225_600_000L;
  private static final long TICK_MILLIS = 15_000;

  /**
   * Bytes the measured loop may allocate in total: slack for a stray JVM-internal allocation (a
   * deoptimisation, a lazily created thread-local), not for our code. 4 KiB over 5,120,000 samples
   * is under a thousandth of a byte per sample; one boxed value or array per batch would already
   * cost over 160 KB and fail.
   */
  private static final long ALLOWANCE_BYTES = 4 * 1024;

  private final IngestMetrics metrics = new IngestMetrics();
  private final BatchDecoder decoder = new BatchDecoder();

  @ParameterizedTest(name = "explicit series ids: {0}")
  @ValueSource(booleans = {false, true})
  void shouldDecodeAndApplyBatchesWithoutAllocating(boolean explicitIds) throws Exception {
    StreamSession session = session(new SeriesStore(10_000), (host, at, catchingUp) -> {});
    send(session, Frames.helloWithBacklog("alloc", Long.MAX_VALUE));
    send(session, Frames.cpuCatalog(SAMPLES));
    Batch.Builder builder = Frames.batch(VarintPatcher.FIRST_SEQ, Frames.ramp(SAMPLES, 0.5));
    if (explicitIds) {
      for (int id = SAMPLES - 1; id >= 0; id--) {
        builder.addSeriesIds(id);
      }
    }
    Stepper batches = new Stepper(Frames.frame(builder), false);

    assertAllocationFree(session, batches, SAMPLES);
    assertEquals((long) (WARMUP + MEASURED) * SAMPLES, metrics.samples());
  }

  /**
   * The same path with the rule engine listening behind the fleet's recorder (its table in a real
   * SQLite file) and the default pack loaded, on a laptop's series whose timestamps advance a tick
   * per batch: its CPU counters stand still, so HostCpuBusy goes pending and then fires (a cold
   * path, in the warm-up), and every other rule stays quiet.
   */
  @Test
  void shouldDecodeApplyAndEvaluateTheDefaultRulePackWithoutAllocating() throws Exception {
    CountingSink sink = new CountingSink();
    EngineMetrics engineMetrics = new EngineMetrics();
    RuleSet pack = defaultPack();
    SeriesStore store = new SeriesStore(10_000);
    RuleEngine engine =
        new RuleEngine(
            () -> pack,
            new HostCompiler(store),
            sink,
            List.of(),
            engineMetrics,
            System::currentTimeMillis);
    IncidentStore incidents = incidents();
    StreamSession session =
        session(
            store,
            new FleetRecorder(incidents.fleet("test"), store, engine, System::currentTimeMillis));
    List<String[]> series = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    laptop(series, values);
    send(session, Frames.hello("laptop"));
    send(session, Frames.catalog(Frames.EPOCH, series));
    Batch.Builder batch =
        Frames.batch(VarintPatcher.FIRST_SEQ, values.stream().mapToDouble(v -> v).toArray())
            .setTimestampMs(FIRST_TIMESTAMP);
    Stepper batches = new Stepper(Frames.frame(batch), true);

    assertAllocationFree(session, batches, series.size());
    assertEquals(List.of("HostCpuBusy"), sink.raised);
    assertEquals(0, sink.cleared);
    assertEquals(0, engineMetrics.compileProblems());
    assertEquals((long) WARMUP + MEASURED, engineMetrics.evaluations() / pack.rules().size());
    incidents.close();
    try (IncidentStore reopened = incidents()) {
      assertEquals(
          List.of("laptop"), reopened.fleet("test").hosts().stream().map(FleetHost::name).toList());
    }
  }

  private IncidentStore incidents() {
    return IncidentStore.open(
        dir.resolve("incidents.db").toString(),
        Duration.ofMinutes(10),
        (incident, tier) -> List.of(),
        Clock.systemUTC());
  }

  private StreamSession session(SeriesStore store, BatchListener listener) {
    return new StreamSession(
        store,
        new IngestLimits(1 << 20, 10_000, 100_000, 1024, 1_000),
        metrics,
        new CatchUpPacer(1_000, metrics.catchingUp),
        listener,
        System::currentTimeMillis);
  }

  private void send(StreamSession session, byte[] frame) throws StreamException {
    session.onFrame(decoder, frame, frame.length);
  }

  private void assertAllocationFree(StreamSession session, Stepper batches, int samples)
      throws StreamException {
    batches.run(session, decoder, WARMUP);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    batches.run(session, decoder, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(
        allocated <= ALLOWANCE_BYTES,
        allocated + " bytes allocated over " + MEASURED + " batches of " + samples + " samples");
  }

  /** One encoded batch sent again and again with the next seq and, if asked, the next tick. */
  private static final class Stepper {
    private final byte[] frame;
    private final VarintPatcher seq;
    private final VarintPatcher timestamp;
    private long next = VarintPatcher.FIRST_SEQ + 1;
    private long at = FIRST_TIMESTAMP;

    Stepper(byte[] frame, boolean advanceTime) {
      this.frame = frame;
      this.seq = new VarintPatcher(frame, VarintPatcher.FIRST_SEQ);
      this.timestamp = advanceTime ? new VarintPatcher(frame, FIRST_TIMESTAMP) : null;
    }

    void run(StreamSession session, BatchDecoder decoder, int n) throws StreamException {
      for (int i = 0; i < n; i++, next++) {
        seq.set(next);
        if (timestamp != null) {
          at += TICK_MILLIS;
          timestamp.set(at);
        }
        if (session.onFrame(decoder, frame, frame.length) != next) {
          throw new AssertionError("batch " + next + " was not applied");
        }
      }
    }
  }

  /** What the engine raised and how often it cleared; only state changes reach it. */
  private static final class CountingSink implements IncidentSink {
    final List<String> raised = new ArrayList<>();
    int cleared;

    @Override
    public void raise(FiringAlert alert) {
      raised.add(alert.key().rule());
    }

    @Override
    public void clear(IncidentKey key) {
      cleared++;
    }
  }

  /**
   * Series every rule of the pack reads, at values that keep all but HostCpuBusy quiet: memory half
   * free, disks a third full, cool sensors, a healthy battery, no updates pending, scans and
   * collectors succeeding.
   */
  private static void laptop(List<String[]> series, List<Double> values) {
    String[] modes = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
    for (int cpu = 0; cpu < 8; cpu++) {
      for (String mode : modes) {
        add(series, values, 1000.0 * cpu, "node_cpu_seconds_total", "cpu", "" + cpu, "mode", mode);
      }
    }
    add(series, values, 16e9, "node_memory_MemTotal_bytes");
    add(series, values, 8e9, "node_memory_MemAvailable_bytes");
    for (String mount : new String[] {"/", "/home", "/boot", "/var"}) {
      add(series, values, 1e11, "node_filesystem_size_bytes", "mountpoint", mount, "device", "sda");
      add(
          series,
          values,
          6e10,
          "node_filesystem_avail_bytes",
          "mountpoint",
          mount,
          "device",
          "sda");
    }
    for (int sensor = 0; sensor < 4; sensor++) {
      add(
          series,
          values,
          45.0,
          "node_hwmon_temp_celsius",
          "chip",
          "k10temp",
          "sensor",
          "temp" + sensor);
    }
    add(series, values, 0.93, "vigil_battery_health_ratio", "power_supply", "BAT0");
    add(series, values, 0.0, "vigil_updates_pending", "class", "security");
    add(series, values, 3.0, "vigil_updates_pending", "class", "other");
    add(series, values, FIRST_TIMESTAMP / 1000.0, "vigil_updates_last_install_timestamp_seconds");
    add(series, values, 0.0, "node_reboot_required");
    add(series, values, 1.0, "vigil_patch_scan_success");
    for (String collector : new String[] {"cpu", "memory", "disk", "network", "patches"}) {
      add(series, values, 1.0, "vigil_agent_collector_success", "collector", collector);
    }
  }

  private static void add(List<String[]> series, List<Double> values, double v, String... def) {
    series.add(def);
    values.add(v);
  }

  private static RuleSet defaultPack() throws Exception {
    try (RuleReloader reloader =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      return reloader.rules().current();
    }
  }
}
