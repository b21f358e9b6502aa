package dev.vigil.collector.api;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A host's patch health, read from the latest values of the series its agent's patch collector
 * sends. Every field is null when the host has no current value for it: a host whose package
 * manager is unknown, or whose scan failed, reports nothing rather than zeros.
 *
 * @param securityPending {@code vigil_updates_pending{class="security"}}
 * @param otherPending {@code vigil_updates_pending{class="other"}}
 * @param rebootRequired {@code node_reboot_required}
 * @param rebootReasons the {@code reason} of every {@code vigil_reboot_required} at 1, sorted
 * @param lastInstall {@code vigil_updates_last_install_timestamp_seconds}
 * @param lastRefresh {@code vigil_updates_last_refresh_timestamp_seconds}
 * @param scanSuccess {@code vigil_patch_scan_success}
 * @param lastScan {@code vigil_patch_scan_timestamp_seconds}
 */
record PatchSummary(
    Long securityPending,
    Long otherPending,
    Boolean rebootRequired,
    List<String> rebootReasons,
    Instant lastInstall,
    Instant lastRefresh,
    Boolean scanSuccess,
    Instant lastScan) {
  static final String UPDATES_PENDING = "vigil_updates_pending";
  static final String NODE_REBOOT_REQUIRED = "node_reboot_required";
  static final String REBOOT_REQUIRED = "vigil_reboot_required";
  static final String LAST_INSTALL = "vigil_updates_last_install_timestamp_seconds";
  static final String LAST_REFRESH = "vigil_updates_last_refresh_timestamp_seconds";
  static final String SCAN_SUCCESS = "vigil_patch_scan_success";
  static final String SCAN_TIMESTAMP = "vigil_patch_scan_timestamp_seconds";

  /**
   * Reads {@code host}'s summary. A value is current when it is at most {@code staleAfter} older
   * than the host's newest value: a series the agent stopped sending drops out, while a host that
   * went away keeps the state it last reported.
   */
  static PatchSummary read(SeriesStore store, HostState host, Duration staleAfter) {
    Reader reader = new Reader(store, host.slots(), staleAfter);
    return new PatchSummary(
        count(reader.value(UPDATES_PENDING, "class", "security")),
        count(reader.value(UPDATES_PENDING, "class", "other")),
        flag(reader.value(NODE_REBOOT_REQUIRED, null, null)),
        reader.reasonsAtOne(),
        time(reader.value(LAST_INSTALL, null, null)),
        time(reader.value(LAST_REFRESH, null, null)),
        flag(reader.value(SCAN_SUCCESS, null, null)),
        time(reader.value(SCAN_TIMESTAMP, null, null)));
  }

  private static Long count(Double value) {
    return value == null ? null : Math.round(value);
  }

  private static Boolean flag(Double value) {
    return value == null ? null : value != 0;
  }

  private static Instant time(Double seconds) {
    return seconds == null ? null : Instant.ofEpochMilli(Math.round(seconds * 1000));
  }

  /** One host's current series, found by metric name and one label. */
  private static final class Reader {
    private final SeriesStore store;
    private final SeriesSlots slots;
    private final long currentSince;

    Reader(SeriesStore store, SeriesSlots slots, Duration staleAfter) {
      this.store = store;
      this.slots = slots;
      long newest = 0;
      long[] updatedAt = slots.updatedAtMillis();
      for (int slot = slots.count() - 1; slot >= 0; slot--) {
        newest = Math.max(newest, updatedAt[slot]);
      }
      this.currentSince = newest - staleAfter.toMillis();
    }

    /**
     * The current value of {@code metric} whose label {@code label} is {@code value} (any series of
     * the metric when {@code label} is null), or null when there is none or it is NaN.
     */
    Double value(String metric, String label, String value) {
      for (int slot : current(metric)) {
        if (label == null || value.equals(slots.labels(slot).get(label))) {
          double v = slots.values()[slot];
          return Double.isNaN(v) ? null : v;
        }
      }
      return null;
    }

    /** The reasons whose {@code vigil_reboot_required} is 1; null when none is current. */
    List<String> reasonsAtOne() {
      int[] reasons = current(REBOOT_REQUIRED);
      if (reasons.length == 0) {
        return null;
      }
      List<String> atOne = new ArrayList<>();
      for (int slot : reasons) {
        Map<String, String> labels = slots.labels(slot);
        if (slots.values()[slot] == 1 && labels.containsKey("reason")) {
          atOne.add(labels.get("reason"));
        }
      }
      atOne.sort(null);
      return List.copyOf(atOne);
    }

    private int[] current(String metric) {
      MetricFamily family = store.findFamily(metric);
      int[] members = family == null ? null : slots.slotsOf(family.id());
      if (members == null) {
        return new int[0];
      }
      long[] updatedAt = slots.updatedAtMillis();
      int n = 0;
      int[] current = new int[members.length];
      for (int slot : members) {
        if (updatedAt[slot] != 0 && updatedAt[slot] >= currentSince) {
          current[n++] = slot;
        }
      }
      return Arrays.copyOf(current, n);
    }
  }
}
