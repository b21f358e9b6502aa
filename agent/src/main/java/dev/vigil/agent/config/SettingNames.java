package dev.vigil.agent.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the settings' names where they are declared, so that a new setting needs no list to be
 * known to every source: by convention, each public static String constant of the declaring class
 * names a setting, except those named {@code DEFAULT_*}, which hold defaults.
 */
public final class SettingNames {
  private SettingNames() {}

  /** The values of {@code type}'s public static String constants not named DEFAULT_*. */
  public static Set<String> declaredBy(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class
          && !field.getName().startsWith("DEFAULT_")) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("a public constant must be readable", e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
