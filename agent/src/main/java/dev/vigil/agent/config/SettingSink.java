package dev.vigil.agent.config;

import java.util.Set;

/** What the configuration sources fill: the settings' names and kinds, and a setter from text. */
public interface SettingSink {
  /** Every setting name, e.g. {@code interval} or {@code tls.ca-file}. */
  Set<String> names();

  /** How {@code name} takes its values. */
  SettingKind kind(String name);

  /**
   * Sets a setting from its text; a {@link SettingKind#REPEATED} setting takes one value per call.
   *
   * @throws SettingException naming the setting when the value is invalid
   */
  void set(String name, String value);
}
