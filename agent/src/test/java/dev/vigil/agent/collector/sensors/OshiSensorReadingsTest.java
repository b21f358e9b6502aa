package dev.vigil.agent.collector.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.collector.sensors.SensorValue.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OshiSensorReadingsTest {

  @Test
  void shouldMapCpuTemperatureFansAndVoltageToTheCpuChip() {
    assertEquals(
        List.of(
            new SensorValue(Kind.TEMP, "cpu", "temp1", 52.5),
            new SensorValue(Kind.FAN, "cpu", "fan1", 1800),
            new SensorValue(Kind.FAN, "cpu", "fan2", 950),
            new SensorValue(Kind.IN, "cpu", "in0", 1.1)),
        OshiSensorReadings.toValues(52.5, new int[] {1800, 950}, 1.1));
  }

  @Test
  void shouldLeaveOutWhatOshiCouldNotRead() {
    assertEquals(
        List.of(new SensorValue(Kind.FAN, "cpu", "fan2", 700)),
        OshiSensorReadings.toValues(0, new int[] {0, 700}, Double.NaN));
    assertEquals(List.of(), OshiSensorReadings.toValues(Double.NaN, new int[0], 0));
    assertEquals(List.of(), OshiSensorReadings.toValues(-1, null, -1));
  }
}
