/** Size and free space of local filesystems, without node_exporter's default pseudo filesystems. */
package dev.vigil.agent.collector.filesystem;
