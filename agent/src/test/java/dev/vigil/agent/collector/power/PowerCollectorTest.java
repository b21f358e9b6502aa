package dev.vigil.agent.collector.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

class PowerCollectorTest {

  private static Path fixtureSysRoot() throws URISyntaxException {
    return Path.of(PowerCollectorTest.class.getResource("/power/sys").toURI());
  }

  private static List<Sample> collectFixture() throws Exception {
    CollectorContext context =
        new CollectorContext(
            new SystemInfo(),
            Clock.systemUTC(),
            PlatformEnum.LINUX,
            Path.of("/proc"),
            fixtureSysRoot());
    SampleList sink = new SampleList();
    new PowerCollector(context).collect(sink);
    return sink.samples();
  }

  @Test
  void shouldReportAcAdapterOnlineFromTheConfiguredSysRoot() throws Exception {
    List<Sample> samples = collectFixture();

    assertEquals(1, value(samples, "node_power_supply_online", "AC"));
    assertEquals(
        List.of("power_supply", "AC", "type", "Mains"),
        find(samples, "node_power_supply_info", "AC").labels().pairs());
  }

  @Test
  void shouldReportBatteryReadingsInNodeExporterUnits() throws Exception {
    List<Sample> samples = collectFixture();

    assertEquals(87, value(samples, "node_power_supply_capacity", "BAT0"));
    assertEquals(312, value(samples, "node_power_supply_cyclecount", "BAT0"));
    assertEquals(45.12, value(samples, "node_power_supply_energy_full", "BAT0"));
    assertEquals(57.02, value(samples, "node_power_supply_energy_full_design", "BAT0"));
    assertEquals(
        List.of(
            "manufacturer", "SMP",
            "model_name", "02DL005",
            "power_supply", "BAT0",
            "serial_number", "4195",
            "status", "Discharging",
            "technology", "Li-poly",
            "type", "Battery"),
        find(samples, "node_power_supply_info", "BAT0").labels().pairs());
  }

  @Test
  void shouldDeriveBatteryHealthFromEnergyOrElseCharge() throws Exception {
    List<Sample> samples = collectFixture();

    assertEquals(45.12 / 57.02, value(samples, "vigil_battery_health_ratio", "BAT0"), 1e-9);
    assertEquals(0.95, value(samples, "vigil_battery_health_ratio", "BAT1"), 1e-9);
    assertFalse(has(samples, "vigil_battery_health_ratio", "AC"));
    assertFalse(has(samples, "node_power_supply_cyclecount", "BAT1"));
  }

  @Test
  void shouldNotInventAHealthRatioWithoutAPositiveDesignCapacity() {
    assertNull(PowerCollector.healthRatio(Map.of("energy_full", 40.0)));
    assertNull(PowerCollector.healthRatio(Map.of("energy_full", 40.0, "energy_full_design", 0.0)));
  }

  @Test
  void shouldReportNothingWhereSysfsHasNoPowerSupplyClass() throws Exception {
    SysfsPowerSupplyReader reader = new SysfsPowerSupplyReader(Path.of("/nonexistent-sys"));

    assertTrue(reader.read().isEmpty());
  }

  private static double value(List<Sample> samples, String name, String supply) {
    return find(samples, name, supply).value();
  }

  private static boolean has(List<Sample> samples, String name, String supply) {
    return samples.stream().anyMatch(s -> matches(s, name, supply));
  }

  private static Sample find(List<Sample> samples, String name, String supply) {
    return samples.stream().filter(s -> matches(s, name, supply)).findFirst().orElseThrow();
  }

  private static boolean matches(Sample sample, String name, String supply) {
    return sample.metric().name().equals(name)
        && sample.labels().pairs().contains("power_supply")
        && sample
            .labels()
            .value(sample.labels().pairs().indexOf("power_supply") / 2)
            .equals(supply);
  }
}
