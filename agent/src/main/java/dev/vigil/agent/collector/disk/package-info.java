/** Per-disk I/O counters and identity, as node_exporter's diskstats collector reports them. */
package dev.vigil.agent.collector.disk;
