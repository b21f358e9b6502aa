package dev.vigil.agent.collector.power;

import dev.vigil.agent.collector.OshiText;
import java.util.LinkedHashMap;
import java.util.Map;
import oshi.hardware.PowerSource;
import oshi.hardware.PowerSource.CapacityUnits;

/** Maps OSHI's view of a battery (Windows, macOS) to the names the sysfs reading uses. */
final class OshiPowerSources {
  private static final double MILLI = 1000.0;

  private OshiPowerSources() {}

  /**
   * Capacities in mWh become {@code energy_*} in Wh, capacities in mAh become {@code charge_*} in
   * Ah; relative capacities carry no absolute figure and are left out, as is a cycle count the
   * battery does not report (negative).
   */
  static PowerSupply toPowerSupply(PowerSource source) {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("type", "Battery");
    putKnown(info, "status", status(source));
    putKnown(info, "manufacturer", source.getManufacturer());
    putKnown(info, "model_name", source.getDeviceName());
    putKnown(info, "serial_number", source.getSerialNumber());
    putKnown(info, "technology", source.getChemistry());

    Map<String, Double> values = new LinkedHashMap<>();
    values.put("online", source.isPowerOnLine() ? 1.0 : 0.0);
    double percent = source.getRemainingCapacityPercent();
    if (percent >= 0 && percent <= 1) {
      values.put("capacity", Math.rint(percent * 100));
    }
    if (source.getCycleCount() >= 0) {
      values.put("cyclecount", (double) source.getCycleCount());
    }
    String prefix = unitPrefix(source.getCapacityUnits());
    if (prefix != null) {
      putPositive(values, prefix + "_full", source.getMaxCapacity());
      putPositive(values, prefix + "_full_design", source.getDesignCapacity());
    }
    return new PowerSupply(source.getName(), info, values);
  }

  private static String unitPrefix(CapacityUnits units) {
    return switch (units) {
      case MWH -> "energy";
      case MAH -> "charge";
      default -> null;
    };
  }

  /** The sysfs status words; OSHI cannot tell "Full" from "Not charging", so those say nothing. */
  private static String status(PowerSource source) {
    if (source.isCharging()) {
      return "Charging";
    }
    return source.isDischarging() ? "Discharging" : "";
  }

  private static void putKnown(Map<String, String> info, String key, String value) {
    String known = OshiText.known(value);
    if (!known.isEmpty()) {
      info.put(key, known);
    }
  }

  private static void putPositive(Map<String, Double> values, String key, int milliUnits) {
    if (milliUnits > 0) {
      values.put(key, milliUnits / MILLI);
    }
  }
}
