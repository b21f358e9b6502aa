/**
 * Escalation: policies of timed steps read from YAML, and the pure planner that says which notices
 * an incident's history makes due at a given time.
 */
package dev.vigil.collector.notify.escalation;
