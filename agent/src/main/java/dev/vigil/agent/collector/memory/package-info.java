/** Physical memory and swap, named after the /proc/meminfo fields node_exporter exports. */
package dev.vigil.agent.collector.memory;
