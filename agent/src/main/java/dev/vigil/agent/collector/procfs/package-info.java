/**
 * Reading procfs and sysfs text the way node_exporter does, without OSHI: a file read into a reused
 * buffer, numbers and names parsed in place, device names interned across reads.
 */
package dev.vigil.agent.collector.procfs;
