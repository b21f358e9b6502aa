package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The few reads of HKEY_LOCAL_MACHINE the Windows reboot reasons need; key paths below HKLM. */
interface WindowsRegistry {

  /** Whether the key exists. */
  boolean keyExists(String key);

  /** A REG_SZ value, empty when the key or value is missing. */
  Optional<String> string(String key, String value);

  /** A REG_MULTI_SZ value's strings, empty when the key or value is missing. */
  List<String> multiString(String key, String value);

  /** When the key (or its list of subkeys and values) last changed, empty when it is missing. */
  Optional<Instant> lastWrite(String key);
}
