/**
 * Temperatures, fans and voltages, as node_exporter's hwmon and thermal_zone collectors report
 * them.
 */
package dev.vigil.agent.collector.sensors;
