package dev.vigil.collector.notify.delivery;

import dev.vigil.collector.notify.Notification;

/**
 * One notification waiting for one receiver.
 *
 * @param id the outbox's id of the entry
 * @param receiver the receiver's name, as policies write it
 * @param notification what to send
 * @param attempts failed attempts so far (0 for a new entry)
 */
public record OutboxEntry(long id, String receiver, Notification notification, int attempts) {}
