package dev.vigil.collector.http;

import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesRejectedException;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import java.time.Duration;
import java.util.Map;

/** Fills a store by hand, the way the ingest would, for exposition tests. */
final class StoreFixture {
  static final long NOW = 1_700_000_000_000L;
  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private StoreFixture() {}

  static SeriesSource source(SeriesStore store) {
    return new SeriesSource(store, () -> NOW, STALE_AFTER);
  }

  /** Makes {@code name} known and up, as after its agent's Hello. */
  static HostState connected(SeriesStore store, String name, Map<String, String> labels) {
    HostState host = store.host(name);
    host.claim(
        new Object(), new HostIdentity("agent-" + name, "0.1.0", "boot", "linux", labels), NOW);
    return host;
  }

  static void gauge(HostState host, String metric, double value, long at, String... labels)
      throws SeriesRejectedException {
    set(host, metric, MetricFamily.Type.GAUGE, value, at, labels);
  }

  static void counter(HostState host, String metric, double value, long at, String... labels)
      throws SeriesRejectedException {
    set(host, metric, MetricFamily.Type.COUNTER, value, at, labels);
  }

  private static void set(
      HostState host,
      String metric,
      MetricFamily.Type type,
      double value,
      long at,
      String... labels)
      throws SeriesRejectedException {
    int slot = host.define(metric, type, "Help of " + metric + ".", labels);
    SeriesSlots slots = host.slots();
    slots.values()[slot] = value;
    slots.updatedAtMillis()[slot] = at;
  }
}
