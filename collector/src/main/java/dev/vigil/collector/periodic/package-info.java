/** Background work the collector repeats on threads of its own: sweeps, refreshes, ticks. */
package dev.vigil.collector.periodic;
