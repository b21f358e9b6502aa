/** Per-interface traffic, errors, drops, state and properties. */
package dev.vigil.agent.collector.network;
