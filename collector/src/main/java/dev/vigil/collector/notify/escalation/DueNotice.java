package dev.vigil.collector.notify.escalation;

import dev.vigil.collector.notify.NotificationStatus;

/**
 * A notice the planner says is due: queue it for {@code receiver} and record {@code step} as
 * notified (firing) or the resolved notices as queued (resolved).
 *
 * @param step the policy step that sends it; for a resolved notice the highest step that was told
 * @param receiver the receiver's name
 * @param status firing or resolved
 */
public record DueNotice(int step, String receiver, NotificationStatus status) {
  /** The escalation tier, 1 for the first step. */
  public int tier() {
    return step + 1;
  }
}
