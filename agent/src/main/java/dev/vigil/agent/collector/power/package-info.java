/** Batteries and AC adapters, as node_exporter's powersupplyclass collector reports them. */
package dev.vigil.agent.collector.power;
