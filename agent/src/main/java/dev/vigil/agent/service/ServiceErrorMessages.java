package dev.vigil.agent.service;

import static com.sun.jna.platform.win32.WinError.ERROR_ACCESS_DENIED;
import static com.sun.jna.platform.win32.WinError.ERROR_DUPLICATE_SERVICE_NAME;
import static com.sun.jna.platform.win32.WinError.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_DOES_NOT_EXIST;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_EXISTS;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_MARKED_FOR_DELETE;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_REQUEST_TIMEOUT;

/** Says what a failed Service Control Manager call means for the person at the prompt. */
final class ServiceErrorMessages {
  private ServiceErrorMessages() {}

  static String describe(String serviceName, ServiceException e) {
    return switch (e.errorCode()) {
      case ERROR_ACCESS_DENIED ->
          "access denied: installing and removing a service needs an elevated prompt"
              + " (Run as administrator)";
      case ERROR_SERVICE_EXISTS ->
          "service " + serviceName + " is already installed; run uninstall-service first";
      case ERROR_DUPLICATE_SERVICE_NAME ->
          "another service already uses the name or display name of " + serviceName;
      case ERROR_SERVICE_DOES_NOT_EXIST -> "service " + serviceName + " is not installed";
      case ERROR_SERVICE_MARKED_FOR_DELETE ->
          "service "
              + serviceName
              + " is marked for deletion but still open somewhere: close the Services console"
              + " (services.msc) and Event Viewer, or restart Windows, then try again";
      case ERROR_FAILED_SERVICE_CONTROLLER_CONNECT ->
          "the service command is for the Windows Service Control Manager, not a console: run"
              + " the agent here with `vigil-agent run`, or install it with"
              + " `vigil-agent install-service`";
      case ERROR_SERVICE_REQUEST_TIMEOUT ->
          "service " + serviceName + " did not stop in time: " + e.getMessage();
      default -> "Windows error " + e.errorCode() + ": " + e.getMessage();
    };
  }
}
