package dev.vigil.collector.notify.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.collector.notify.config.NotificationsConfigParser;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The paging sections of the notifications file, read through the file's parser: what they mean,
 * and errors that name file, line and column.
 */
class PagingWindowsParserTest {
  private static final String FILE = "notifications.yml";
  private static final String RECEIVERS_AND_POLICIES =
      """
      receivers:
        r:
          alertmanager: {url: http://127.0.0.1:9093}
      policies:
        default:
          - after: 0s
            receivers: [r]
      """;

  private PagingWindows parse(String paging) {
    return NotificationsConfigParser.parse(FILE, RECEIVERS_AND_POLICIES + paging, Path.of("."))
        .paging();
  }

  /** The message for the paging sections {@code paging}, which start on line 8. */
  private String error(String paging) {
    return assertThrows(IllegalArgumentException.class, () -> parse(paging)).getMessage();
  }

  @Test
  void shouldReadTimeWindowsRoutesAndMaintenance() {
    PagingWindows windows =
        parse(
            """
            time_windows:
              business-hours:
                zone: Europe/Paris
                days: [mon, tue, wed, thu, fri]
                hours: [08:00-12:00, 13:00-18:00]
              patch-nights: {zone: Europe/Paris, days: [tue], hours: [22:00-02:00]}
            paging:
              - hosts: {role: server}
              - hosts: {role: workstation}
                only_in: business-hours
            maintenance:
              patch-tuesday:
                hosts: {site: paris, role: server}
                during: patch-nights
                reason: monthly patching
              lyon-move:
                hosts: {}
                from: 2026-12-05T20:00:00+01:00
                until: 2026-12-06T08:00:00+01:00
                reason: datacenter move
            """);

    WeeklyWindow businessHours =
        new WeeklyWindow(
            "business-hours",
            ZoneId.of("Europe/Paris"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(new TimeRange(480, 720), new TimeRange(780, 1080)));
    WeeklyWindow patchNights =
        new WeeklyWindow(
            "patch-nights",
            ZoneId.of("Europe/Paris"),
            EnumSet.of(DayOfWeek.TUESDAY),
            List.of(new TimeRange(1320, 120)));
    assertEquals(
        new PagingWindows(
            List.of(
                new PagingRoute(new HostSelector(Map.of("role", "server")), Optional.empty()),
                new PagingRoute(
                    new HostSelector(Map.of("role", "workstation")), Optional.of(businessHours))),
            List.of(
                new MaintenanceWindow(
                    "patch-tuesday",
                    new HostSelector(Map.of("site", "paris", "role", "server")),
                    "monthly patching",
                    new MaintenanceSchedule.Weekly(patchNights)),
                new MaintenanceWindow(
                    "lyon-move",
                    new HostSelector(Map.of()),
                    "datacenter move",
                    new MaintenanceSchedule.Once(
                        Instant.parse("2026-12-05T19:00:00Z"),
                        Instant.parse("2026-12-06T07:00:00Z"))))),
        windows);
  }

  @Test
  void shouldPageEverythingAtOnceWhenTheFileSetsNoWindows() {
    assertEquals(new PagingWindows(List.of(), List.of()), parse(""));
  }

  @Test
  void shouldNameAnUnknownTimeZone() {
    assertEquals(
        FILE
            + ":10:11: unknown time zone \"Europe/Pariss\"; give an IANA name such as Europe/Paris",
        error(
            """
            time_windows:
              office:
                zone: Europe/Pariss
                days: [mon]
                hours: [08:00-18:00]
            """));
  }

  @Test
  void shouldNameAnUnknownDay() {
    assertEquals(
        FILE + ":9:44: unknown day \"monday\"; expected mon, tue, wed, thu, fri, sat or sun",
        error(
            """
            time_windows:
              office: {zone: Europe/Paris, days: [mon, monday], hours: [08:00-18:00]}
            """));
  }

  @Test
  void shouldNameAMalformedTimeRange() {
    assertEquals(
        FILE
            + ":9:53: a time range must be a time range like 08:00-18:00 (hours 00 to 24),"
            + " got \"8-18\"",
        error(
            """
            time_windows:
              office: {zone: Europe/Paris, days: [mon], hours: [8-18]}
            """));
  }

  @Test
  void shouldNameAnUnknownTimeWindowAndTheConfiguredOnes() {
    assertEquals(
        FILE + ":12:14: unknown time window \"busines-hours\"; configured: business-hours",
        error(
            """
            time_windows:
              business-hours: {zone: Europe/Paris, days: [mon], hours: [08:00-18:00]}
            paging:
              - hosts: {role: workstation}
                only_in: busines-hours
            """));
  }

  @Test
  void shouldAskForEitherAWeeklyWindowOrTwoInstants() {
    assertEquals(
        FILE
            + ":10:5: maintenance window \"move\" needs either 'during' (a time window) or"
            + " 'from' and 'until'",
        error(
            """
            maintenance:
              move:
                hosts: {site: lyon}
                reason: datacenter move
            """));
  }

  @Test
  void shouldNameAnInstantWithoutItsOffset() {
    assertEquals(
        FILE
            + ":11:11: a time must be like 2026-12-05T20:00:00+01:00 (with its offset), got"
            + " \"2026-12-05T20:00:00\"",
        error(
            """
            maintenance:
              move:
                hosts: {site: lyon}
                from: 2026-12-05T20:00:00
                until: 2026-12-06T08:00:00+01:00
                reason: datacenter move
            """));
  }

  @Test
  void shouldRefuseAWindowThatEndsBeforeItStarts() {
    assertEquals(
        FILE + ":12:12: maintenance window \"move\": 'until' must be after 'from'",
        error(
            """
            maintenance:
              move:
                hosts: {site: lyon}
                from: 2026-12-06T08:00:00+01:00
                until: 2026-12-05T20:00:00+01:00
                reason: datacenter move
            """));
  }

  @Test
  void shouldRequireAReason() {
    assertEquals(
        FILE + ":10:5: maintenance window \"move\" needs 'reason'",
        error(
            """
            maintenance:
              move:
                hosts: {site: lyon}
                from: 2026-12-05T20:00:00+01:00
                until: 2026-12-06T08:00:00+01:00
            """));
  }
}
