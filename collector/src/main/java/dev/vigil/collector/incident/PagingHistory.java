package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where an incident's current opening stands with paging, read from its audit trail: held (a {@link
 * EventAction#NOT_PAGED} is the latest of its opening and paging events) or paging since a time
 * (its opening, or the {@link EventAction#PAGED} that ended the hold), from which escalation
 * counts.
 *
 * @param held whether nobody has been told yet because paging was not allowed
 * @param holdReason why, as the latest {@code NOT_PAGED} event says; empty when not held
 * @param since when paging started (the time escalation counts from); when held, when the hold was
 *     last recorded
 */
public record PagingHistory(boolean held, String holdReason, Instant since) {
  /** The actions that decide where paging stands: the latest of them in a timeline does. */
  public static final Set<EventAction> DECIDING =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventAction.OPENED, EventAction.REOPENED, EventAction.NOT_PAGED, EventAction.PAGED));

  /**
   * Reads the timeline, oldest first, of an incident.
   *
   * @throws IllegalArgumentException when it holds no opening
   */
  public static PagingHistory of(List<IncidentEvent> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (DECIDING.contains(timeline.get(i).action())) {
        return from(timeline.get(i));
      }
    }
    throw new IllegalArgumentException("the timeline holds no opening");
  }

  /**
   * Where paging stands after {@code deciding}, the latest event of its timeline whose action is
   * one of {@link #DECIDING}.
   *
   * @throws IllegalArgumentException when its action decides nothing
   */
  public static PagingHistory from(IncidentEvent deciding) {
    return switch (deciding.action()) {
      case NOT_PAGED -> new PagingHistory(true, deciding.comment(), deciding.at());
      case PAGED, OPENED, REOPENED -> new PagingHistory(false, "", deciding.at());
      default -> throw new IllegalArgumentException(deciding.action() + " does not decide paging");
    };
  }
}
