package dev.vigil.agent.collector.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.collector.sensors.SensorValue.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HwmonParserTest {

  @Test
  void shouldScaleMillidegreesAndMillivoltsAndKeepFanRpm() {
    HwmonChip chip =
        HwmonParser.parse(
            "platform_nct6775_656",
            "nct6775\n",
            Map.of(
                "temp1_input", "45000\n",
                "temp1_crit", "100000\n",
                "fan1_input", "1205\n",
                "in0_input", "1008\n",
                "fan1_div", "8\n",
                "temp1_label", "SYSTIN\n"));

    assertEquals(
        List.of(
            new SensorValue(Kind.TEMP, "platform_nct6775_656", "temp1", 45.0),
            new SensorValue(Kind.TEMP_CRIT, "platform_nct6775_656", "temp1", 100.0),
            new SensorValue(Kind.FAN, "platform_nct6775_656", "fan1", 1205),
            new SensorValue(Kind.IN, "platform_nct6775_656", "in0", 1.008)),
        chip.values());
    assertEquals("nct6775", chip.chipName());
    assertEquals(List.of(), chip.skipped());
  }

  @Test
  void shouldReadLimitsAndFanDutyAndCleanTheLabelsAsNodeExporterDoes() {
    HwmonChip chip =
        HwmonParser.parse(
            "c",
            null,
            Map.of(
                "temp1_max", "84000\n",
                "fan1_min", "300\n",
                "fan1_max", "2400\n",
                "in0_min", "600\n",
                "in0_max", "1744\n",
                "pwm1", "153\n",
                "pwm1_enable", "5\n",
                "temp10_label", "Core 8\n",
                "temp1_label", "Package id 0\n",
                "fan1_label", " \n"));

    assertEquals(
        List.of(
            new SensorValue(Kind.TEMP_MAX, "c", "temp1", 84.0),
            new SensorValue(Kind.FAN_MIN, "c", "fan1", 300),
            new SensorValue(Kind.FAN_MAX, "c", "fan1", 2400),
            new SensorValue(Kind.IN_MIN, "c", "in0", 0.6),
            new SensorValue(Kind.IN_MAX, "c", "in0", 1.744),
            new SensorValue(Kind.PWM, "c", "pwm1", 153)),
        chip.values());
    assertEquals(
        List.of(Map.entry("temp1", "package_id_0"), Map.entry("temp10", "core_8")),
        List.copyOf(chip.labels().entrySet()));
  }

  @Test
  void shouldSkipAndNameAFileThatHoldsNoNumberRatherThanReportZero() {
    HwmonChip chip =
        HwmonParser.parse("coretemp", null, Map.of("temp2_input", "N/A\n", "temp1_input", "-5000"));

    assertEquals(List.of(new SensorValue(Kind.TEMP, "coretemp", "temp1", -5.0)), chip.values());
    assertEquals(List.of("temp2_input: not a number: \"N/A\""), chip.skipped());
    assertEquals("", chip.chipName());
  }

  @Test
  void shouldOrderSensorsByKindThenNumber() {
    HwmonChip chip =
        HwmonParser.parse(
            "c", "c", Map.of("temp10_input", "1000", "temp2_input", "2000", "fan1_input", "1"));

    assertEquals(
        List.of("temp2", "temp10", "fan1"),
        chip.values().stream().map(SensorValue::sensor).toList());
  }

  @Test
  void shouldLabelTheChipByItsDevicePathAsNodeExporterDoes() {
    assertEquals(
        "platform_coretemp_0",
        HwmonParser.chipLabel("/sys/devices/platform/coretemp.0", "coretemp\n", "hwmon1"));
    assertEquals(
        "pci0000:00_0000:00:18_3",
        HwmonParser.chipLabel("/sys/devices/pci0000:00/0000:00:18.3", "k10temp\n", "hwmon2"));
  }

  @Test
  void shouldFallBackToTheNameFileThenTheDirectoryWithoutADevice() {
    assertEquals("acpitz", HwmonParser.chipLabel(null, "acpitz\n", "hwmon0"));
    assertEquals("hwmon3", HwmonParser.chipLabel(null, null, "hwmon3"));
    assertEquals("hwmon4", HwmonParser.chipLabel(null, " \n", "hwmon4"));
  }

  @Test
  void shouldCleanLabelsToLowerCaseMetricCharacters() {
    assertEquals("bat0_x", HwmonParser.clean("-BAT0 x.\n"));
  }
}
