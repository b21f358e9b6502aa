package dev.vigil.agent.config;

import java.util.List;
import java.util.Objects;

/**
 * Where each setting's values came from, to locate an error found only once every setting is known:
 * at the offending value when the error names one, else at the setting's first value.
 */
public final class SettingOrigins {
  private final List<SettingValue> values;

  SettingOrigins(List<SettingValue> values) {
    this.values = List.copyOf(values);
  }

  /** The error with its origin in front, or as it is for a setting left at its default. */
  public IllegalArgumentException locate(SettingException e) {
    List<SettingValue> ofSetting =
        values.stream().filter(v -> v.name().equals(e.setting())).toList();
    return ofSetting.stream()
        .filter(v -> Objects.equals(v.value(), e.value()))
        .findFirst()
        .or(() -> ofSetting.stream().findFirst())
        .<IllegalArgumentException>map(
            v -> new IllegalArgumentException(v.origin() + ": " + e.problem(), e))
        .orElse(e);
  }
}
