package dev.vigil.agent.collector.sensors;

import dev.vigil.agent.collector.sensors.SensorValue.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps OSHI's three sensor figures (Windows, macOS, BSDs) to hwmon's names under the chip "cpu".
 * OSHI reports 0 (or NaN) for what it could not read: such a figure is left out, never sent as 0.
 */
final class OshiSensorReadings {
  static final String CHIP = "cpu";

  private OshiSensorReadings() {}

  /**
   * {@code temp1} for the CPU temperature, {@code fan<i>} (from 1) for each fan, {@code in0} for
   * the CPU voltage; each only when positive and finite.
   */
  static List<SensorValue> toValues(double cpuCelsius, int[] fanRpm, double cpuVolts) {
    List<SensorValue> values = new ArrayList<>();
    if (known(cpuCelsius)) {
      values.add(new SensorValue(Kind.TEMP, CHIP, "temp1", cpuCelsius));
    }
    for (int i = 0; fanRpm != null && i < fanRpm.length; i++) {
      if (fanRpm[i] > 0) {
        values.add(new SensorValue(Kind.FAN, CHIP, "fan" + (i + 1), fanRpm[i]));
      }
    }
    if (known(cpuVolts)) {
      values.add(new SensorValue(Kind.IN, CHIP, "in0", cpuVolts));
    }
    return values;
  }

  private static boolean known(double value) {
    return value > 0 && Double.isFinite(value);
  }
}
