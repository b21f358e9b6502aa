package dev.vigil.collector.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The notifications waiting to be delivered. The incident store's implementation writes an entry in
 * the same transaction as the state change that causes it, so a crash loses neither; this interface
 * is what the {@link NotificationDispatcher} needs of it.
 *
 * <p>An entry is delivered at least once: a claimed entry whose outcome is never reported (the
 * collector died mid-send) must become due again after a lease the implementation chooses, longer
 * than a receiver's timeout. Receivers can tell a repeat by the incident id, status and tier.
 */
public interface Outbox {
  /**
   * Up to {@code limit} entries of {@code receiver} due at {@code now} (not delivered, not parked,
   * next attempt time reached), oldest first, claimed so that no other dispatcher takes them
   * meanwhile.
   */
  List<OutboxEntry> claimDue(String receiver, Instant now, int limit);

  /** Hands claimed entries back untried: due again at once, no attempt counted. */
  void release(List<Long> ids);

  /** The entry got through: it is done. */
  void delivered(long id, Instant at);

  /** The entry failed for a passing reason: try again at {@code nextAttemptAt}. */
  void retryLater(long id, int attempts, Instant nextAttemptAt, String reason);

  /** The entry failed for good: keep it with its reason for an operator, never send it again. */
  void park(long id, int attempts, String reason);

  /**
   * Parks, as failed for good, every pending entry whose receiver is not among {@code receivers};
   * returns the receivers of the entries it parked, one per entry.
   */
  List<String> parkUnknownReceivers(Set<String> receivers);

  /** Entries neither delivered nor parked. */
  long pending();
}
