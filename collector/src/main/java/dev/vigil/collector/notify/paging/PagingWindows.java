package dev.vigil.collector.notify.paging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an incident on a host may page now: not while a maintenance window holds the
 * host, and not outside the time window its paging route allows. The incident is recorded either
 * way; this only decides who hears of it, and when.
 *
 * @param routes in the file's order; the first matching one decides
 * @param maintenance every maintenance window; any one that holds the host silences it
 */
public record PagingWindows(List<PagingRoute> routes, List<MaintenanceWindow> maintenance) {
  /** Copies the lists. */
  public PagingWindows {
    routes = List.copyOf(routes);
    maintenance = List.copyOf(maintenance);
  }

  /**
   * Why a host with {@code hostLabels} must not page at {@code at}, e.g. {@code maintenance window
   * 'patch-tuesday' (site=paris: monthly patching) until 2026-11-25T02:00:00+01:00}; empty when it
   * may. A maintenance window is named before the route's hours.
   */
  public Optional<String> holdReason(Map<String, String> hostLabels, Instant at) {
    for (MaintenanceWindow window : maintenance) {
      Optional<String> reason = window.holds(hostLabels, at);
      if (reason.isPresent()) {
        return reason;
      }
    }
    for (PagingRoute route : routes) {
      if (route.hosts().matches(hostLabels)) {
        return route.onlyIn().flatMap(window -> outside(window, route.hosts(), at));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> outside(WeeklyWindow window, HostSelector hosts, Instant at) {
    if (window.contains(at)) {
      return Optional.empty();
    }
    return Optional.of(
        "outside time window '"
            + window.name()
            + "' ("
            + hosts
            + " page only then) "
            + window.nextChange(at).map(t -> "until " + window.local(t)).orElse("with no end"));
  }
}
