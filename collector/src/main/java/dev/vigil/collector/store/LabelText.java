package dev.vigil.collector.store;

/** Escaping rules of the Prometheus text format, applied once when a series is defined. */
public final class LabelText {
  private LabelText() {}

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
