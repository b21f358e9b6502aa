package dev.vigil.agent.collector.power;

import java.util.Map;

/**
 * One battery or AC adapter: its text attributes (the labels of {@code node_power_supply_info},
 * only those the platform reported) and its numeric readings keyed by node_exporter's attribute
 * names, already in node_exporter's units (Wh, Ah, percent). An attribute the platform could not
 * read is absent, never zero.
 */
record PowerSupply(String name, Map<String, String> info, Map<String, Double> values) {

  /** Copies both maps so a reading is immutable. */
  PowerSupply {
    info = Map.copyOf(info);
    values = Map.copyOf(values);
  }
}
