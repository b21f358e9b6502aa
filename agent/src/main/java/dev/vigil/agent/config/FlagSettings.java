package dev.vigil.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads command-line flags: {@code --name value} or {@code --name=value}; a {@link
 * SettingKind#SWITCH} may stand alone for {@code true}; a {@link SettingKind#REPEATED} setting is
 * given once per value.
 */
final class FlagSettings {
  private FlagSettings() {}

  static List<SettingValue> read(
      String[] args, Set<String> names, Function<String, SettingKind> kind) {
    List<SettingValue> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected a --flag, got \"" + arg + "\"");
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(2, eq < 0 ? arg.length() : eq);
      String flag = "--" + name;
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            flag + ": unknown setting" + ClosestName.hint(name, names, known -> "--" + known));
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !(isSwitch(name, kind) && args[i + 1].startsWith("--"))) {
        value = args[++i];
      } else if (isSwitch(name, kind)) {
        value = "true";
      } else {
        throw new IllegalArgumentException(flag + ": missing value");
      }
      values.add(new SettingValue(name, value, flag));
    }
    return values;
  }

  private static boolean isSwitch(String name, Function<String, SettingKind> kind) {
    return kind.apply(name) == SettingKind.SWITCH;
  }
}
