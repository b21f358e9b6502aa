package dev.vigil.agent.service;

import java.util.concurrent.CompletableFuture;

/** Runs a lifecycle's ServiceMain body on another thread, as the dispatcher would. */
final class BackgroundService {
  private BackgroundService() {}

  static CompletableFuture<Integer> run(ServiceLifecycle lifecycle) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return lifecycle.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }
}
