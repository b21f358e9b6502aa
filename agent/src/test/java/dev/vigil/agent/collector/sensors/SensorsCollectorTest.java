package dev.vigil.agent.collector.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

class SensorsCollectorTest {

  /**
   * The fixture read in place: the chips' {@code device} entries are symlinks, and Maven's resource
   * copy into target/test-classes turns them into plain directories.
   */
  private static Path fixtureSysRoot() {
    Path sys = Path.of("src/test/resources/sensors/sys");
    assertTrue(Files.isSymbolicLink(sys.resolve("class/hwmon/hwmon0/device")), "run from agent/");
    return sys;
  }

  private static SensorsCollector linuxCollector(Path sysRoot) {
    return new SensorsCollector(
        new CollectorContext(
            new SystemInfo(), Clock.systemUTC(), PlatformEnum.LINUX, Path.of("/proc"), sysRoot));
  }

  private static List<String> collect(SensorsCollector collector) throws Exception {
    SampleList sink = new SampleList();
    collector.collect(sink);
    return sink.samples().stream().map(SensorsCollectorTest::line).toList();
  }

  private static String line(Sample s) {
    return s.metric().name() + s.labels().pairs() + " " + s.value();
  }

  @Test
  void shouldReportEveryChipOfTheFixtureTreeWithNodeExporterLabels() throws Exception {
    assertEquals(
        List.of(
            "node_hwmon_chip_names[chip, platform_coretemp_0, chip_name, coretemp] 1.0",
            "node_hwmon_sensor_label[chip, platform_coretemp_0, label, package_id_0, sensor,"
                + " temp1] 1.0",
            "node_hwmon_sensor_label[chip, platform_coretemp_0, label, core_0, sensor, temp2] 1.0",
            "node_hwmon_temp_celsius[chip, platform_coretemp_0, sensor, temp1] 45.0",
            "node_hwmon_temp_celsius[chip, platform_coretemp_0, sensor, temp2] 43.5",
            "node_hwmon_temp_crit_celsius[chip, platform_coretemp_0, sensor, temp1] 100.0",
            "node_hwmon_temp_crit_celsius[chip, platform_coretemp_0, sensor, temp2] 100.0",
            "node_hwmon_temp_max_celsius[chip, platform_coretemp_0, sensor, temp1] 84.0",
            "node_hwmon_chip_names[chip, platform_nct6775_656, chip_name, nct6775] 1.0",
            "node_hwmon_fan_rpm[chip, platform_nct6775_656, sensor, fan1] 1205.0",
            "node_hwmon_fan_rpm[chip, platform_nct6775_656, sensor, fan2] 0.0",
            "node_hwmon_fan_min_rpm[chip, platform_nct6775_656, sensor, fan1] 0.0",
            "node_hwmon_in_volts[chip, platform_nct6775_656, sensor, in0] 1.008",
            "node_hwmon_in_min_volts[chip, platform_nct6775_656, sensor, in0] 0.6",
            "node_hwmon_in_max_volts[chip, platform_nct6775_656, sensor, in0] 1.744",
            "node_hwmon_pwm[chip, platform_nct6775_656, sensor, pwm1] 153.0",
            "node_thermal_zone_temp[type, acpitz, zone, 0] 27.8",
            "node_thermal_zone_temp[type, x86_pkg_temp, zone, 1] 45.0",
            "node_thermal_zone_temp[type, INT3400 Thermal, zone, 10] 20.0"),
        collect(linuxCollector(fixtureSysRoot())));
  }

  @Test
  void shouldSkipAGarbageValueAndLogItOnlyOnce() throws Exception {
    List<HwmonChip> chips = new HwmonReader(fixtureSysRoot()).read();
    SensorsCollector collector = linuxCollector(fixtureSysRoot());

    assertEquals(List.of("in1_input: not a number: \"N/A\""), chips.get(1).skipped());
    assertFalse(collect(collector).stream().anyMatch(l -> l.contains("in1")));
    assertFalse(
        collector
            .notices()
            .report(
                "sensors",
                "hwmon chip platform_nct6775_656: skipped " + chips.get(1).skipped().get(0)));
  }

  @Test
  void shouldSkipAFileThatCannotBeReadAndKeepTheOthers(@TempDir Path sys) throws Exception {
    Path chip = Files.createDirectories(sys.resolve("class/hwmon/hwmon0"));
    Files.writeString(chip.resolve("temp1_input"), "38000\n");
    Files.createDirectory(chip.resolve("temp2_input"));

    List<HwmonChip> chips = new HwmonReader(sys).read();

    assertEquals("hwmon0", chips.get(0).chip());
    assertEquals(1, chips.get(0).values().size());
    assertTrue(chips.get(0).skipped().get(0).startsWith("temp2_input: unreadable: "));
    assertEquals(
        List.of("node_hwmon_temp_celsius[chip, hwmon0, sensor, temp1] 38.0"),
        collect(linuxCollector(sys)));
  }

  @Test
  void shouldLeaveOutAThermalZoneWhoseTempCannotBeReadAndLogItOnce() throws Exception {
    ThermalZones zones = new ThermalZoneReader(fixtureSysRoot()).read();
    SensorsCollector collector = linuxCollector(fixtureSysRoot());

    assertEquals(1, zones.skipped().size());
    assertTrue(zones.skipped().get(0).startsWith("thermal_zone2/temp: unreadable: "));
    assertFalse(collect(collector).stream().anyMatch(l -> l.contains("iwlwifi")));
    assertFalse(
        collector.notices().report("sensors", "thermal zone skipped: " + zones.skipped().get(0)));
  }

  @Test
  void shouldReportNothingWhereSysfsHasNoHwmonOrThermalClass(@TempDir Path emptySys)
      throws Exception {
    assertEquals(List.of(), collect(linuxCollector(emptySys)));
  }

  @Test
  void shouldReadThisHostsSensorsWithoutFailing() throws Exception {
    SensorsCollector collector =
        new SensorsCollector(CollectorContext.forHost(Path.of("/proc"), Path.of("/sys")));

    assertTrue(
        collect(collector).stream()
            .allMatch(l -> l.startsWith("node_hwmon_") || l.startsWith("node_thermal_zone_temp")));
  }
}
