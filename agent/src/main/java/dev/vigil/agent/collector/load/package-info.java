/** Load averages over 1, 5 and 15 minutes, where the platform has them. */
package dev.vigil.agent.collector.load;
