package dev.vigil.agent.service.win32;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Winsvc;

/** {@code SERVICE_DELAYED_AUTO_START_INFO}, which jna-platform does not define. */
@Structure.FieldOrder({"fDelayedAutostart"})
public final class DelayedAutoStartInfo extends Winsvc.ChangeServiceConfig2Info {
  /** A Win32 BOOL: non-zero delays the automatic start until after boot. */
  public int fDelayedAutostart;

  DelayedAutoStartInfo(boolean delayed) {
    fDelayedAutostart = delayed ? 1 : 0;
  }
}
