package dev.vigil.collector;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line flags as {@code --name value} pairs, read once, each error naming its flag. A flag
 * may be given more than once only where it takes a list ({@link #paths}).
 */
final class Flags {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, List<String>> values;
  private final Set<String> used = new HashSet<>();

  private Flags(Map<String, List<String>> values) {
    this.values = values;
  }

  static Flags parse(String... args) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected a flag like --name, got \"" + arg + "\"");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "true";
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new Flags(values);
  }

  private String raw(String name) {
    List<String> given = all(name);
    if (given.size() > 1) {
      throw new IllegalArgumentException("--" + name + " is given more than once");
    }
    return given.isEmpty() ? null : given.get(0);
  }

  private List<String> all(String name) {
    used.add(name);
    return values.getOrDefault(name, List.of());
  }

  InetSocketAddress address(String name, String fallback) {
    String text = raw(name);
    String value = text == null ? fallback : text;
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw invalid(name, value, "an address like 127.0.0.1:7431");
    }
    String host = value.substring(0, colon).replace("[", "").replace("]", "");
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw invalid(name, value, "a port from 0 to 65535");
      }
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw invalid(name, value, "a host name that resolves");
      }
      return address;
    } catch (NumberFormatException e) {
      throw invalid(name, value, "an address like 127.0.0.1:7431");
    }
  }

  Path file(String name) {
    String text = raw(name);
    if (text == null) {
      return null;
    }
    Path path = Path.of(text);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw invalid(name, text, "a readable file");
    }
    return path;
  }

  /** Every value of a flag that may be repeated, each an existing file or directory. */
  List<Path> paths(String name) {
    List<Path> paths = new ArrayList<>();
    for (String text : all(name)) {
      Path path = Path.of(text);
      if (!Files.exists(path)) {
        throw invalid(name, text, "an existing file or directory");
      }
      paths.add(path);
    }
    return List.copyOf(paths);
  }

  /** A directory that may not exist yet, but not something else in its place. */
  Path directory(String name, String fallback) {
    String text = raw(name);
    String value = text == null ? fallback : text;
    Path path = Path.of(value);
    if (value.isBlank() || (Files.exists(path) && !Files.isDirectory(path))) {
      throw invalid(name, value, "a directory");
    }
    return path;
  }

  /**
   * Where a database is: a {@code jdbc:postgresql://} URL or an SQLite file path, else {@code
   * fallback}.
   */
  String databaseLocation(String name, Path fallback) {
    String text = raw(name);
    if (text == null) {
      return fallback.toString();
    }
    boolean otherUrl = text.startsWith("jdbc:") && !text.startsWith("jdbc:postgresql://");
    if (text.isBlank() || otherUrl || Files.isDirectory(Path.of(text))) {
      throw invalid(name, text, "an SQLite file path or a jdbc:postgresql:// URL");
    }
    return text;
  }

  boolean bool(String name) {
    String text = raw(name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw invalid(name, text, "true or false");
  }

  int positiveInt(String name, int fallback) {
    return intAtLeast(name, fallback, 1, "a positive whole number");
  }

  int nonNegativeInt(String name, int fallback) {
    return intAtLeast(name, fallback, 0, "a whole number, 0 or more");
  }

  private int intAtLeast(String name, int fallback, int min, String expected) {
    String text = raw(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, text, expected);
  }

  Duration duration(String name, String fallback) {
    String text = raw(name);
    String value = text == null ? fallback : text;
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw invalid(name, value, "a duration like 30s, 5m, 1h or 90d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** Rejects flags nobody asked for, so a typo is an error rather than a silent default. */
  void requireAllUsed() {
    for (String name : values.keySet()) {
      if (!used.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name);
      }
    }
  }

  private static IllegalArgumentException invalid(String name, String value, String expected) {
    return new IllegalArgumentException(
        "--" + name + ": expected " + expected + ", got \"" + value + "\"");
  }
}
