package dev.vigil.collector.rules.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink over a real SQLite store: changes land; a failed change never reaches the caller. */
class StoreIncidentSinkTest {
  private static final IncidentKey KEY = IncidentKey.of("alpha", "Disk", Map.of("mountpoint", "/"));

  @TempDir Path dir;

  private IncidentStore open() {
    return IncidentStore.open(
        dir.resolve("incidents.db").toString(),
        Duration.ofMinutes(10),
        (incident, tier) -> List.of(),
        Clock.systemUTC());
  }

  @Test
  void shouldRaiseAndClearInTheStore() {
    try (IncidentStore store = open()) {
      StoreIncidentSink sink = new StoreIncidentSink(store);
      sink.raise(new FiringAlert(KEY, Severity.WARNING, "disk full", "https://kb/disk"));
      sink.clear(KEY);
    }

    try (IncidentStore store = open()) {
      assertEquals(List.of(), store.unresolved());
      assertEquals(IncidentState.RESOLVED, store.incident(1).get().state());
      assertEquals("disk full", store.incident(1).get().summary());
    }
  }

  @Test
  void shouldOnlyLogAChangeTheStoreRefuses() {
    IncidentStore store = open();
    store.close();
    StoreIncidentSink sink = new StoreIncidentSink(store);

    assertDoesNotThrow(() -> sink.raise(new FiringAlert(KEY, Severity.WARNING, "", "")));
    assertDoesNotThrow(() -> sink.clear(KEY));
  }
}
