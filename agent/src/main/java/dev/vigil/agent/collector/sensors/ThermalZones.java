package dev.vigil.agent.collector.sensors;

import java.util.List;

/**
 * The thermal zones that could be read, and the ones skipped ({@code "thermal_zone2/temp:
 * <reason>"}) because a file could not be read or held no number. A skipped zone is absent, never
 * zero.
 */
record ThermalZones(List<ThermalZone> zones, List<String> skipped) {

  /** Copies both lists so a reading is immutable. */
  ThermalZones {
    zones = List.copyOf(zones);
    skipped = List.copyOf(skipped);
  }
}
