/**
 * Delivery of notifications from an outbox: the {@link dev.vigil.collector.notify.delivery.Outbox}
 * contract the incident store fulfils durably, the dispatcher that hands due entries to their
 * receivers, and the backoff between attempts.
 */
package dev.vigil.collector.notify.delivery;
