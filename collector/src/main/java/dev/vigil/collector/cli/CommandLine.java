package dev.vigil.collector.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of an API command: positional words, and {@code --name value} flags, each given once
 * unless it is one of the repeatable ones.
 */
final class CommandLine {
  private final List<String> positional;
  private final Map<String, List<String>> flags;

  private CommandLine(List<String> positional, Map<String, List<String>> flags) {
    this.positional = positional;
    this.flags = flags;
  }

  /**
   * Splits {@code args}.
   *
   * @param known every flag the command takes
   * @param repeatable the known flags that may be given more than once
   * @throws IllegalArgumentException naming an unknown, valueless or repeated flag
   */
  static CommandLine parse(String[] args, Set<String> known, Set<String> repeatable) {
    List<String> positional = new ArrayList<>();
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        positional.add(args[i]);
        continue;
      }
      String name = args[i].substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      List<String> values = flags.computeIfAbsent(name, n -> new ArrayList<>());
      if (!values.isEmpty() && !repeatable.contains(name)) {
        throw new IllegalArgumentException("--" + name + " is given more than once");
      }
      values.add(args[++i]);
    }
    return new CommandLine(List.copyOf(positional), flags);
  }

  List<String> positional() {
    return positional;
  }

  /** The value of a flag given once, or null. */
  String flag(String name) {
    List<String> values = flags.get(name);
    return values == null ? null : values.get(0);
  }

  /** Every value of a repeatable flag, in order; empty when it is not given. */
  List<String> all(String name) {
    return flags.getOrDefault(name, List.of());
  }

  /** Whether any of {@code names} is given. */
  boolean hasAny(Set<String> names) {
    return names.stream().anyMatch(flags::containsKey);
  }
}
