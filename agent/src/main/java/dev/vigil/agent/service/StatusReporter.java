package dev.vigil.agent.service;

/** Where the service's status goes: {@code SetServiceStatus} on Windows, a list in tests. */
@FunctionalInterface
public interface StatusReporter {
  /** Tells the Service Control Manager the service's current status. */
  void report(ServiceStatus status);
}
