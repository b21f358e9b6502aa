package dev.vigil.agent.service;

import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_STOP;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_RUNNING;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Records what the commands ask of the Service Control Manager, fails with a chosen Win32 error,
 * and runs a service as the manager would: start it, wait until it runs, send STOP.
 */
final class FakeServiceControlManager implements ServiceControlManager {
  final List<ServiceDefinition> installed = new ArrayList<>();
  final List<String> uninstalled = new ArrayList<>();
  final RecordingReporter reporter = new RecordingReporter();
  private ServiceException failure;

  FakeServiceControlManager failingWith(int errorCode, String windowsMessage) {
    failure = new ServiceException(errorCode, windowsMessage);
    return this;
  }

  @Override
  public void install(ServiceDefinition definition) throws ServiceException {
    throwFailure();
    installed.add(definition);
  }

  @Override
  public void uninstall(String serviceName) throws ServiceException {
    throwFailure();
    uninstalled.add(serviceName);
  }

  @Override
  public int run(String serviceName, Function<StatusReporter, ServiceLifecycle> lifecycle)
      throws ServiceException {
    throwFailure();
    ServiceLifecycle service = lifecycle.apply(reporter);
    CompletableFuture<Integer> running = BackgroundService.run(service);
    try {
      reporter.await(status -> status.state() == SERVICE_RUNNING);
      service.control(SERVICE_CONTROL_STOP, 0);
      return running.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the service did not run and stop", e);
    }
  }

  private void throwFailure() throws ServiceException {
    if (failure != null) {
      throw failure;
    }
  }
}
