package dev.vigil.agent.service.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Winsvc;
import dev.vigil.agent.service.ServiceLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServiceMain and the control handler: registers the handler, then runs the lifecycle on the thread
 * the dispatcher started for it. Both callbacks are fields of an object that outlives the
 * dispatcher, so the garbage collector cannot free them while Windows may still call them.
 */
final class Win32ServiceMain implements Winsvc.SERVICE_MAIN_FUNCTION {
  private static final Logger LOG = LoggerFactory.getLogger(Win32ServiceMain.class);
  private static final int FAILED = 1;

  private final String serviceName;
  private final ServiceLifecycle lifecycle;
  private final Win32StatusReporter reporter;
  private final Handler handler = new Handler();
  private volatile int exitCode;

  Win32ServiceMain(String serviceName, ServiceLifecycle lifecycle, Win32StatusReporter reporter) {
    this.serviceName = serviceName;
    this.lifecycle = lifecycle;
    this.reporter = reporter;
  }

  @Override
  public void callback(int argc, Pointer argv) {
    Winsvc.SERVICE_STATUS_HANDLE handle =
        Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(serviceName, handler, null);
    if (handle == null) {
      LOG.error("RegisterServiceCtrlHandlerEx failed: Windows error {}", Native.getLastError());
      exitCode = FAILED;
      return;
    }
    reporter.attach(handle);
    try {
      exitCode = lifecycle.run();
    } catch (InterruptedException e) {
      LOG.error("interrupted while running as a service", e);
      Thread.currentThread().interrupt();
      exitCode = FAILED;
    }
  }

  /** The lifecycle's exit code, once the dispatcher has returned. */
  int exitCode() {
    return exitCode;
  }

  private final class Handler implements Winsvc.HandlerEx {
    @Override
    public int callback(int control, int eventType, Pointer eventData, Pointer context) {
      return lifecycle.control(control, eventType);
    }
  }
}
