package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.List;

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
  /**
   * Reads the timeline, oldest first, of an incident.
   *
   * @throws IllegalArgumentException when it holds no opening
   */
  public static PagingHistory of(List<IncidentEvent> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      IncidentEvent event = timeline.get(i);
      switch (event.action()) {
        case NOT_PAGED -> {
          return new PagingHistory(true, event.comment(), event.at());
        }
        case PAGED, OPENED, REOPENED -> {
          return new PagingHistory(false, "", event.at());
        }
        default -> {}
      }
    }
    throw new IllegalArgumentException("the timeline holds no opening");
  }
}
