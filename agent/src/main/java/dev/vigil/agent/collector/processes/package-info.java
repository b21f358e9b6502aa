/** How many processes and threads the host runs. */
package dev.vigil.agent.collector.processes;
