/** Rendering samples in the Prometheus text exposition format. */
package dev.vigil.agent.exposition;
