package dev.vigil.agent.collector.patch;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link WindowsRegistry} through JNA's Advapi32Util; runs only on Windows. */
final class JnaWindowsRegistry implements WindowsRegistry {
  private static final WinReg.HKEY HKLM = WinReg.HKEY_LOCAL_MACHINE;

  @Override
  public boolean keyExists(String key) {
    return Advapi32Util.registryKeyExists(HKLM, key);
  }

  @Override
  public Optional<String> string(String key, String value) {
    if (!Advapi32Util.registryValueExists(HKLM, key, value)) {
      return Optional.empty();
    }
    return Optional.of(Advapi32Util.registryGetStringValue(HKLM, key, value));
  }

  @Override
  public List<String> multiString(String key, String value) {
    if (!Advapi32Util.registryValueExists(HKLM, key, value)) {
      return List.of();
    }
    return List.of(Advapi32Util.registryGetStringArray(HKLM, key, value));
  }

  @Override
  public Optional<Instant> lastWrite(String key) {
    if (!Advapi32Util.registryKeyExists(HKLM, key)) {
      return Optional.empty();
    }
    WinReg.HKEYByReference opened = Advapi32Util.registryGetKey(HKLM, key, WinNT.KEY_READ);
    try {
      Advapi32Util.InfoKey info = Advapi32Util.registryQueryInfoKey(opened.getValue(), 0);
      return Optional.of(info.lpftLastWriteTime.toDate().toInstant());
    } finally {
      Advapi32Util.registryCloseKey(opened.getValue());
    }
  }
}
