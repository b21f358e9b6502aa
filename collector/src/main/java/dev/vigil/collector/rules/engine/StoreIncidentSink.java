package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.incident.store.IncidentStore;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and clears incidents in the {@link IncidentStore}. The store works on its own writer
 * thread; a change that fails is logged there and never reaches the ingest thread that asked for
 * it. The engine does not retry it: the alert's state stays as evaluated, so a failed clear leaves
 * the incident open until a person resolves it or the alert fires and clears again.
 */
public final class StoreIncidentSink implements IncidentSink {
  private static final Logger log = LoggerFactory.getLogger(StoreIncidentSink.class);

  private final IncidentStore store;

  public StoreIncidentSink(IncidentStore store) {
    this.store = store;
  }

  @Override
  public void raise(FiringAlert alert) {
    logFailure(store.raise(alert), "raise", alert.key());
  }

  @Override
  public void clear(IncidentKey key) {
    logFailure(store.clear(key), "clear", key);
  }

  private static void logFailure(CompletableFuture<?> change, String what, IncidentKey key) {
    change.whenComplete(
        (result, failure) -> {
          if (failure != null) {
            log.error("could not {} the incident {}", what, key.canonical(), failure);
          }
        });
  }
}
