package dev.vigil.agent.service.win32;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import dev.vigil.agent.service.ServiceStatus;
import dev.vigil.agent.service.StatusReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports status with {@code SetServiceStatus} once ServiceMain has its status handle. */
final class Win32StatusReporter implements StatusReporter {
  private static final Logger LOG = LoggerFactory.getLogger(Win32StatusReporter.class);
  private volatile Winsvc.SERVICE_STATUS_HANDLE handle;

  void attach(Winsvc.SERVICE_STATUS_HANDLE statusHandle) {
    handle = statusHandle;
  }

  @Override
  public void report(ServiceStatus status) {
    Winsvc.SERVICE_STATUS scmStatus = new Winsvc.SERVICE_STATUS();
    scmStatus.dwServiceType = WinNT.SERVICE_WIN32_OWN_PROCESS;
    scmStatus.dwCurrentState = status.state();
    scmStatus.dwControlsAccepted = status.controlsAccepted();
    scmStatus.dwWin32ExitCode = status.win32ExitCode();
    scmStatus.dwServiceSpecificExitCode = status.serviceExitCode();
    scmStatus.dwCheckPoint = status.checkPoint();
    scmStatus.dwWaitHint = status.waitHintMillis();
    if (!Advapi32.INSTANCE.SetServiceStatus(handle, scmStatus)) {
      LOG.warn("SetServiceStatus({}) failed: Windows error {}", status, Native.getLastError());
    }
  }
}
