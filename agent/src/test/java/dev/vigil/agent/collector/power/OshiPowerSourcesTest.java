package dev.vigil.agent.collector.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.PowerSource;
import oshi.hardware.PowerSource.CapacityUnits;

class OshiPowerSourcesTest {

  /** A PowerSource answering each getter from {@code answers}, keyed by method name. */
  private static PowerSource source(Map<String, Object> answers) {
    return (PowerSource)
        Proxy.newProxyInstance(
            PowerSource.class.getClassLoader(),
            new Class<?>[] {PowerSource.class},
            (proxy, method, args) -> {
              if (!answers.containsKey(method.getName())) {
                throw new AssertionError("unexpected call " + method.getName());
              }
              return answers.get(method.getName());
            });
  }

  private static Map<String, Object> battery(CapacityUnits units, int cycles) {
    return Map.ofEntries(
        Map.entry("getName", "System Battery"),
        Map.entry("getDeviceName", "DELL 7FHNM"),
        Map.entry("getManufacturer", "SMP"),
        Map.entry("getSerialNumber", "unknown"),
        Map.entry("getChemistry", "LiP"),
        Map.entry("isPowerOnLine", true),
        Map.entry("isCharging", true),
        Map.entry("isDischarging", false),
        Map.entry("getRemainingCapacityPercent", 0.874),
        Map.entry("getCycleCount", cycles),
        Map.entry("getCapacityUnits", units),
        Map.entry("getMaxCapacity", 45120),
        Map.entry("getDesignCapacity", 57020));
  }

  @Test
  void shouldMapMilliwattHoursToEnergyInWattHours() {
    PowerSupply supply = OshiPowerSources.toPowerSupply(source(battery(CapacityUnits.MWH, 312)));

    assertEquals(
        Map.of(
            "online", 1.0,
            "capacity", 87.0,
            "cyclecount", 312.0,
            "energy_full", 45.12,
            "energy_full_design", 57.02),
        supply.values());
    assertEquals(
        Map.of(
            "type", "Battery",
            "status", "Charging",
            "manufacturer", "SMP",
            "model_name", "DELL 7FHNM",
            "technology", "LiP"),
        supply.info());
  }

  @Test
  void shouldMapMilliampHoursToChargeAndDropWhatTheBatteryDoesNotReport() {
    PowerSupply supply = OshiPowerSources.toPowerSupply(source(battery(CapacityUnits.MAH, -1)));

    assertEquals(45.12, supply.values().get("charge_full"));
    assertEquals(57.02, supply.values().get("charge_full_design"));
    assertEquals(null, supply.values().get("cyclecount"));
    assertEquals(null, supply.values().get("energy_full"));
  }

  @Test
  void shouldReportNoAbsoluteCapacityWhenOshiKnowsOnlyRelativeOnes() {
    PowerSupply supply =
        OshiPowerSources.toPowerSupply(source(battery(CapacityUnits.RELATIVE, 10)));

    assertEquals(Map.of("online", 1.0, "capacity", 87.0, "cyclecount", 10.0), supply.values());
  }
}
