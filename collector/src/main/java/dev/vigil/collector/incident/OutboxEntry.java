package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification to deliver, written in the same transaction as the change that causes it.
 *
 * @param id the entry's id, rising in the order entries were written; also the idempotency key a
 *     receiver can use, since an entry whose delivery was not confirmed is sent again
 * @param incidentId the incident it is about
 * @param eventId the audit-trail entry of the change that caused it
 * @param receiver the receiver's name, as the {@link NotificationRouter} chose it
 * @param kind firing, escalation or resolved
 * @param tier the escalation tier it belongs to
 * @param payload the incident as it was after the change, as JSON (see package-info)
 * @param attempts failed deliveries so far
 * @param nextAttemptAt when it is due (again)
 * @param deliveredAt when the receiver took it, or null
 * @param lastError why the last attempt failed, or null
 */
public record OutboxEntry(
    long id,
    long incidentId,
    long eventId,
    String receiver,
    OutboxKind kind,
    int tier,
    String payload,
    int attempts,
    Instant nextAttemptAt,
    Instant deliveredAt,
    String lastError) {

  public OutboxEntry {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
