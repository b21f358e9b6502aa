/**
 * The collector contract, the registry of all collectors with their cadence tiers, and the runner
 * that runs them off the tick thread with timeouts and isolates their failures.
 */
package dev.vigil.agent.collector;
