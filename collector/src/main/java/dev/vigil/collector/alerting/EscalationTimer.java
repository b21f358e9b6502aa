package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.EventAction;
import dev.vigil.collector.incident.IllegalTransitionException;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentEvent;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.notify.escalation.DueNotice;
import dev.vigil.collector.notify.escalation.EscalationPlanner;
import dev.vigil.collector.notify.escalation.EscalationPolicies;
import dev.vigil.collector.notify.escalation.IncidentHistory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Moves open, unacknowledged incidents up their policy's steps once each step's {@code after} has
 * passed since the incident (re)opened, asking the {@link EscalationPlanner}. A collector that was
 * away while two steps came due escalates through both, so each tier's receivers are told. An
 * incident acknowledged, resolved or escalated by another collector meanwhile is left alone: the
 * store refuses the change and writes nothing.
 */
final class EscalationTimer {
  private final IncidentStore store;
  private final EscalationPolicies policies;
  private final InstantSource clock;

  EscalationTimer(IncidentStore store, EscalationPolicies policies, InstantSource clock) {
    this.store = store;
    this.policies = policies;
    this.clock = clock;
  }

  /** One pass over the unresolved incidents; returns how many escalations it wrote. */
  int escalateDue() {
    int escalations = 0;
    for (Incident incident : store.unresolved()) {
      if (incident.state() == IncidentState.OPEN) {
        escalations += escalate(incident);
      }
    }
    return escalations;
  }

  private int escalate(Incident incident) {
    List<DueNotice> due =
        EscalationPlanner.due(
            policies.forLabels(incident.key().labels()), history(incident), clock.instant());
    int highest = due.stream().mapToInt(DueNotice::tier).max().orElse(incident.tier());
    int written = 0;
    for (int tier = incident.tier() + 1; tier <= highest; tier++) {
      try {
        store.escalate(incident.id(), tier).join();
        written++;
      } catch (CompletionException e) {
        if (e.getCause() instanceof IllegalTransitionException) {
          return written;
        }
        throw e;
      }
    }
    return written;
  }

  /** The steps up to the incident's tier were told when it reached that tier. */
  private IncidentHistory history(Incident incident) {
    Set<Integer> notified =
        IntStream.range(0, incident.tier()).boxed().collect(Collectors.toUnmodifiableSet());
    return new IncidentHistory(
        openingTime(incident), Optional.empty(), Optional.empty(), notified, Set.of(), false);
  }

  /** A reopened incident climbs again from its reopening, not from when it first opened. */
  private Instant openingTime(Incident incident) {
    if (incident.flaps() == 0) {
      return incident.openedAt();
    }
    List<IncidentEvent> timeline = store.timeline(incident.id());
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).action() == EventAction.REOPENED) {
        return timeline.get(i).at();
      }
    }
    return incident.openedAt();
  }
}
