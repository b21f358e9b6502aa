package dev.vigil.collector.alerting;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.PagingGate;
import dev.vigil.collector.notify.paging.PagingWindows;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds an incident's paging by the configured maintenance windows and paging routes, evaluated on
 * its host's labels as they are when asked (its latest Hello), at the time of the change.
 */
final class WindowGate implements PagingGate {
  private final PagingWindows windows;
  private final HostLabels hostLabels;

  WindowGate(PagingWindows windows, HostLabels hostLabels) {
    this.windows = windows;
    this.hostLabels = hostLabels;
  }

  @Override
  public Optional<String> holdReason(Incident incident, Instant at) {
    return windows.holdReason(hostLabels.of(incident.key().host()), at);
  }
}
