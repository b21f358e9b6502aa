package dev.vigil.agent.service.win32;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Winsvc;

/** {@code SERVICE_PRESHUTDOWN_INFO}, which jna-platform does not define. */
@Structure.FieldOrder({"dwPreshutdownTimeout"})
public final class PreshutdownInfo extends Winsvc.ChangeServiceConfig2Info {
  /** How long Windows waits for the service after PRESHUTDOWN, in milliseconds. */
  public int dwPreshutdownTimeout;

  PreshutdownInfo(int timeoutMillis) {
    dwPreshutdownTimeout = timeoutMillis;
  }
}
