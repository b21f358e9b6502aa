package dev.vigil.agent.collector.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses os-release(5) text: {@code KEY=value} lines, values optionally quoted. */
final class OsReleaseParser {

  private OsReleaseParser() {}

  /**
   * Returns key → unquoted value. Comments, blank lines and lines without {@code =} are skipped;
   * inside quotes a backslash escapes the next character, as the shell would read it.
   */
  static Map<String, String> parse(CharSequence text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.toString().split("\n")) {
      String trimmed = line.strip();
      int eq = trimmed.indexOf('=');
      if (trimmed.startsWith("#") || eq <= 0) {
        continue;
      }
      fields.put(trimmed.substring(0, eq), unquote(trimmed.substring(eq + 1)));
    }
    return fields;
  }

  private static String unquote(String raw) {
    if (raw.length() < 2) {
      return raw;
    }
    char quote = raw.charAt(0);
    if ((quote != '"' && quote != '\'') || raw.charAt(raw.length() - 1) != quote) {
      return raw;
    }
    String inner = raw.substring(1, raw.length() - 1);
    if (quote == '\'') {
      return inner;
    }
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        c = inner.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
