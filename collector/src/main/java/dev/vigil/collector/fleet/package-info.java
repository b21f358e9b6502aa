/**
 * The fleet across restarts: every host recorded in the incident database as it connects and
 * leaves, restored into the series store and the rule engine when the collector starts, and
 * forgotten when it is decommissioned.
 */
package dev.vigil.collector.fleet;
