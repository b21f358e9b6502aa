package dev.vigil.collector.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Notifications of a disk filling up on one workstation, for receiver and delivery tests. */
public final class TestNotifications {
  /** When the test incident opened. */
  public static final Instant OPENED = Instant.parse("2026-11-23T09:15:00Z");

  private TestNotifications() {}

  /** The firing notice of incident {@code incidentId} on {@code host} at {@code tier}. */
  public static Notification firing(String incidentId, String host, int tier) {
    return new Notification(
        incidentId,
        host + "/HostFilesystemAlmostFull/mountpoint=/",
        host,
        "HostFilesystemAlmostFull",
        Map.of("mountpoint", "/", "team", "desktop"),
        Map.of(
            Notification.SUMMARY,
            "Filesystem / on " + host + " is 93% full",
            Notification.DESCRIPTION,
            "Less than 7% of / is left; at the current rate it fills within a day.",
            Notification.RUNBOOK_URL,
            "https://kb.example.org/runbooks/disk-full"),
        "warning",
        NotificationStatus.FIRING,
        tier,
        OPENED,
        Optional.empty());
  }
}
