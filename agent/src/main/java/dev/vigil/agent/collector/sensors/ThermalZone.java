package dev.vigil.agent.collector.sensors;

/**
 * One {@code /sys/class/thermal/thermal_zone<N>} reading in node_exporter's labels: {@code zone} is
 * N, {@code type} the zone's {@code type} file (e.g. {@code acpitz}, {@code x86_pkg_temp}).
 */
record ThermalZone(String zone, String type, double celsius) {}
