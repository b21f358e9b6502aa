package dev.vigil.agent.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Loads settings from three sources into a {@link SettingSink}: the YAML file named by {@code
 * --config} (or {@code VIGIL_AGENT_CONFIG}; no file is read without one), then {@code
 * VIGIL_AGENT_*} variables, then flags. For each setting the last of these that gives it wins with
 * all its values: flags over the environment over the file over the defaults, and two collectors
 * given by flags replace the file's list rather than join it. Every value goes through the sink's
 * own validation, and an error names where the value was written.
 */
public final class ConfigLoader {
  /** The flag naming the YAML file; {@code VIGIL_AGENT_CONFIG} in the environment. */
  public static final String CONFIG = "config";

  private ConfigLoader() {}

  /**
   * Reads every source and sets the winning values.
   *
   * @param args the command line's flags
   * @param env the process environment
   * @throws IllegalArgumentException naming the file and line, variable or flag of a bad value
   */
  public static SettingOrigins load(String[] args, Map<String, String> env, SettingSink sink) {
    Set<String> names = new TreeSet<>(sink.names());
    names.add(CONFIG);
    Function<String, SettingKind> kind =
        name -> name.equals(CONFIG) ? SettingKind.SINGLE : sink.kind(name);
    List<SettingValue> flags = FlagSettings.read(args, names, kind);
    List<SettingValue> environment = EnvSettings.read(env, names, kind);
    Optional<SettingValue> config = last(flags).or(() -> last(environment));
    List<SettingValue> file =
        config.isPresent() ? readFile(config.get(), sink.names(), sink::kind) : List.of();
    Map<String, List<SettingValue>> winners = new LinkedHashMap<>();
    for (List<SettingValue> source : List.of(file, environment, flags)) {
      winners.putAll(byName(source));
    }
    winners.remove(CONFIG);
    List<SettingValue> values = new ArrayList<>();
    winners.values().forEach(values::addAll);
    return apply(values, sink);
  }

  /**
   * Sets each value in order.
   *
   * @throws IllegalArgumentException starting with the origin of the first invalid value
   */
  public static SettingOrigins apply(List<SettingValue> values, SettingSink sink) {
    for (SettingValue value : values) {
      try {
        sink.set(value.name(), value.value());
      } catch (SettingException e) {
        throw new IllegalArgumentException(value.origin() + ": " + e.problem(), e);
      }
    }
    return new SettingOrigins(values);
  }

  /** Reads the YAML file at {@code path} into setting values; errors name the file. */
  public static List<SettingValue> readFile(
      Path path, Set<String> names, Function<String, SettingKind> kind) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    return YamlSettings.parse(path.toString(), text, names, kind);
  }

  private static List<SettingValue> readFile(
      SettingValue config, Set<String> names, Function<String, SettingKind> kind) {
    Path path = Path.of(config.value());
    try {
      return readFile(path, names, kind);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          config.origin() + ": cannot read " + path + ": " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.toString();
  }

  private static Optional<SettingValue> last(List<SettingValue> values) {
    SettingValue found = null;
    for (SettingValue value : values) {
      if (value.name().equals(CONFIG)) {
        found = value;
      }
    }
    return Optional.ofNullable(found);
  }

  private static Map<String, List<SettingValue>> byName(List<SettingValue> values) {
    Map<String, List<SettingValue>> byName = new LinkedHashMap<>();
    for (SettingValue value : values) {
      byName.computeIfAbsent(value.name(), name -> new ArrayList<>()).add(value);
    }
    return byName;
  }
}
