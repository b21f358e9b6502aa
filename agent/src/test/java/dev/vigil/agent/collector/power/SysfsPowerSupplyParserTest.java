package dev.vigil.agent.collector.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SysfsPowerSupplyParserTest {

  @Test
  void shouldScaleMicroWattHoursToWattHoursAndKeepPercentAndCycles() {
    PowerSupply bat =
        SysfsPowerSupplyParser.parse(
            "BAT0",
            Map.of(
                "type", "Battery\n",
                "status", "Discharging\n",
                "capacity", "87\n",
                "cycle_count", "312\n",
                "energy_full", "45120000\n",
                "energy_full_design", "57020000\n"));

    assertEquals(
        Map.of(
            "capacity", 87.0,
            "cyclecount", 312.0,
            "energy_full", 45.12,
            "energy_full_design", 57.02),
        bat.values());
    assertEquals(Map.of("type", "Battery", "status", "Discharging"), bat.info());
  }

  @Test
  void shouldLeaveUnmeasurableAndBlankAttributesAbsent() {
    PowerSupply bat =
        SysfsPowerSupplyParser.parse(
            "BAT1", Map.of("cycle_count", "N/A\n", "manufacturer", "\n", "charge_full", "3800000"));

    assertEquals(Map.of("charge_full", 3.8), bat.values());
    assertEquals(Map.of(), bat.info());
  }
}
