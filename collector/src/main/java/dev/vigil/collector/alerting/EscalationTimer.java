package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.IllegalTransitionException;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.OpenIncident;
import dev.vigil.collector.incident.PagingGate;
import dev.vigil.collector.incident.PagingHistory;
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
 * passed since the incident started paging ((re)opened, or paged once a hold ended), asking the
 * {@link EscalationPlanner}. A collector that was away while two steps came due escalates through
 * both, so each tier's receivers are told. An incident acknowledged, resolved or escalated by
 * another collector meanwhile is left alone: the store refuses the change and writes nothing.
 *
 * <p>An incident whose paging is held (opened in a maintenance window or outside its paging hours)
 * is paged as soon as the gate allows; while the gate holds a paging incident, its next step waits.
 *
 * <p>A pass reads every open incident with where its paging stands in one query, not a timeline per
 * incident: during an outage nobody has acknowledged yet, thousands are open at once.
 */
final class EscalationTimer {
  private final IncidentStore store;
  private final EscalationPolicies policies;
  private final PagingGate gate;
  private final InstantSource clock;

  EscalationTimer(
      IncidentStore store, EscalationPolicies policies, PagingGate gate, InstantSource clock) {
    this.store = store;
    this.policies = policies;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * One pass over the unresolved incidents; returns how many escalations and held pagings it wrote.
   */
  int escalateDue() {
    int written = 0;
    for (OpenIncident open : store.openWithPaging()) {
      written += advance(open.incident(), open.paging());
    }
    return written;
  }

  private int advance(Incident incident, PagingHistory paging) {
    Instant now = clock.instant();
    Optional<String> hold = gate.holdReason(incident, now);
    if (paging.held()) {
      // The store asks the gate again in its transaction; calling only on a change spares the
      // writer a transaction per held incident per pass.
      boolean changed = hold.isEmpty() || !hold.get().equals(paging.holdReason());
      return changed && store.pageIfAllowed(incident.id()).join() ? 1 : 0;
    }
    return hold.isPresent() ? 0 : escalate(incident, paging.since(), now);
  }

  private int escalate(Incident incident, Instant pagingSince, Instant now) {
    List<DueNotice> due =
        EscalationPlanner.due(
            policies.forLabels(incident.key().labels()), history(incident, pagingSince), now);
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

  /**
   * The steps up to the incident's tier were told when it reached that tier; the steps count from
   * when it started paging, so a reopened incident climbs again from its reopening and a held one
   * from when its hold ended.
   */
  private static IncidentHistory history(Incident incident, Instant pagingSince) {
    Set<Integer> notified =
        IntStream.range(0, incident.tier()).boxed().collect(Collectors.toUnmodifiableSet());
    return new IncidentHistory(
        pagingSince, Optional.empty(), Optional.empty(), notified, Set.of(), false);
  }
}
