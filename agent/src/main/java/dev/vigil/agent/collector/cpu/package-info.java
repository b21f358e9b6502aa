/** Per-CPU time spent in each mode, as node_exporter's cpu collector reports it. */
package dev.vigil.agent.collector.cpu;
