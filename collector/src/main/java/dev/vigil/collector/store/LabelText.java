package dev.vigil.collector.store;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Escaping rules of the Prometheus text format, applied once when a series is defined, and read
 * back on the cold path that needs a series' labels.
 */
public final class LabelText {
  private LabelText() {}

  /**
   * The labels of a series text written by {@link HostState}: {@code name{a="b",c="d"}, without
   * the closing brace, or {@code name} alone; the values unescaped.
   */
  static Map<String, String> parseLabels(byte[] seriesText) {
    String text = new String(seriesText, StandardCharsets.UTF_8);
    int i = text.indexOf('{');
    if (i < 0) {
      return Map.of();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    StringBuilder value = new StringBuilder();
    while (i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == ',')) {
      int equals = text.indexOf('=', i);
      String name = text.substring(i + 1, equals);
      value.setLength(0);
      i = equals + 2;
      for (char c = text.charAt(i); c != '"'; c = text.charAt(i)) {
        if (c == '\\') {
          char escaped = text.charAt(++i);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
        i++;
      }
      labels.put(name, value.toString());
      i++;
    }
    return Collections.unmodifiableMap(labels);
  }

  /** Label values escape backslash, double quote and line feed. */
  public static void appendEscapedValue(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  /** Help text escapes backslash and line feed only. */
  static void appendEscapedHelp(StringBuilder out, String help) {
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }
}
