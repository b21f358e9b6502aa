/**
 * Connects the incident store to escalation and delivery inside the running collector: the durable
 * outbox the dispatcher works from, the router that picks each tier's receivers from the policies,
 * the escalation timer, a delivery lane per receiver, and the threads that run them.
 */
package dev.vigil.collector.alerting;
