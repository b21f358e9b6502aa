package dev.vigil.agent.config;

/** How a setting takes its values, which decides how each source spells it. */
public enum SettingKind {
  /** One value; a higher source replaces it. */
  SINGLE,
  /** {@code true} or {@code false}; a flag alone, without a value, means {@code true}. */
  SWITCH,
  /**
   * Several values: repeated flags, a comma-separated variable, a YAML list or mapping (each entry
   * as {@code key=value}). A higher source replaces all the values of a lower one.
   */
  REPEATED
}
