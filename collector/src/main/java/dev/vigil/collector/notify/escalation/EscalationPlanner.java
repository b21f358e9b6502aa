package dev.vigil.collector.notify.escalation;

import dev.vigil.collector.notify.NotificationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides, from an incident's history and the time, which notices are due. Pure: the caller reads
 * the history, queues the notices in the same transaction as it records them, and asks again at
 * {@link #nextStepAt}.
 *
 * <ul>
 *   <li>Open and unacknowledged: every step whose {@code after} has passed and that was not
 *       notified yet. A collector that was down while two steps came due tells both at once.
 *   <li>Acknowledged: nothing more; someone is on it, so no further line is woken.
 *   <li>Resolved: one resolved notice to each receiver that was told, once.
 * </ul>
 */
public final class EscalationPlanner {
  private EscalationPlanner() {}

  /** The notices due at {@code now}, firing ones in step order, then receiver order. */
  public static List<DueNotice> due(EscalationPolicy policy, IncidentHistory history, Instant now) {
    if (history.resolvedAt().isPresent()) {
      return resolvedNotices(history);
    }
    if (history.ackedAt().isPresent()) {
      return List.of();
    }
    List<DueNotice> due = new ArrayList<>();
    List<EscalationStep> steps = policy.steps();
    for (int i = 0; i < steps.size(); i++) {
      EscalationStep step = steps.get(i);
      if (!history.stepsNotified().contains(i) && !now.isBefore(dueAt(history, step))) {
        for (String receiver : step.receivers()) {
          due.add(new DueNotice(i, receiver, NotificationStatus.FIRING));
        }
      }
    }
    return due;
  }

  /**
   * When the next step comes due, if one still can: empty once the incident is acknowledged or
   * resolved, or every step was notified.
   */
  public static Optional<Instant> nextStepAt(EscalationPolicy policy, IncidentHistory history) {
    if (history.resolvedAt().isPresent() || history.ackedAt().isPresent()) {
      return Optional.empty();
    }
    List<EscalationStep> steps = policy.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (!history.stepsNotified().contains(i)) {
        return Optional.of(dueAt(history, steps.get(i)));
      }
    }
    return Optional.empty();
  }

  private static List<DueNotice> resolvedNotices(IncidentHistory history) {
    if (history.resolvedNoticesQueued() || history.told().isEmpty()) {
      return List.of();
    }
    int highest = history.stepsNotified().isEmpty() ? 0 : Collections.max(history.stepsNotified());
    List<DueNotice> due = new ArrayList<>();
    for (String receiver : new TreeSet<>(history.told())) {
      due.add(new DueNotice(highest, receiver, NotificationStatus.RESOLVED));
    }
    return due;
  }

  private static Instant dueAt(IncidentHistory history, EscalationStep step) {
    return history.openedAt().plus(step.after());
  }
}
