/** The collector contract, the registry of all collectors and the runner that isolates failures. */
package dev.vigil.agent.collector;
