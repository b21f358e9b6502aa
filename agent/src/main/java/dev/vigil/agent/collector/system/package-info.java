/** Host identity and clock: uname, boot time and the current time. */
package dev.vigil.agent.collector.system;
