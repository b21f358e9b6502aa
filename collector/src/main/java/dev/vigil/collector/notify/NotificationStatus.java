package dev.vigil.collector.notify;

/** Whether a notification says that an incident fires or that it has resolved. */
public enum NotificationStatus {
  FIRING,
  RESOLVED;

  /** The lower-case word receivers see: {@code firing} or {@code resolved}. */
  public String word() {
    return this == FIRING ? "firing" : "resolved";
  }
}
