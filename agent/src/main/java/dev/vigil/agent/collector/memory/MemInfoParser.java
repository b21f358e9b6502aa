package dev.vigil.agent.collector.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses /proc/meminfo text into field name → bytes. */
final class MemInfoParser {
  private static final long KIB = 1024;

  private MemInfoParser() {}

  /**
   * Parses lines such as {@code "MemFree: 123 kB"}; values without a unit (HugePages_Total) are
   * counts and are kept as they are. Lines that do not parse are skipped.
   */
  static Map<String, Long> parse(CharSequence procMeminfo) {
    Map<String, Long> fields = new LinkedHashMap<>();
    for (String line : procMeminfo.toString().split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] parts = line.substring(colon + 1).trim().split("\\s+");
      Long value = parseValue(parts);
      if (value != null) {
        fields.put(line.substring(0, colon).trim(), value);
      }
    }
    return fields;
  }

  private static Long parseValue(String[] parts) {
    try {
      long number = Long.parseLong(parts[0]);
      return parts.length > 1 && parts[1].equals("kB") ? number * KIB : number;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
