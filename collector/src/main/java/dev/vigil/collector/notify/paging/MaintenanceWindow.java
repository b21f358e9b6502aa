package dev.vigil.collector.notify.paging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A time when the hosts a selector chooses page nobody, for a reason: either once, between two
 * instants, or every week, during a {@link WeeklyWindow}.
 *
 * @param name how configuration and audit events name it, e.g. {@code patch-tuesday}
 * @param hosts the hosts it silences
 * @param reason why, for the audit trail
 * @param schedule when
 */
public record MaintenanceWindow(
    String name, HostSelector hosts, String reason, MaintenanceSchedule schedule) {

  /**
   * Why a host with these labels must not page at {@code at}, or empty when the window does not
   * hold it then.
   */
  Optional<String> holds(Map<String, String> hostLabels, Instant at) {
    if (!hosts.matches(hostLabels) || !schedule.active(at)) {
      return Optional.empty();
    }
    return Optional.of(
        "maintenance window '"
            + name
            + "' ("
            + hosts
            + ": "
            + reason
            + ") "
            + schedule.end(at).map(end -> "until " + schedule.render(end)).orElse("with no end"));
  }
}
