package dev.vigil.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads {@code VIGIL_AGENT_*} environment variables: the setting's name in capitals with {@code -}
 * and {@code .} as {@code _} ({@code tls.ca-file} is {@code VIGIL_AGENT_TLS_CA_FILE}). A {@link
 * SettingKind#REPEATED} setting takes a comma-separated list. An empty variable counts as unset, as
 * an {@code /etc/default} file often leaves one. A variable with the prefix that names no setting
 * is an error, except {@value #SERVICE_ARGS}, which the service units use to pass flags.
 */
final class EnvSettings {
  static final String PREFIX = "VIGIL_AGENT_";
  static final String SERVICE_ARGS = PREFIX + "ARGS";

  private EnvSettings() {}

  /** The variable that sets {@code name}. */
  static String variable(String name) {
    return PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  static List<SettingValue> read(
      Map<String, String> env, Set<String> names, Function<String, SettingKind> kind) {
    Map<String, String> byVariable = new HashMap<>();
    for (String name : names) {
      byVariable.put(variable(name), name);
    }
    List<SettingValue> values = new ArrayList<>();
    // Sorted, so that the first error is the same on every run.
    for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
      String variable = entry.getKey();
      if (!variable.startsWith(PREFIX) || variable.equals(SERVICE_ARGS)) {
        continue;
      }
      String name = byVariable.get(variable);
      if (name == null) {
        throw new IllegalArgumentException(
            variable
                + ": unknown setting"
                + ClosestName.hint(variable, byVariable.keySet(), UnaryOperator.identity()));
      }
      String text = entry.getValue().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (kind.apply(name) == SettingKind.REPEATED) {
        for (String item : text.split(",")) {
          if (!item.isBlank()) {
            values.add(new SettingValue(name, item.strip(), variable));
          }
        }
      } else {
        values.add(new SettingValue(name, text, variable));
      }
    }
    return values;
  }
}
