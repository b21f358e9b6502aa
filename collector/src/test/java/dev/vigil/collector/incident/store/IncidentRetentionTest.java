package dev.vigil.collector.incident.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.Severity;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hourly retention over a real SQLite file on a clock the test moves: incidents resolved longer
 * ago than the retention go, newer and unresolved ones stay, and the count reaches {@code
 * vigil_incidents_pruned_total}; a zero retention keeps everything.
 */
class IncidentRetentionTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @TempDir Path dir;

  @Test
  void shouldDeleteWhatResolvedLongerAgoThanTheRetention() throws Exception {
    try (IncidentStore store = open()) {
      resolved(store, "old-1");
      resolved(store, "old-2");
      clock.advance(Duration.ofDays(89));
      resolved(store, "recent");
      store.raise(alert("open")).join();
      clock.advance(Duration.ofDays(1).plusSeconds(1));

      assertEquals(0, retention(store, Duration.ZERO).pruneDue(), "zero keeps everything");
      assertEquals(2, retention(store, Duration.ofDays(90)).pruneDue());

      assertEquals(
          List.of("open", "recent"),
          store.list(new IncidentFilter(null, null, null, 100)).stream()
              .map(i -> i.key().host())
              .sorted()
              .toList());
      assertEquals(2.0, registry.get("vigil.incidents.pruned").counter().count());
    }
  }

  private IncidentStore open() {
    return IncidentStore.open(
        dir.resolve("incidents.db").toString(),
        Duration.ofMinutes(10),
        (i, tier) -> List.of(),
        clock);
  }

  private IncidentRetention retention(IncidentStore store, Duration keep) {
    return new IncidentRetention(store, keep, clock, registry);
  }

  private static void resolved(IncidentStore store, String host) {
    Incident incident = store.raise(alert(host)).join();
    store.resolve(incident.id(), "ana", "").join();
  }

  private static FiringAlert alert(String host) {
    return new FiringAlert(IncidentKey.of(host, "DiskFull", Map.of()), Severity.WARNING, "", "");
  }
}
