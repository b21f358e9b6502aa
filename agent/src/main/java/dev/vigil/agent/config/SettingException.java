package dev.vigil.agent.config;

/**
 * A setting's value is invalid. The message names the setting; a source that knows where the value
 * came from (file and line, variable, flag) puts that in front of {@link #problem()} instead.
 */
public final class SettingException extends IllegalArgumentException {
  private final String setting;
  private final String problem;

  /**
   * @param setting the setting's name, e.g. {@code interval}
   * @param problem what is wrong, e.g. {@code must be at least 1s, got "0.5s"}
   */
  public SettingException(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The setting's name. */
  public String setting() {
    return setting;
  }

  /** What is wrong, without the setting's name. */
  public String problem() {
    return problem;
  }
}
