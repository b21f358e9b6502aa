/**
 * Patch health: pending updates, last install and refresh times and reboot-required, scanned off
 * the tick thread from the host's package manager.
 */
package dev.vigil.agent.collector.patch;
