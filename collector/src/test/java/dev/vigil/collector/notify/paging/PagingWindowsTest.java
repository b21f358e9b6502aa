package dev.vigil.collector.notify.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which host may page when, and the reasons the audit trail gives when it may not. */
class PagingWindowsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final WeeklyWindow BUSINESS_HOURS =
      new WeeklyWindow(
          "business-hours",
          PARIS,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          List.of(TimeRange.parse("08:00-18:00")));
  private static final WeeklyWindow PATCH_NIGHTS =
      new WeeklyWindow(
          "patch-nights",
          PARIS,
          EnumSet.of(DayOfWeek.TUESDAY),
          List.of(TimeRange.parse("22:00-02:00")));
  private static final Map<String, String> PARIS_SERVER = Map.of("site", "paris", "role", "server");
  private static final Map<String, String> WORKSTATION =
      Map.of("site", "paris", "role", "workstation");

  private static final PagingWindows WINDOWS =
      new PagingWindows(
          List.of(
              new PagingRoute(new HostSelector(Map.of("role", "server")), Optional.empty()),
              new PagingRoute(new HostSelector(Map.of()), Optional.of(BUSINESS_HOURS))),
          List.of(
              new MaintenanceWindow(
                  "patch-tuesday",
                  new HostSelector(Map.of("site", "paris", "role", "server")),
                  "monthly patching",
                  new MaintenanceSchedule.Weekly(PATCH_NIGHTS)),
              new MaintenanceWindow(
                  "lyon-move",
                  new HostSelector(Map.of("site", "lyon")),
                  "datacenter move",
                  new MaintenanceSchedule.Once(
                      Instant.parse("2026-12-05T19:00:00Z"),
                      Instant.parse("2026-12-06T07:00:00Z")))));

  @Test
  void shouldLetServersPageAtAnyTimeOutsideTheirMaintenance() {
    assertEquals(
        Optional.empty(), WINDOWS.holdReason(PARIS_SERVER, Instant.parse("2026-11-28T03:00:00Z")));
  }

  @Test
  void shouldHoldAServerInItsWeeklyMaintenanceUntilItEnds() {
    assertEquals(
        Optional.of(
            "maintenance window 'patch-tuesday' (role=server, site=paris: monthly patching)"
                + " until 2026-11-25T02:00:00+01:00"),
        WINDOWS.holdReason(PARIS_SERVER, Instant.parse("2026-11-24T22:00:00Z")));
  }

  @Test
  void shouldHoldAWorkstationOutsideBusinessHoursUntilTheyStart() {
    assertEquals(
        Optional.of(
            "outside time window 'business-hours' (all hosts page only then)"
                + " until 2026-11-30T08:00:00+01:00"),
        WINDOWS.holdReason(WORKSTATION, Instant.parse("2026-11-28T10:00:00Z")));
    assertEquals(
        Optional.empty(), WINDOWS.holdReason(WORKSTATION, Instant.parse("2026-11-30T07:00:00Z")));
  }

  @Test
  void shouldHoldEveryHostOfASiteDuringAOneOffWindowOnly() {
    Map<String, String> lyon = Map.of("site", "lyon", "role", "server");

    assertEquals(
        Optional.of(
            "maintenance window 'lyon-move' (site=lyon: datacenter move)"
                + " until 2026-12-06T07:00:00Z"),
        WINDOWS.holdReason(lyon, Instant.parse("2026-12-05T19:00:00Z")));
    assertEquals(Optional.empty(), WINDOWS.holdReason(lyon, Instant.parse("2026-12-06T07:00:00Z")));
    assertEquals(Optional.empty(), WINDOWS.holdReason(lyon, Instant.parse("2026-12-05T18:59:59Z")));
  }

  @Test
  void shouldSelectOnlyHostsWithEveryLabel() {
    HostSelector selector = new HostSelector(Map.of("site", "paris", "role", "server"));

    assertEquals(true, selector.matches(Map.of("site", "paris", "role", "server", "owner", "it")));
    assertEquals(false, selector.matches(Map.of("site", "paris")));
    assertEquals(false, selector.matches(Map.of("site", "paris", "role", "workstation")));
    assertEquals(true, new HostSelector(Map.of()).matches(Map.of()));
  }
}
