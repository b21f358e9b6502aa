/**
 * Notifications about incidents: the {@link dev.vigil.collector.notify.Notification} every receiver
 * gets, the {@link dev.vigil.collector.notify.Receiver} contract with its split between retryable
 * and permanent failures, and one sub-package per receiver kind, escalation and delivery.
 */
package dev.vigil.collector.notify;
