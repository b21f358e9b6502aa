package dev.vigil.collector.notify.delivery;

import java.util.Locale;

/** What one attempt came to, as {@code vigil_notifications_total} counts it. */
public enum DeliveryOutcome {
  /** The receiver took it. */
  DELIVERED,
  /** It failed for a passing reason and will be tried again. */
  RETRY,
  /** It failed for good and was parked. */
  FAILED;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
