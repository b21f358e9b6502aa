/** Who is logged in to the host. */
package dev.vigil.agent.collector.sessions;
