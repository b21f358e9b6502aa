package dev.vigil.agent.collector.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.sensors.ThermalZoneParser.ZoneFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThermalZoneParserTest {

  @Test
  void shouldScaleMillidegreesAndLabelByZoneNumberAndType() {
    ThermalZones zones =
        ThermalZoneParser.parse(
            Map.of(
                "thermal_zone0", new ZoneFiles("acpitz\n", "27800\n"),
                "thermal_zone1", new ZoneFiles("x86_pkg_temp\n", "-1500\n")));

    assertEquals(
        List.of(new ThermalZone("0", "acpitz", 27.8), new ThermalZone("1", "x86_pkg_temp", -1.5)),
        zones.zones());
    assertEquals(List.of(), zones.skipped());
  }

  @Test
  void shouldOrderZonesByNumberSoTenComesAfterTwo() {
    ThermalZones zones =
        ThermalZoneParser.parse(
            Map.of(
                "thermal_zone10", new ZoneFiles("INT3400 Thermal", "20000"),
                "thermal_zone2", new ZoneFiles("pch_skylake", "41000")));

    assertEquals(List.of("2", "10"), zones.zones().stream().map(ThermalZone::zone).toList());
  }

  @Test
  void shouldLeaveOutAZoneWhoseTempHoldsNoNumberAndNameIt() {
    ThermalZones zones =
        ThermalZoneParser.parse(Map.of("thermal_zone3", new ZoneFiles("iwlwifi_1", "N/A\n")));

    assertEquals(List.of(), zones.zones());
    assertEquals(List.of("thermal_zone3/temp: not a number: \"N/A\""), zones.skipped());
  }

  @Test
  void shouldLeaveOutAZoneWithAFileNotReadWithoutNamingItTwice() {
    ThermalZones zones =
        ThermalZoneParser.parse(
            Map.of(
                "thermal_zone4", new ZoneFiles("iwlwifi_1", null),
                "thermal_zone5", new ZoneFiles(null, "30000")));

    assertEquals(List.of(), zones.zones());
    assertEquals(List.of(), zones.skipped(), "the reader names unreadable files");
  }

  @Test
  void shouldReadOnlyThermalZoneDirectories() {
    assertTrue(ThermalZoneParser.isZoneDir("thermal_zone12"));
    assertFalse(ThermalZoneParser.isZoneDir("cooling_device0"));
    assertFalse(ThermalZoneParser.isZoneDir("thermal_zone"));
  }
}
