package dev.vigil.agent.collector.power;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the files of one {@code /sys/class/power_supply/<name>} directory into a reading. */
final class SysfsPowerSupplyParser {
  /** Text attributes copied into {@code node_power_supply_info}. */
  static final List<String> INFO_FILES =
      List.of("type", "status", "manufacturer", "model_name", "serial_number", "technology");

  /** Numeric attributes reported as they are; node_exporter spells cycle_count "cyclecount". */
  static final List<String> PLAIN_FILES = List.of("online", "capacity", "cycle_count");

  /** Numeric attributes in µWh or µAh, reported in Wh or Ah as node_exporter does. */
  static final List<String> MICRO_FILES =
      List.of("energy_full", "energy_full_design", "charge_full", "charge_full_design");

  private static final double MICRO = 1e6;

  private SysfsPowerSupplyParser() {}

  /**
   * Parses {@code files}, file name → contents; missing, blank or non-numeric files leave their
   * attribute absent.
   */
  static PowerSupply parse(String name, Map<String, String> files) {
    Map<String, String> info = new LinkedHashMap<>();
    for (String file : INFO_FILES) {
      String text = files.getOrDefault(file, "").strip();
      if (!text.isEmpty()) {
        info.put(file, text);
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    putNumber(files, PLAIN_FILES, 1, values);
    putNumber(files, MICRO_FILES, MICRO, values);
    return new PowerSupply(name, info, values);
  }

  private static void putNumber(
      Map<String, String> files, List<String> names, double divisor, Map<String, Double> out) {
    for (String file : names) {
      String text = files.get(file);
      if (text == null) {
        continue;
      }
      try {
        String attribute = file.equals("cycle_count") ? "cyclecount" : file;
        out.put(attribute, Long.parseLong(text.strip()) / divisor);
      } catch (NumberFormatException e) {
        // Drivers write "N/A" or nothing for what they cannot measure: leave it absent.
      }
    }
  }
}
