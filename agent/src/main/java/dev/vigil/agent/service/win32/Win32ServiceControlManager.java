package dev.vigil.agent.service.win32;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import dev.vigil.agent.service.ServiceControlManager;
import dev.vigil.agent.service.ServiceDefinition;
import dev.vigil.agent.service.ServiceException;
import dev.vigil.agent.service.ServiceLifecycle;
import dev.vigil.agent.service.StatusReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Service Control Manager through advapi32 and jna-platform's {@link W32ServiceManager}. Each
 * method is the plain sequence of Win32 calls; what to register and what the controls mean is
 * decided in plain Java ({@link ServiceDefinition}, {@link ServiceLifecycle}).
 */
public final class Win32ServiceControlManager implements ServiceControlManager {
  /** The lifecycle's own stop limit (90 s) plus room for the process to exit. */
  private static final long STOP_TIMEOUT_MILLIS = Duration.ofMinutes(2).toMillis();

  @Override
  public void install(ServiceDefinition definition) throws ServiceException {
    try (W32ServiceManager manager = new W32ServiceManager(Winsvc.SC_MANAGER_CREATE_SERVICE)) {
      Winsvc.SC_HANDLE handle =
          Advapi32.INSTANCE.CreateService(
              manager.getHandle(),
              definition.name(),
              definition.displayName(),
              Winsvc.SERVICE_ALL_ACCESS,
              WinNT.SERVICE_WIN32_OWN_PROCESS,
              WinNT.SERVICE_AUTO_START,
              WinNT.SERVICE_ERROR_NORMAL,
              definition.commandLine(),
              null,
              null,
              null,
              null, // no account: LocalSystem, see ServiceDefinition
              null);
      if (handle == null) {
        throw lastError();
      }
      try (W32Service service = new W32Service(handle)) {
        configureOrDelete(service, definition);
      }
    } catch (Win32Exception e) {
      throw translate(e);
    }
  }

  @Override
  public void uninstall(String serviceName) throws ServiceException {
    int access = Winsvc.SERVICE_STOP | Winsvc.SERVICE_QUERY_STATUS | WinNT.DELETE;
    try (W32ServiceManager manager = new W32ServiceManager(Winsvc.SC_MANAGER_CONNECT);
        W32Service service = manager.openService(serviceName, access)) {
      service.stopService(STOP_TIMEOUT_MILLIS);
      if (!Advapi32.INSTANCE.DeleteService(service.getHandle())) {
        throw lastError();
      }
    } catch (Win32Exception e) {
      throw translate(e);
    } catch (RuntimeException e) {
      // W32Service reports a stop that outlasts its wait as a bare RuntimeException.
      if (e.getClass() != RuntimeException.class) {
        throw e;
      }
      throw new ServiceException(WinError.ERROR_SERVICE_REQUEST_TIMEOUT, e.getMessage());
    }
  }

  @Override
  public int run(String serviceName, Function<StatusReporter, ServiceLifecycle> lifecycle)
      throws ServiceException {
    Win32StatusReporter reporter = new Win32StatusReporter();
    Win32ServiceMain main = new Win32ServiceMain(serviceName, lifecycle.apply(reporter), reporter);
    // One entry and the zeroed entry that ends the table, in one block of native memory.
    Winsvc.SERVICE_TABLE_ENTRY[] table =
        (Winsvc.SERVICE_TABLE_ENTRY[]) new Winsvc.SERVICE_TABLE_ENTRY().toArray(2);
    table[0].lpServiceName = serviceName;
    table[0].lpServiceProc = main;
    if (!Advapi32.INSTANCE.StartServiceCtrlDispatcher(table)) {
      throw translate(lastError());
    }
    return main.exitCode();
  }

  /** A half-configured service would start without recovery or start delay: remove it instead. */
  private static void configureOrDelete(W32Service service, ServiceDefinition definition) {
    try {
      configure(service, definition);
    } catch (Win32Exception e) {
      Advapi32.INSTANCE.DeleteService(service.getHandle());
      throw e;
    }
  }

  private static void configure(W32Service service, ServiceDefinition definition) {
    Winsvc.SERVICE_DESCRIPTION description = new Winsvc.SERVICE_DESCRIPTION();
    description.lpDescription = definition.description();
    change(service, Winsvc.SERVICE_CONFIG_DESCRIPTION, description);
    change(service, Winsvc.SERVICE_CONFIG_DELAYED_AUTO_START_INFO, new DelayedAutoStartInfo(true));
    int preshutdownMillis = (int) definition.preshutdownTimeout().toMillis();
    change(service, Winsvc.SERVICE_CONFIG_PRESHUTDOWN_INFO, new PreshutdownInfo(preshutdownMillis));
    service.setFailureActions(
        restarts(definition.restartDelays()),
        (int) definition.failureResetPeriod().toSeconds(),
        null,
        null);
    // Also restart after the agent stops itself with an error, not only after a crash.
    service.setFailureActionsFlag(true);
  }

  private static List<Winsvc.SC_ACTION> restarts(List<Duration> delays) {
    List<Winsvc.SC_ACTION> actions = new ArrayList<>();
    for (Duration delay : delays) {
      Winsvc.SC_ACTION action = new Winsvc.SC_ACTION();
      action.type = Winsvc.SC_ACTION_RESTART;
      action.delay = (int) delay.toMillis();
      actions.add(action);
    }
    return actions;
  }

  private static void change(W32Service service, int level, Winsvc.ChangeServiceConfig2Info info) {
    if (!Advapi32.INSTANCE.ChangeServiceConfig2(service.getHandle(), level, info)) {
      throw lastError();
    }
  }

  private static Win32Exception lastError() {
    return new Win32Exception(Native.getLastError());
  }

  private static ServiceException translate(Win32Exception e) {
    return new ServiceException(e.getErrorCode(), e.getMessage());
  }
}
