package dev.vigil.agent.config;

/**
 * A setting's value is invalid. The message names the setting; a source that knows where the value
 * came from (file and line, variable, flag) puts that in front of {@link #problem()} instead.
 */
public final class SettingException extends IllegalArgumentException {
  private final String setting;
  private final String problem;
  private final String value;

  /**
   * @param setting the setting's name, e.g. {@code interval}
   * @param problem what is wrong, e.g. {@code must be at least 1s, got "0.5s"}
   */
  public SettingException(String setting, String problem) {
    this(setting, problem, null);
  }

  /**
   * An error about one of a repeated setting's values, so that it can be located at that value.
   *
   * @param value the offending value as it was written, e.g. one collector of a list
   */
  public SettingException(String setting, String problem, String value) {
    super(setting + ": " + problem);
    this.setting = setting;
    this.problem = problem;
    this.value = value;
  }

  /** The setting's name. */
  public String setting() {
    return setting;
  }

  /** What is wrong, without the setting's name. */
  public String problem() {
    return problem;
  }

  /** The offending value as written, or null when the error is about the setting as a whole. */
  public String value() {
    return value;
  }
}
