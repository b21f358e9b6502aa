package dev.vigil.agent.service;

import java.util.function.Function;

/** The Service Control Manager calls the agent needs; Win32 on Windows, a fake in tests. */
public interface ServiceControlManager {
  /** Creates the service and applies its whole configuration, or leaves nothing behind. */
  void install(ServiceDefinition definition) throws ServiceException;

  /** Stops the service if it runs, then deletes it. */
  void uninstall(String serviceName) throws ServiceException;

  /**
   * Connects this process to the manager as service {@code serviceName} and runs the lifecycle
   * built around the manager's status reporter; returns when the service has stopped.
   *
   * @return the lifecycle's exit code
   */
  int run(String serviceName, Function<StatusReporter, ServiceLifecycle> lifecycle)
      throws ServiceException;
}
