package dev.vigil.agent.config;

import java.util.Map;

/**
 * Where each setting's value came from (its first value, for a repeated setting), to locate an
 * error that concerns a whole setting, such as one found only when all settings are known.
 */
public final class SettingOrigins {
  private final Map<String, String> byName;

  SettingOrigins(Map<String, String> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The error with the origin of its setting in front, or as it is for a default value. */
  public IllegalArgumentException locate(SettingException e) {
    String origin = byName.get(e.setting());
    return origin == null ? e : new IllegalArgumentException(origin + ": " + e.problem(), e);
  }
}
