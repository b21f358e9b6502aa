/**
 * Connects the incident store to escalation and delivery inside the running collector: the durable
 * outbox the dispatcher works from, the router that picks each tier's receivers from the policies,
 * the escalation timer, and the thread that runs them.
 */
package dev.vigil.collector.alerting;
