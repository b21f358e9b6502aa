/** Temperatures, fans and voltages, as node_exporter's hwmon collector reports them. */
package dev.vigil.agent.collector.sensors;
